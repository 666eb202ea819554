/**
 * A passkey's part of the enrollment: its transitions (joined to the other methods' in methods-enrollment.ts) and its
 * calls (runner-methods.ts). Pressing "Create passkey" asks the backend for the options (`startPasskey`), opens the
 * browser's dialog with them (`createPasskey`: a function the elements give, since core has no DOM), has the
 * backend check the answer and register the passkey (`finishPasskey`), then asks for a name; a name other than the
 * one suggested is saved with `renameMethod`. Each is a request of its own, so each has its own time-out and Back or
 * Cancel aborts whichever is in flight, the dialog included.
 */
import type { EnrollmentEvent, EnrollmentFailure, EnrollmentState, PasskeyStepReason } from './enrollment-state.js';
import { failureCode, SecurityInfoError, type NormalizeErrorContext } from './errors.js';
import { toSecurityInfoError } from './to-error.js';
import { passkeyName } from './passkey-name.js';
import { answers, settled, withRequest } from './requests.js';
import type { EnrollmentCall, EnrollmentCalls } from './runner.js';
import type { PasskeyCreationOptions, PasskeyRegistrationResponse, PasskeySetup, RegisteredMethod } from './types.js';

/** The next state for a passkey's events; any other event leaves the state as it is, the same object. */
export function passkeyTransition(state: EnrollmentState, event: EnrollmentEvent): EnrollmentState {
  const { step, request, passkey = {} } = state;
  if (step !== 'passkey') return state;
  switch (event.type) {
    case 'passkey-requested': {
      // One creation per press: nothing while one is under way, nor once a passkey is registered.
      if (request || passkey.registered) return state;
      // After a cancelled dialog, the options in hand open it again in the press itself, with no call before it: a
      // browser that opens the dialog only in answer to a press (Safari) refuses one opened after a round trip.
      const { setup, response, reusableUntil = 0 } = passkey;
      const { error } = state;
      // An answer whose registration went unanswered (the connection dropped, a time-out) may have been registered:
      // sent again, it is that registration's retry, which a backend answers with the passkey it made (and refuses
      // when it made none; the next press starts over), rather than a second passkey made for the same person.
      if (setup && response && error?.operation === 'finishPasskey' && /^(network|timeout)$/.test(error.code))
        return { ...withRequest(state, 'finishPasskey'), passkey: { setup, response, reusableUntil } };
      const cancelled = error?.reason === 'passkey-cancelled';
      if (setup && !response && cancelled && event.at !== undefined && event.at < reusableUntil)
        return { ...withRequest(state, 'createPasskey'), passkey: { setup, reusableUntil } };
      return { ...withRequest(state, 'startPasskey'), passkey: {} };
    }

    case 'passkey-started': {
      if (!answers(state, event.requestId, 'startPasskey')) return state;
      const { setup, at } = event;
      // The challenge lasts as long as the dialog may stay open; a second dialog needs a minute of it.
      const reusableUntil = at === undefined ? 0 : at + dialogMs(setup.options) - REOPEN_MARGIN_MS;
      return { ...withRequest(state, 'createPasskey'), passkey: { setup, reusableUntil } };
    }

    case 'passkey-answered':
      if (!answers(state, event.requestId, 'createPasskey')) return state;
      return { ...withRequest(state, 'finishPasskey'), passkey: { ...passkey, response: event.response } };

    case 'passkey-created': {
      if (!answers(state, event.requestId, 'finishPasskey')) return state;
      const { id, passkey: registered } = event.method;
      return { ...settled(state), passkey: { registered: { id, name: registered?.name ?? '' } } };
    }

    case 'passkey-named': {
      const { registered } = passkey;
      if (request || !registered) return state;
      if (event.name === registered.name) {
        const { error: _error, ...rest } = state;
        return { ...rest, step: 'done' };
      }
      return { ...withRequest(state, 'renameMethod'), passkey: { registered, naming: event.name } };
    }

    case 'passkey-renamed':
      if (!answers(state, event.requestId, 'renameMethod') || !passkey.registered || !passkey.naming) return state;
      return {
        ...settled(state),
        step: 'done',
        passkey: { registered: { ...passkey.registered, name: passkey.naming } },
      };

    default:
      return state;
  }
}

/** What a passkey's calls need from the elements. */
export interface PasskeyInputs {
  /**
   * Opens the browser's dialog with the backend's options (WebAuthn's `navigator.credentials.create`) and resolves
   * to its answer in JSON form; rejects with the browser's DOMException (by its `name`), and stops when `signal`
   * aborts.
   */
  createPasskey?(options: PasskeyCreationOptions, signal: AbortSignal): Promise<PasskeyRegistrationResponse>;
  /** The name suggested for a new passkey (from the device), sent with `finishPasskey`. */
  passkeyName?(): string | undefined;
}

/** The browser's dialog failed, or the backend refused its answer: why. */
export class PasskeyError extends Error {
  constructor(
    readonly reason: PasskeyStepReason,
    options?: { cause?: unknown },
  ) {
    super(`Adding a passkey failed: ${reason}`, options);
    this.name = 'PasskeyError';
  }
}

/**
 * What the browser's rejection means: `InvalidStateError`, an authenticator the options exclude (it holds one of the
 * person's passkeys); `SecurityError`, an address that is not the relying party's; `NotSupportedError`, nothing
 * offers what the options ask; `NotAllowedError`, the person cancelled, or the dialog's time ran out (browsers say
 * the same for both, so the time it stayed open tells them apart).
 */
export function passkeyDialogFailure(error: unknown, elapsedMs: number, timeoutMs: number): PasskeyStepReason {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'InvalidStateError':
      return 'passkey-exists';
    case 'SecurityError':
      return 'passkey-origin';
    case 'NotSupportedError':
      return 'passkey-unsupported';
    default:
      return elapsedMs >= timeoutMs ? 'passkey-timeout' : 'passkey-cancelled';
  }
}

/** How long a dialog stays open when the options say nothing: WebAuthn's recommended range tops out at 10 minutes. */
const DIALOG_MS = 300_000;
/** The longest a dialog is believed to stay open: Chromium caps the options' `timeout` at ten minutes. */
const MAX_DIALOG_MS = 600_000;

/**
 * How long the dialog may stay open by the options: their `timeout` in milliseconds, capped as a browser caps it, or
 * the default when it is no positive number. The backend's value is a hint to the browser; as text, negative or huge
 * it made the runner's own limit fire at once (a timer's delay wraps past 2^31 ms).
 */
const dialogMs = (options: PasskeyCreationOptions | undefined): number => {
  const timeout = options?.timeout;
  return typeof timeout === 'number' && timeout > 0 ? Math.min(timeout, MAX_DIALOG_MS) : DIALOG_MS;
};

/** The least time a challenge must have left to open the dialog with it once more. */
const REOPEN_MARGIN_MS = 60_000;

const REFUSED: readonly string[] = ['unknown', 'invalid-code', 'code-expired'];
const cannot = (what: string) => new SecurityInfoError('unknown', `The adapter cannot ${what}.`);
/** The backend's reason for a refusal, where it gave one. */
const reasonOf = (error: unknown) => (error as { reason?: unknown } | null)?.reason;

/** The passkey's calls, for runner-methods.ts. */
export function passkeyCalls({ createPasskey, passkeyName: suggested }: PasskeyInputs): EnrollmentCalls {
  const create: EnrollmentCall = async ({ id }, { state, signal }) => {
    const setup = state.passkey?.setup;
    if (!setup || !createPasskey) throw cannot('open the passkey dialog');
    const timeout = dialogMs(setup.options);
    const started = Date.now();
    try {
      return { type: 'passkey-answered', requestId: id, response: await createPasskey(setup.options, signal) };
    } catch (error) {
      // An abort is the state moving on (or the runner's own time-out), not the dialog's failure.
      if (signal.aborted) throw error;
      throw new PasskeyError(passkeyDialogFailure(error, Date.now() - started, timeout), { cause: error });
    }
  };
  // The person reads and answers the dialog: the runner's time-out counts from the end of the dialog's own.
  create.limit = (state, limit) => dialogMs(state.passkey?.setup?.options) + limit;
  return {
    async startPasskey({ id }, { adapter, signal }) {
      if (!adapter.startPasskey) throw cannot('add a passkey');
      let setup: PasskeySetup;
      try {
        setup = await adapter.startPasskey({ signal });
      } catch (error) {
        // The person has the most passkeys there can be: said by the step, with what to do, not as a failure.
        if (!signal.aborted && reasonOf(error) === 'method-limit')
          throw new PasskeyError('passkey-limit', { cause: error });
        throw error;
      }
      if (typeof setup?.challengeId !== 'string' || typeof setup.options?.challenge !== 'string')
        throw new SecurityInfoError('unknown', 'The passkey setup breaks the contract.');
      return { type: 'passkey-started', requestId: id, setup, at: Date.now() };
    },
    createPasskey: create,
    async finishPasskey({ id }, { adapter, state, signal }) {
      const { setup, response } = state.passkey ?? {};
      if (!setup || !response) throw new SecurityInfoError('unknown', 'There is no passkey to register.');
      if (!adapter.finishPasskey) throw cannot('register a passkey');
      const name = passkeyName(suggested?.());
      let method: RegisteredMethod;
      try {
        method = await adapter.finishPasskey(
          { challengeId: setup.challengeId, response, ...(name ? { name } : {}) },
          { signal },
        );
      } catch (error) {
        // The backend would not take the answer (a stale challenge, a check that failed): anything but a network
        // failure, a limit or a sign-in, which are said as every step says them.
        if (signal.aborted || !REFUSED.includes(failureCode(error))) throw error;
        const reason = reasonOf(error);
        // The backend's reason, where the person can act on it: another passkey on this device, the wrong site, or
        // a place taken since the dialog opened (the most passkeys there can be).
        const said =
          reason === 'already-registered'
            ? 'exists'
            : reason === 'origin' || reason === 'rp-id'
              ? 'origin'
              : reason === 'method-limit'
                ? 'limit'
                : 'refused';
        throw new PasskeyError(`passkey-${said}`, { cause: error });
      }
      if (typeof method?.id !== 'string') throw new SecurityInfoError('unknown', 'The passkey was not registered.');
      // A backend that keeps no name, or answers one that breaks the rule (not text, too long, invisible), gives the
      // one suggested: the person sees a name they may keep or change, never one they could not save.
      const kept = passkeyName(method.passkey?.name) ?? name ?? '';
      return {
        type: 'passkey-created',
        requestId: id,
        method: { ...method, passkey: { ...method.passkey, name: kept } },
      };
    },
    async renameMethod({ id }, { adapter, state, signal }) {
      const { registered, naming } = state.passkey ?? {};
      if (!registered || !naming) throw new SecurityInfoError('unknown', 'There is no name to save.');
      if (!adapter.renameMethod) throw cannot('rename a passkey');
      await adapter.renameMethod({ id: registered.id, name: naming }, { signal });
      return { type: 'passkey-renamed', requestId: id };
    },
  };
}

/** A failure described with a passkey's reason when it has one, else as `toSecurityInfoError` describes it. */
export function describePasskeyFailure(error: unknown, context: NormalizeErrorContext): EnrollmentFailure {
  if (error instanceof PasskeyError && !context.timedOut) return { code: 'unknown', reason: error.reason };
  return toSecurityInfoError(error, context);
}
