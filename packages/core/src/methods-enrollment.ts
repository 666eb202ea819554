/**
 * The steps of the methods beyond phone in the enrollment state machine (enrollment.ts): an email address and the
 * code sent to it, an authenticator app's key and a code of the app, security questions answered, a passkey
 * (passkey-enrollment.ts). A part of its own, loaded with those steps (see the runner's `use()` and
 * runner-methods.ts), so the phone flow never downloads it.
 *
 * The code step is the phone's `code` step, with `method` saying whose code it is; Back from it returns to the
 * address (email) or to the key (the same key: the app has it already; a new one once the backend is done with it).
 */
import type { EnrolledMethod, EnrollmentEvent, EnrollmentState } from './enrollment-state.js';
import { passkeyTransition } from './passkey-enrollment.js';
import { answers, settled, withRequest } from './requests.js';

/**
 * The next state for the events of the email, authenticator app and security questions steps; any other event,
 * and every event while the phone is set up, leaves the state as it is, the same object.
 */
export function methodsTransition(state: EnrollmentState, event: EnrollmentEvent): EnrollmentState {
  const { step, method, request } = state;
  if (step === 'done' || step === 'cancelled' || !method || method === 'phone') return state;
  if (method === 'passkey') return passkeyTransition(state, event);
  switch (event.type) {
    case 'email-submitted':
      if (step !== 'email' || request) return state;
      return { ...withRequest(state, 'sendEmailCode'), email: event.email };

    case 'code-sent':
      if (!answers(state, event.requestId, 'sendEmailCode', 'resendEmailCode')) return state;
      return { ...settled(state), step: 'code', challenge: event.challenge, locked: false };

    case 'resend-requested':
      if (step !== 'code' || method !== 'email' || request || !state.challenge) return state;
      return withRequest(state, 'resendEmailCode');

    case 'app-requested':
      if (step !== 'authenticator-app' || request) return state;
      return withRequest(state, 'startAuthenticatorApp');

    case 'app-started': {
      if (!answers(state, event.requestId, 'startAuthenticatorApp')) return state;
      const { otpauthUri, secret, ...challenge } = event.setup;
      // A new key: what an earlier one locked is over.
      return { ...settled(state), app: { otpauthUri, secret }, challenge, locked: false };
    }

    case 'app-added': {
      if (step !== 'authenticator-app' || request || !state.app || !state.challenge) return state;
      const { error: _error, ...rest } = state;
      return { ...rest, step: 'code' };
    }

    case 'questions-submitted':
      if (step !== 'security-questions' || request) return state;
      return { ...withRequest(state, 'setSecurityQuestions'), questionIds: event.questionIds };

    case 'questions-set':
      if (!answers(state, event.requestId, 'setSecurityQuestions')) return state;
      return { ...settled(state), step: 'done' };

    case 'code-submitted':
      if (step !== 'code' || request || state.locked || !state.challenge) return state;
      return withRequest(state, 'verifyMethodCode');

    case 'verified': {
      if (!answers(state, event.requestId, 'verifyMethodCode')) return state;
      // An authenticator app's key is never needed again: it leaves the state with the step.
      const { app: _app, ...rest } = settled(state);
      return { ...rest, step: 'done' };
    }

    case 'back': {
      if (step !== 'code') return state;
      const { error, challenge, app, ...rest } = state;
      // Email: the address again, for another code. The app: the same key, still in the person's app, unless the
      // backend is done with it (expired, or locked by wrong codes): nothing is sent again for an app, so Back is the
      // way to a new key, which the step asks for when it has none.
      if (method === 'email') return { ...rest, step: 'email', request: null, locked: false };
      if (state.locked || error?.code === 'code-expired')
        return { ...rest, step: 'authenticator-app', request: null, locked: false };
      return { ...rest, app, challenge, step: 'authenticator-app', request: null };
    }

    default:
      return state;
  }
}

/** What a finished enrollment registered, for `security-info-complete` and a sequence's summary. */
export function enrolledMethod(state: EnrollmentState): EnrolledMethod | undefined {
  switch (state.method) {
    case 'phone':
      return state.phone && { method: 'phone', phoneNumber: state.phone.phoneNumber, channel: state.phone.channel };
    case 'email':
      return state.email ? { method: 'email', email: state.email } : undefined;
    case 'authenticator-app':
      return { method: 'authenticator-app' };
    case 'security-questions':
      return { method: 'security-questions', questionIds: state.questionIds ?? [] };
    case 'passkey': {
      const registered = state.passkey?.registered;
      return registered && { method: 'passkey', id: registered.id, name: registered.name };
    }
    default:
      return undefined;
  }
}
