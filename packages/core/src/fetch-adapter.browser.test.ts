/// <reference types="mocha" />
// The fetch adapter's passkey and recovery-code calls in Chromium, against the reference backend the test server
// mounts (relying party localhost, the page's origin accepted): a passkey made by a virtual authenticator (the
// DevTools protocol's WebAuthn domain) registers, lists and renames; the same authenticator is excluded the second
// time; the same answer sent again gets its passkey; recovery codes are made and counted.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createFetchAdapter } from './fetch-adapter.js';
import type { PasskeyRegistrationResponse } from './types.js';

const adapter = createFetchAdapter({ baseUrl: '/api/security-info' });
const signal = () => new AbortController().signal;

/** The browser's own dialog, answered by the virtual authenticator. */
async function create(options: unknown): Promise<PasskeyRegistrationResponse> {
  const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options as PublicKeyCredentialCreationOptionsJSON);
  const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential;
  return credential.toJSON() as unknown as PasskeyRegistrationResponse;
}

describe('createFetchAdapter against the reference backend: passkeys and recovery codes', () => {
  beforeEach(() => executeServerCommand('virtual-authenticator', { action: 'add' }));
  afterEach(() => executeServerCommand('virtual-authenticator', { action: 'remove' }));

  it('registers a passkey made on this page, lists it by name, renames it, and excludes it next time', async () => {
    const setup = await adapter.startPasskey({ signal: signal() });
    expect(setup.options.rp.id).to.equal('localhost');
    expect(setup.options.authenticatorSelection?.userVerification).to.equal('required');
    const name = `Test key ${Date.now()}`;
    const method = await adapter.finishPasskey(
      { challengeId: setup.challengeId, response: await create(setup.options), name },
      { signal: signal() },
    );
    expect(method.kind).to.equal('passkey');
    expect(method.passkey?.name).to.equal(name);

    await adapter.renameMethod({ id: method.id, name: `${name} renamed` }, { signal: signal() });
    const { methods } = await adapter.listMethods({ signal: signal() });
    expect(methods.find((each) => each.id === method.id)?.passkey?.name).to.equal(`${name} renamed`);

    // The same authenticator again: the browser refuses it, told by excludeCredentials.
    const again = await adapter.startPasskey({ signal: signal() });
    expect(again.options.excludeCredentials?.length).to.be.greaterThan(0);
    let refused: unknown;
    try {
      await create(again.options);
    } catch (error) {
      refused = error;
    }
    expect((refused as Error | undefined)?.name).to.equal('InvalidStateError');
  });

  it('answers the same answer sent again with its passkey, and refuses another to the used challenge with code-expired', async () => {
    const setup = await adapter.startPasskey({ signal: signal() });
    const response = await create(setup.options);
    const first = await adapter.finishPasskey({ challengeId: setup.challengeId, response }, { signal: signal() });
    // Sent again as it was (its answer lost on the way back): the passkey it registered, not a second one.
    const again = await adapter.finishPasskey({ challengeId: setup.challengeId, response }, { signal: signal() });
    expect(again).to.deep.equal(first);
    const { methods } = await adapter.listMethods({ signal: signal() });
    expect(methods.filter((each) => each.id === first.id)).to.have.length(1);
    // Another credential's answer to the same challenge: the challenge is used.
    const another = await create(setup.options);
    let failed: { code?: string } | undefined;
    try {
      await adapter.finishPasskey({ challengeId: setup.challengeId, response: another }, { signal: signal() });
    } catch (error) {
      failed = error as { code?: string };
    }
    expect(failed?.code).to.equal('code-expired');
  });

  it('makes ten recovery codes and lists ten of ten left', async () => {
    const { codes, method } = await adapter.generateRecoveryCodes({ signal: signal() });
    expect(codes).to.have.length(10);
    for (const code of codes) expect(code).to.match(/^[2-9A-HJKMNP-TV-Z]{5}(-[2-9A-HJKMNP-TV-Z]{5}){2}$/);
    expect(method.recoveryCodes).to.deep.equal({ remaining: 10, total: 10 });
    const { methods } = await adapter.listMethods({ signal: signal() });
    expect(methods.filter((each) => each.kind === 'recovery-codes')).to.have.length(1);
  });
});
