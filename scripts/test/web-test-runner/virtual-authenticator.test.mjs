// @ts-check
// The virtual authenticator command, driven as the runner drives it, against a page that records what is sent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { virtualAuthenticatorCommand } from './virtual-authenticator.mjs';

/** A test session whose page answers the WebAuthn domain's calls and records them. */
function fakeSession() {
  /** @type {[string, unknown][]} */
  const sent = [];
  let next = 0;
  const client = {
    send: async (/** @type {string} */ method, /** @type {any} */ params) => {
      sent.push([method, params]);
      if (method === 'WebAuthn.addVirtualAuthenticator') return { authenticatorId: `a${++next}` };
      if (method === 'WebAuthn.getCredentials')
        return {
          credentials: [
            {
              credentialId: `c-${params.authenticatorId}`,
              isResidentCredential: true,
              rpId: 'localhost',
              privateKey: 'secret',
            },
          ],
        };
      return {};
    },
  };
  const page = { createCDPSession: async () => client };
  return { sent, session: /** @type {any} */ ({ id: 's1', browser: { getPage: () => page } }) };
}

test('virtual authenticator: a passkey-capable one by default, listed without its keys, and removed', async () => {
  const { sent, session } = fakeSession();
  const run = /** @type {NonNullable<ReturnType<typeof virtualAuthenticatorCommand>['executeCommand']>} */ (
    virtualAuthenticatorCommand().executeCommand
  );
  assert.equal(await run({ command: 'other', payload: { action: 'add' }, session }), undefined);
  assert.deepEqual(await run({ command: 'virtual-authenticator', payload: { action: 'add' }, session }), {
    authenticatorId: 'a1',
  });
  await run({
    command: 'virtual-authenticator',
    payload: { action: 'add', options: { isUserVerified: false } },
    session,
  });
  assert.deepEqual(sent[0], ['WebAuthn.enable', { enableUI: false }]);
  assert.deepEqual(sent[1], [
    'WebAuthn.addVirtualAuthenticator',
    {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    },
  ]);
  assert.equal(/** @type {any} */ (sent[3])[1].options.isUserVerified, false);
  assert.deepEqual(await run({ command: 'virtual-authenticator', payload: { action: 'credentials' }, session }), [
    { credentialId: 'c-a1', isResidentCredential: true, rpId: 'localhost' },
    { credentialId: 'c-a2', isResidentCredential: true, rpId: 'localhost' },
  ]);
  await run({ command: 'virtual-authenticator', payload: { action: 'remove' }, session });
  assert.deepEqual(
    sent.filter(([method]) => method === 'WebAuthn.removeVirtualAuthenticator'),
    [
      ['WebAuthn.removeVirtualAuthenticator', { authenticatorId: 'a1' }],
      ['WebAuthn.removeVirtualAuthenticator', { authenticatorId: 'a2' }],
    ],
  );
});
