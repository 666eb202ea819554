// Served with `script-src 'self'; style-src 'self'; require-trusted-types-for 'script'`: records every
// violation, so the test can run the whole flow and assert there was none.
export {};

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective}: ${event.blockedURI || event.sample}`);
});

const { createMemoryAdapter } = await import('@security-info/core');
await import('../../src/security-info-wizard/security-info-wizard.js');

const adapter = createMemoryAdapter({ policy: { methods: [{ id: 'phone', purposes: ['mfa'] }] } });
const wizard = document.querySelector('security-info-wizard')!;
wizard.adapter = adapter;

Object.assign(window, { violations, adapter, ready: true });
