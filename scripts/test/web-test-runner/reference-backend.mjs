// @ts-check
import { createSecurityInfoMiddleware, TEST_LIMITS } from '@security-info/server';

/**
 * Every method the wizard enrolls, for their end-to-end tests: the phone for both purposes, an authenticator app,
 * an email address, security questions (four predefined ones, three to answer), passkeys, and recovery codes.
 * @type {import('@security-info/core').SecurityInfoPolicy}
 */
export const REFERENCE_POLICY = {
  methods: [
    { id: 'authenticator-app', purposes: ['mfa', 'password-reset'] },
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'email', purposes: ['password-reset'] },
    { id: 'security-questions', purposes: ['password-reset'] },
    { id: 'passkey', purposes: ['mfa', 'password-reset'] },
  ],
  phone: { channels: ['sms', 'voice'] },
  securityQuestions: {
    questions: [{ id: 'first-pet' }, { id: 'birth-city' }, { id: 'first-school' }, { id: 'first-job' }],
    required: 3,
  },
  recoveryCodes: true,
};

/**
 * The origin passkeys are made on, for a request to the test server: the test runner's page is on
 * `http://localhost:<port>`, with a port chosen when it starts, so the origin follows the port the request came to
 * (its Host). Only ever `localhost`: the relying party id, whatever the request says, and never its `Origin`.
 * @param {Request} request
 * @returns {string[]}
 */
export function referenceOrigins(request) {
  const { port } = new URL(request.url);
  return [`http://localhost${port ? `:${port}` : ''}`];
}

/**
 * The reference backend at /api/security-info/, for the end-to-end tests: codes, by text message, call or email, go
 * to a list that only this test server exposes, at /__test__/last-code, so a test can finish the flow like a person
 * reading the message.
 * @returns {import('@web/dev-server-core').Middleware}
 */
export function referenceBackend() {
  /** @type {{ code?: string }[]} */
  const issued = [];
  const backend = createSecurityInfoMiddleware({
    // One signed-in test user, and limits lifted: every test enrolls from the same user, address and country.
    development: true,
    authenticate: () => 'test-user',
    policy: REFERENCE_POLICY,
    // Passkeys on the test page (Chromium's virtual authenticator): the relying party is localhost.
    rpId: 'localhost',
    rpName: 'security-info tests',
    rpOrigins: referenceOrigins,
    sender: {
      send: async (message) => void issued.push(message),
      sendEmail: async (message) => void issued.push(message),
    },
    limits: TEST_LIMITS,
  });
  return async (context, next) => {
    if (context.path === '/__test__/last-code') {
      context.body = { code: issued.at(-1)?.code ?? null };
      return;
    }
    if (!context.path.startsWith('/api/security-info/')) return next();
    context.respond = false;
    await new Promise((resolve) => {
      context.res.on('finish', resolve);
      backend(context.req, context.res, resolve);
    });
  };
}
