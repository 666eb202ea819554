import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { enrollmentTransition as next, initialEnrollment, type EnrollmentState } from './enrollment.js';
import type { PasskeyStepReason } from './enrollment-state.js';
import { enrolledMethod } from './methods-enrollment.js';
import { passkeyDialogFailure } from './passkey-enrollment.js';
import { passkeyName } from './passkey-name.js';
import { EnrollmentRunner } from './runner.js';
import { methodsEnrollment, type MethodsEnrollmentInputs } from './runner-methods.js';
import { createMemoryAdapter } from './memory-adapter.js';
import { toBase64url } from './memory-passkeys.js';
import { SecurityInfoError } from './errors.js';
import type {
  PasskeyCreationOptions,
  PasskeyRegistrationResponse,
  PasskeySetup,
  RegisteredMethod,
  SecurityInfoAdapter,
  SecurityInfoPolicy,
} from './types.js';

const policy: SecurityInfoPolicy = { methods: [{ id: 'passkey', purposes: ['mfa', 'password-reset'] }] };
const id = (state: EnrollmentState) => state.request?.id ?? -1;
const setup: PasskeySetup = {
  challengeId: 'p1',
  options: {
    challenge: 'Y2hhbGxlbmdl',
    rp: { name: 'Contoso' },
    user: { id: 'dQ', name: 'ada', displayName: 'Ada' },
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    timeout: 60_000,
  },
};
const response: PasskeyRegistrationResponse = {
  id: 'cred',
  rawId: 'cred',
  type: 'public-key',
  response: { clientDataJSON: 'e30', attestationObject: 'o2M' },
  clientExtensionResults: {},
};
const registered: RegisteredMethod = {
  id: 'm1',
  kind: 'passkey',
  addedAt: '2026-12-02T00:00:00.000Z',
  lastUsedAt: null,
  purposes: ['mfa', 'password-reset'],
  removable: true,
  passkey: { name: 'Chrome on Windows' },
};

/** The passkey step with a passkey registered, waiting for its name. */
function created(): EnrollmentState {
  const chosen = next(initialEnrollment({ policy, start: 'passkey' }), { type: 'passkey-requested' });
  const started = next(chosen, { type: 'passkey-started', requestId: id(chosen), setup });
  const answered = next(started, { type: 'passkey-answered', requestId: id(started), response });
  return next(answered, { type: 'passkey-created', requestId: id(answered), method: registered });
}

describe('the passkey step', () => {
  it('asks for the options, opens the dialog, has the answer checked, then asks for a name', () => {
    const start = initialEnrollment({ policy, start: 'passkey' });
    assert.equal(start.step, 'passkey');
    const requested = next(start, { type: 'passkey-requested' });
    assert.equal(requested.request?.operation, 'startPasskey');
    const started = next(requested, { type: 'passkey-started', requestId: id(requested), setup });
    assert.equal(started.request?.operation, 'createPasskey');
    const answered = next(started, { type: 'passkey-answered', requestId: id(started), response });
    assert.equal(answered.request?.operation, 'finishPasskey');
    const named = created();
    assert.equal(named.step, 'passkey');
    assert.equal(named.request, null);
    assert.deepEqual(named.passkey, { registered: { id: 'm1', name: 'Chrome on Windows' } });
  });

  it('makes one creation per press: a second press while one is under way changes nothing', () => {
    const requested = next(initialEnrollment({ policy, start: 'passkey' }), { type: 'passkey-requested' });
    assert.equal(next(requested, { type: 'passkey-requested' }), requested);
    const started = next(requested, { type: 'passkey-started', requestId: id(requested), setup });
    assert.equal(next(started, { type: 'passkey-requested' }), started);
    const done = created();
    assert.equal(next(done, { type: 'passkey-requested' }), done);
  });

  it('ignores an answer to a request that is over', () => {
    const requested = next(initialEnrollment({ policy, start: 'passkey' }), { type: 'passkey-requested' });
    assert.equal(next(requested, { type: 'passkey-started', requestId: id(requested) + 1, setup }), requested);
  });

  it('ends with the name kept, or saves another name first', () => {
    const kept = next(created(), { type: 'passkey-named', name: 'Chrome on Windows' });
    assert.equal(kept.step, 'done');
    assert.deepEqual(enrolledMethod(kept), { method: 'passkey', id: 'm1', name: 'Chrome on Windows' });
    const renaming = next(created(), { type: 'passkey-named', name: 'Work laptop' });
    assert.equal(renaming.request?.operation, 'renameMethod');
    const done = next(renaming, { type: 'passkey-renamed', requestId: id(renaming) });
    assert.equal(done.step, 'done');
    assert.deepEqual(enrolledMethod(done), { method: 'passkey', id: 'm1', name: 'Work laptop' });
  });

  it('tries again with new options after a failure', () => {
    const requested = next(initialEnrollment({ policy, start: 'passkey' }), { type: 'passkey-requested' });
    const failed = next(requested, { type: 'failed', requestId: id(requested), error: { code: 'network' } });
    assert.equal(failed.error?.code, 'network');
    const again = next(failed, { type: 'passkey-requested' });
    assert.equal(again.request?.operation, 'startPasskey');
    assert.equal(again.error, undefined);
  });

  it('opens the dialog again with the options in hand after a cancel, in the press, while their challenge lasts', () => {
    const T = Date.UTC(2026, 11, 2);
    const requested = next(initialEnrollment({ policy, start: 'passkey' }), { type: 'passkey-requested', at: T });
    const started = next(requested, { type: 'passkey-started', requestId: id(requested), setup, at: T + 100 });
    const cancelled = (reason: PasskeyStepReason) =>
      next(started, { type: 'failed', requestId: id(started), error: { code: 'unknown', reason } });
    // The options' 60 s, less a minute for the second dialog: none left; with five minutes, four are.
    const long = { ...setup, options: { ...setup.options, timeout: 300_000 } };
    const startedLong = next(requested, {
      type: 'passkey-started',
      requestId: id(requested),
      setup: long,
      at: T + 100,
    });
    const cancelledLong = next(startedLong, {
      type: 'failed',
      requestId: id(startedLong),
      error: { code: 'unknown', reason: 'passkey-cancelled' },
    });
    const again = next(cancelledLong, { type: 'passkey-requested', at: T + 200_000 });
    assert.equal(again.request?.operation, 'createPasskey');
    assert.deepEqual(again.passkey?.setup, long);
    assert.equal(again.error, undefined);
    // Too late, another failure, or a press whose time is not known: new options first.
    assert.equal(
      next(cancelledLong, { type: 'passkey-requested', at: T + 241_000 }).request?.operation,
      'startPasskey',
    );
    assert.equal(
      next(cancelled('passkey-cancelled'), { type: 'passkey-requested', at: T + 1000 }).request?.operation,
      'startPasskey',
    );
    const exists = next(startedLong, {
      type: 'failed',
      requestId: id(startedLong),
      error: { code: 'unknown', reason: 'passkey-exists' },
    });
    assert.equal(next(exists, { type: 'passkey-requested', at: T + 1000 }).request?.operation, 'startPasskey');
    assert.equal(next(cancelledLong, { type: 'passkey-requested' }).request?.operation, 'startPasskey');
  });

  it('sends the same answer again when its registration went unanswered, and starts over after any other failure', () => {
    const requested = next(initialEnrollment({ policy, start: 'passkey' }), { type: 'passkey-requested' });
    const started = next(requested, { type: 'passkey-started', requestId: id(requested), setup });
    const answered = next(started, { type: 'passkey-answered', requestId: id(started), response });
    const failed = (code: 'network' | 'timeout' | 'unknown' | 'code-expired') =>
      next(answered, { type: 'failed', requestId: id(answered), error: { code } });
    for (const code of ['network', 'timeout'] as const) {
      // The backend may have registered it: the same answer is its registration's retry, with no second dialog.
      const again = next(failed(code), { type: 'passkey-requested' });
      assert.equal(again.request?.operation, 'finishPasskey', code);
      assert.deepEqual(again.passkey?.response, response, code);
      assert.deepEqual(again.passkey?.setup, setup, code);
      assert.equal(again.error, undefined, code);
      const done = next(again, { type: 'passkey-created', requestId: id(again), method: registered });
      assert.deepEqual(done.passkey, { registered: { id: 'm1', name: 'Chrome on Windows' } }, code);
    }
    for (const code of ['unknown', 'code-expired'] as const)
      assert.equal(next(failed(code), { type: 'passkey-requested' }).request?.operation, 'startPasskey', code);
    // A dialog that failed on the network has no answer to send: new options.
    const dialogLost = next(started, { type: 'failed', requestId: id(started), error: { code: 'network' } });
    assert.equal(next(dialogLost, { type: 'passkey-requested' }).request?.operation, 'startPasskey');
  });
});

describe('what a failed dialog means', () => {
  const named = (name: string) => new DOMException('failed', name);
  it('tells apart a passkey there already, the wrong site, nothing suitable, a cancel and a time-out', () => {
    assert.equal(passkeyDialogFailure(named('InvalidStateError'), 10, 60_000), 'passkey-exists');
    assert.equal(passkeyDialogFailure(named('SecurityError'), 10, 60_000), 'passkey-origin');
    assert.equal(passkeyDialogFailure(named('NotSupportedError'), 10, 60_000), 'passkey-unsupported');
    assert.equal(passkeyDialogFailure(named('NotAllowedError'), 10, 60_000), 'passkey-cancelled');
    assert.equal(passkeyDialogFailure(named('NotAllowedError'), 60_000, 60_000), 'passkey-timeout');
  });
});

describe('passkeyName', () => {
  it('takes 1 to 64 characters, trimmed', () => {
    assert.equal(passkeyName('  Work laptop '), 'Work laptop');
    assert.equal(passkeyName('   '), undefined);
    assert.equal(passkeyName('x'.repeat(65)), undefined);
    assert.equal(passkeyName('🔑'.repeat(64)), '🔑'.repeat(64));
    assert.equal(passkeyName(3), undefined);
    // The server's rule: one line, nothing that reorders the text around it, something visible, whole characters.
    assert.equal(passkeyName('Work\u202Epot laptop'), undefined);
    assert.equal(passkeyName('Work\u2028laptop'), undefined);
    assert.equal(passkeyName('\u200B\u200D'), undefined);
    assert.equal(passkeyName('\u3164'), undefined);
    assert.equal(passkeyName('\u2800\uFFA0'), undefined);
    assert.equal(passkeyName('\u3164 Desk'), '\u3164 Desk');
    assert.equal(passkeyName('Key \uD83D'), undefined);
    assert.equal(passkeyName('Tab\there'), undefined);
    assert.equal(passkeyName('👩‍💻 Desk'), '👩‍💻 Desk');
  });
});

/** A browser's answer as an authenticator would give it for `options`. */
function answer(options: PasskeyCreationOptions, type = 'webauthn.create'): PasskeyRegistrationResponse {
  const data = JSON.stringify({ type, challenge: options.challenge, origin: 'https://example.com' });
  return {
    ...response,
    id: `cred-${options.challenge.slice(0, 6)}`,
    response: { clientDataJSON: toBase64url(new TextEncoder().encode(data)), attestationObject: 'o2M' },
  };
}

/** A runner on the passkey step, with the browser's dialog replaced by `create`. */
function runner(
  adapter: SecurityInfoAdapter,
  inputs: Partial<MethodsEnrollmentInputs> = {},
  { timeout = 1000, start = 'passkey' as const }: { timeout?: number; start?: 'passkey' | 'methods' } = {},
) {
  const run = new EnrollmentRunner({ adapter: () => adapter, timeout: () => timeout });
  run.use(
    methodsEnrollment({
      code: () => undefined,
      answers: () => undefined,
      createPasskey: async (options) => answer(options),
      passkeyName: () => 'Chrome on Windows',
      ...inputs,
    }),
  );
  run.start({ policy: { methods: [...policy.methods, { id: 'phone', purposes: ['mfa'] }] }, start });
  return run;
}

/** Resolves once the runner's state satisfies `test`. */
function until(run: EnrollmentRunner, test: (state: EnrollmentState) => boolean): Promise<EnrollmentState> {
  return new Promise((resolve) => {
    if (test(run.state!)) return resolve(run.state!);
    const stop = run.subscribe((_, after) => {
      if (!test(after)) return;
      stop();
      resolve(after);
    });
  });
}

describe('a passkey with the memory adapter', () => {
  it('is registered under the suggested name, then renamed, and listed', async () => {
    const adapter = createMemoryAdapter({ policy });
    const run = runner(adapter);
    run.dispatch({ type: 'passkey-requested' });
    const named = await until(run, (state) => !!state.passkey?.registered);
    assert.equal(named.passkey?.registered?.name, 'Chrome on Windows');
    run.dispatch({ type: 'passkey-named', name: 'Work laptop' });
    await until(run, (state) => state.step === 'done');
    const { methods } = await adapter.listMethods({ signal: new AbortController().signal });
    assert.deepEqual(
      methods.map((method) => [method.kind, method.passkey?.name]),
      [['passkey', 'Work laptop']],
    );
  });

  it('excludes the passkeys registered already from the next options', async () => {
    const adapter = createMemoryAdapter({ policy });
    const signal = new AbortController().signal;
    const first = await adapter.startPasskey({ signal });
    await adapter.finishPasskey(
      { challengeId: first.challengeId, response: answer(first.options), name: 'A' },
      { signal },
    );
    const second = await adapter.startPasskey({ signal });
    assert.deepEqual(
      second.options.excludeCredentials?.map((credential) => credential.id),
      [answer(first.options).id],
    );
    assert.notEqual(second.options.challenge, first.options.challenge);
    assert.match(second.options.challenge, /^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses an answer to another challenge, one that is no creation, and another answer to a used challenge', async () => {
    const adapter = createMemoryAdapter({ policy });
    const signal = new AbortController().signal;
    const one = await adapter.startPasskey({ signal });
    const two = await adapter.startPasskey({ signal });
    await assert.rejects(
      adapter.finishPasskey({ challengeId: one.challengeId, response: answer(two.options) }, { signal }),
      {
        code: 'invalid-code',
      },
    );
    await assert.rejects(
      adapter.finishPasskey(
        { challengeId: two.challengeId, response: answer(two.options, 'webauthn.get') },
        { signal },
      ),
      { code: 'invalid-code' },
    );
    const three = await adapter.startPasskey({ signal });
    await adapter.finishPasskey({ challengeId: three.challengeId, response: answer(three.options) }, { signal });
    const another = { ...answer(three.options), id: 'cred-another' };
    await assert.rejects(adapter.finishPasskey({ challengeId: three.challengeId, response: another }, { signal }), {
      code: 'code-expired',
    });
    assert.equal((await adapter.listMethods({ signal })).methods.length, 1);
  });

  it('answers the same answer sent again with the passkey it registered, as a server does, while it lasts', async () => {
    let time = Date.UTC(2026, 11, 3);
    const adapter = createMemoryAdapter({ policy, now: () => time });
    const signal = new AbortController().signal;
    const setup = await adapter.startPasskey({ signal });
    const sent = { challengeId: setup.challengeId, response: answer(setup.options), name: 'Laptop' };
    const first = await adapter.finishPasskey(sent, { signal });
    assert.deepEqual(await adapter.finishPasskey({ ...sent, name: 'Another' }, { signal }), first);
    assert.deepEqual(
      (await adapter.listMethods({ signal })).methods.map((method) => method.passkey?.name),
      ['Laptop'],
      'nothing registered twice, the first name kept',
    );
    time += 300_000;
    await assert.rejects(adapter.finishPasskey(sent, { signal }), { code: 'code-expired' }, 'not once it expired');
  });

  it('refuses a credential registered already, as a server does, so the list never holds it twice', async () => {
    const adapter = createMemoryAdapter({ policy });
    const signal = new AbortController().signal;
    const first = await adapter.startPasskey({ signal });
    const registered = answer(first.options);
    await adapter.finishPasskey({ challengeId: first.challengeId, response: registered }, { signal });
    // The same authenticator's credential, answered to a new challenge (a browser that ignored excludeCredentials).
    const second = await adapter.startPasskey({ signal });
    const again = { ...answer(second.options), id: registered.id };
    await assert.rejects(adapter.finishPasskey({ challengeId: second.challengeId, response: again }, { signal }), {
      code: 'invalid-code',
      reason: 'already-registered',
    });
    assert.equal((await adapter.listMethods({ signal })).methods.length, 1);
  });

  it('refuses a passkey beyond the most a person may have, at the options and at the answer, as a server does', async () => {
    const signal = new AbortController().signal;
    const passkeys = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ id: `k${i}`, kind: 'passkey' as const }));
    const adapter = createMemoryAdapter({ policy, maxPasskeys: 2, registrations: { methods: passkeys(1) } });
    // Two dialogs opened with one place left: the first answer takes it, the second is refused.
    const [one, two] = [await adapter.startPasskey({ signal }), await adapter.startPasskey({ signal })];
    await adapter.finishPasskey({ challengeId: one.challengeId, response: answer(one.options) }, { signal });
    const full = { code: 'unknown', reason: 'method-limit' };
    await assert.rejects(
      adapter.finishPasskey({ challengeId: two.challengeId, response: answer(two.options) }, { signal }),
      full,
    );
    await assert.rejects(adapter.startPasskey({ signal }), full);
    assert.equal((await adapter.listMethods({ signal })).methods.length, 2);
    // By default 20, as the reference server.
    const twenty = createMemoryAdapter({ policy, registrations: { methods: passkeys(20) } });
    await assert.rejects(twenty.startPasskey({ signal }), full);
    const nineteen = createMemoryAdapter({ policy, registrations: { methods: passkeys(19) } });
    assert.ok((await nineteen.startPasskey({ signal })).challengeId);
  });

  it('says a passkey beyond the person’s most as the step’s own reason, at the options and at the answer', async () => {
    for (const operation of ['startPasskey', 'finishPasskey'] as const) {
      const adapter = createMemoryAdapter({ policy });
      adapter.injectFault(operation, { code: 'unknown', reason: 'method-limit' });
      const run = runner(adapter);
      run.dispatch({ type: 'passkey-requested' });
      const error = (await until(run, (state) => !!state.error)).error;
      assert.deepEqual([error?.code, error?.reason, error?.operation], ['unknown', 'passkey-limit', operation]);
    }
  });

  it('renames with 1 to 64 characters only', async () => {
    const adapter = createMemoryAdapter({ policy });
    const signal = new AbortController().signal;
    const setup = await adapter.startPasskey({ signal });
    const method = await adapter.finishPasskey(
      { challengeId: setup.challengeId, response: answer(setup.options) },
      { signal },
    );
    await assert.rejects(adapter.renameMethod({ id: method.id, name: ' ' }, { signal }), SecurityInfoError);
    await assert.rejects(adapter.renameMethod({ id: 'nope', name: 'Phone' }, { signal }), SecurityInfoError);
    await adapter.renameMethod({ id: method.id, name: ' Phone ' }, { signal });
    assert.equal((await adapter.listMethods({ signal })).methods[0]?.passkey?.name, 'Phone');
  });

  it('shows the suggested name when the backend answers with a name no one could save', async () => {
    for (const malformed of [42, { text: 'x' }, 'x'.repeat(10_000), '\u200b', 'Evil\u202eexe.']) {
      const adapter = createMemoryAdapter({ policy });
      const finish = adapter.finishPasskey.bind(adapter);
      adapter.finishPasskey = async (request, options) => {
        const method = await finish(request, options);
        return { ...method, passkey: { name: malformed as string } };
      };
      const run = runner(adapter);
      run.dispatch({ type: 'passkey-requested' });
      const named = await until(run, (state) => !!state.passkey?.registered || !!state.error);
      assert.equal(named.passkey?.registered?.name, 'Chrome on Windows', JSON.stringify(malformed).slice(0, 20));
    }
  });

  it('keeps its own time limit when the options say the dialog’s time out of range or as text', async () => {
    for (const timeout of ['300000', 3_000_000_000, -1, Number.NaN]) {
      const adapter = createMemoryAdapter({ policy });
      const start = adapter.startPasskey.bind(adapter);
      adapter.startPasskey = async (options) => {
        const setup = await start(options);
        return { ...setup, options: { ...setup.options, timeout: timeout as number } };
      };
      // The person takes a moment in the dialog, well within the runner's limit.
      const slow = (options: PasskeyCreationOptions) =>
        new Promise<PasskeyRegistrationResponse>((resolve) => setTimeout(() => resolve(answer(options)), 50));
      const run = runner(adapter, { createPasskey: slow }, { timeout: 1000 });
      run.dispatch({ type: 'passkey-requested' });
      const after = await until(run, (state) => !!state.passkey?.registered || !!state.error);
      assert.equal(after.error?.code, undefined, String(timeout));
      assert.ok(after.passkey?.registered, String(timeout));
    }
  });

  it('registers one passkey when the answer to its registration is lost and the person presses again', async () => {
    const memory = createMemoryAdapter({ policy });
    let finishes = 0;
    // The backend registers the passkey, and its answer never arrives (the connection dropped on the way back).
    const adapter: SecurityInfoAdapter = {
      ...memory,
      async finishPasskey(request, options) {
        const method = await memory.finishPasskey!(request, options);
        if (++finishes > 1) return method;
        throw new SecurityInfoError('network', 'The connection dropped.');
      },
    };
    let dialogs = 0;
    const run = runner(adapter, {
      createPasskey: async (options) => {
        dialogs++;
        return answer(options);
      },
    });
    run.dispatch({ type: 'passkey-requested' });
    const lost = await until(run, (state) => !!state.error);
    assert.deepEqual([lost.error?.code, lost.error?.operation], ['network', 'finishPasskey']);
    run.dispatch({ type: 'passkey-requested' });
    const named = await until(run, (state) => !!state.passkey?.registered || !!state.error);
    assert.equal(named.error, undefined);
    assert.ok(named.passkey?.registered);
    assert.equal(dialogs, 1, 'no second dialog: the same answer went again');
    assert.equal(finishes, 2);
    const { methods } = await memory.listMethods({ signal: new AbortController().signal });
    assert.deepEqual(
      methods.map((method) => method.id),
      [named.passkey.registered.id],
      'one passkey',
    );
  });

  it('says why the dialog failed, and that the backend refused the answer', async () => {
    const cancelled = runner(createMemoryAdapter({ policy }), {
      createPasskey: () => Promise.reject(new DOMException('no', 'NotAllowedError')),
    });
    cancelled.dispatch({ type: 'passkey-requested' });
    const error = (await until(cancelled, (state) => !!state.error)).error;
    assert.deepEqual([error?.code, error?.reason, error?.operation], ['unknown', 'passkey-cancelled', 'createPasskey']);

    const adapter = createMemoryAdapter({ policy });
    adapter.injectFault('finishPasskey', 'invalid-code');
    const refused = runner(adapter);
    refused.dispatch({ type: 'passkey-requested' });
    assert.equal((await until(refused, (state) => !!state.error)).error?.reason, 'passkey-refused');

    const offline = createMemoryAdapter({ policy });
    offline.injectFault('startPasskey', 'network');
    const unreachable = runner(offline);
    unreachable.dispatch({ type: 'passkey-requested' });
    const failed = (await until(unreachable, (state) => !!state.error)).error;
    assert.deepEqual([failed?.code, failed?.reason], ['network', undefined]);
  });

  it('times out a backend that does not answer, and aborts the dialog when the person goes back', async () => {
    const hung = createMemoryAdapter({ policy });
    hung.injectFault('startPasskey', 'hang');
    const slow = runner(hung, {}, { timeout: 20 });
    slow.dispatch({ type: 'passkey-requested' });
    assert.equal((await until(slow, (state) => !!state.error)).error?.code, 'timeout');

    let aborted = false;
    const open = runner(
      createMemoryAdapter({ policy }),
      {
        createPasskey: (_options, signal) =>
          new Promise((_, reject) =>
            signal.addEventListener('abort', () => {
              aborted = true;
              reject(signal.reason);
            }),
          ),
      },
      { start: 'methods' },
    );
    open.dispatch({ type: 'method-chosen', method: 'passkey' });
    open.dispatch({ type: 'passkey-requested' });
    await until(open, (state) => state.request?.operation === 'createPasskey');
    open.dispatch({ type: 'back' });
    assert.equal(open.state?.step, 'methods');
    assert.equal(aborted, true);
  });
});
