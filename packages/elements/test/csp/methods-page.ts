// The Security info page, served with `script-src 'self'; style-src 'self'; require-trusted-types-for 'script'`:
// records every violation, so the test can make, download and print recovery codes and assert there was none.
export {};

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective}: ${event.blockedURI || event.sample}`);
});

const { createMemoryAdapter, DEFAULT_POLICY } = await import('@security-info/core');
await import('../../src/security-info-methods/security-info-methods.js');
const { printer } = await import('../../src/security-info-methods/recovery-codes.js');

const adapter = createMemoryAdapter({
  policy: { ...DEFAULT_POLICY, recoveryCodes: true },
  registrations: { methods: [{ id: 'app', kind: 'authenticator-app' }] },
});
document.querySelector('security-info-methods')!.adapter = adapter;

Object.assign(window, { violations, adapter, printer, ready: true });
