// @ts-check
import { devTools } from './devtools.mjs';

/**
 * What a test may set of an authenticator (the DevTools protocol's `WebAuthn.VirtualAuthenticatorOptions`); the
 * default is a platform authenticator that holds passkeys, verifies the person and answers at once.
 * @typedef {{
 *   protocol?: 'ctap2' | 'u2f', transport?: 'internal' | 'usb' | 'nfc' | 'ble',
 *   hasResidentKey?: boolean, hasUserVerification?: boolean, isUserVerified?: boolean,
 *   automaticPresenceSimulation?: boolean,
 * }} AuthenticatorOptions
 */

/**
 * @typedef {{ action: 'add', options?: AuthenticatorOptions }
 *   | { action: 'remove' }
 *   | { action: 'credentials' }} VirtualAuthenticatorPayload
 */

/**
 * A person's device as the tests stand it in: a platform authenticator that holds passkeys, verifies the person and
 * answers at once.
 * @type {Required<AuthenticatorOptions>}
 */
export const PLATFORM_AUTHENTICATOR = {
  protocol: 'ctap2',
  transport: 'internal',
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  automaticPresenceSimulation: true,
};

/** The authenticators each page added, by the DevTools session that added them. */
/** @type {WeakMap<object, string[]>} */
const added = new WeakMap();

/**
 * `executeServerCommand('virtual-authenticator', { action: 'add', options })`: a virtual authenticator in the test's
 * page through the DevTools protocol's WebAuthn domain, so `navigator.credentials.create` answers without a person
 * (Chromium only). `{ action: 'credentials' }` lists what the authenticators hold (ids and user handles, for a test to
 * check a passkey was made); `{ action: 'remove' }` takes them away again, as each test should when it ends.
 * @returns {import('@web/test-runner-core').TestRunnerPlugin<VirtualAuthenticatorPayload>}
 */
export function virtualAuthenticatorCommand() {
  return {
    name: 'virtual-authenticator',
    async executeCommand({ command, payload, session }) {
      if (command !== 'virtual-authenticator' || !payload) return undefined;
      const client = await devTools(session);
      const ids = added.get(client) ?? [];
      added.set(client, ids);
      switch (payload.action) {
        case 'add': {
          // The browser's own dialog stays closed: the authenticator answers as the options say.
          await client.send('WebAuthn.enable', { enableUI: false });
          const { authenticatorId } = await client.send('WebAuthn.addVirtualAuthenticator', {
            options: { ...PLATFORM_AUTHENTICATOR, ...payload.options },
          });
          ids.push(authenticatorId);
          return { authenticatorId };
        }
        case 'credentials': {
          const lists = await Promise.all(
            ids.map((authenticatorId) => client.send('WebAuthn.getCredentials', { authenticatorId })),
          );
          return lists.flatMap(({ credentials }) =>
            credentials.map(({ credentialId, isResidentCredential, rpId }) => ({
              credentialId,
              isResidentCredential,
              rpId,
            })),
          );
        }
        case 'remove':
          for (const authenticatorId of ids.splice(0)) {
            await client.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
          }
          return true;
        default:
          return undefined;
      }
    },
  };
}
