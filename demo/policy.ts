// The demo's policy, on both backends: every method the library offers, recovery codes included, so the page shows
// each of them. Passkeys work on http://localhost (a secure context for browsers), not on 127.0.0.1: WebAuthn binds
// them to a domain name.
import { DEFAULT_POLICY, type SecurityInfoPolicy } from '@security-info/core';

export const DEMO_POLICY: SecurityInfoPolicy = {
  ...DEFAULT_POLICY,
  methods: [...DEFAULT_POLICY.methods, { id: 'passkey', purposes: ['mfa', 'password-reset'] }],
  recoveryCodes: true,
};
