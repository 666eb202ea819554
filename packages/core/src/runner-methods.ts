/**
 * The part of an enrollment for the methods beyond phone, for the runner (runner.ts): their adapter calls (a code by
 * email and again, an authenticator app's key, a code of either verified, security questions registered), their part
 * of the state machine (methods-enrollment.ts) and of a sequence of required methods (sequence.ts), and failures
 * described with their details (a passkey's with its reason). Registered with `use()` when those steps load, so the
 * phone flow never downloads it.
 */
import { readAppSetup } from './app-setup.js';
import { readChallenge } from './challenge.js';
import { SecurityInfoError } from './errors.js';
import { methodsTransition } from './methods-enrollment.js';
import { describePasskeyFailure, passkeyCalls, type PasskeyInputs } from './passkey-enrollment.js';
import type { EnrollmentCall, EnrollmentPart } from './runner.js';
import { sequenceTransition } from './sequence.js';
import type { SecurityQuestionAnswer } from './types.js';

export interface MethodsEnrollmentInputs extends PasskeyInputs {
  /** The code the person submitted, while a verification needs it; kept out of the state (see runner-phone.ts). */
  code(): string | undefined;
  /** The answers the person submitted, while registering them needs them; never part of the state. */
  answers(): SecurityQuestionAnswer[] | undefined;
  /** The language the steps are shown in (BCP 47), for the wording of the email. */
  locale?(): string | undefined;
  /** The id of the registered method the new one is to take the place of, when the steps change one. */
  replaces?(): string | undefined;
}

const cannot = (what: string) => new SecurityInfoError('unknown', `The adapter cannot ${what}.`);
// One check of an app's setup for the fetch adapter and the runner (app-setup.ts); exported from here too.
export { readAppSetup };

/** The part of the methods beyond phone, to register with `EnrollmentRunner.use()`. */
export function methodsEnrollment({
  code,
  answers,
  locale,
  replaces,
  ...passkey
}: MethodsEnrollmentInputs): EnrollmentPart {
  const options = () => {
    const language = locale?.();
    return language ? { locale: language } : {};
  };
  const replacing = () => {
    const replaced = replaces?.();
    return replaced ? { replaces: replaced } : {};
  };
  const sendEmail: EnrollmentCall = async ({ id, operation }, { adapter, state: { email, challenge }, signal }) => {
    if (!email) throw new SecurityInfoError('unknown', 'There is no address to send a code to.');
    const answer =
      operation === 'resendEmailCode' && challenge && adapter.resendCode
        ? await adapter.resendCode({ challengeId: challenge.challengeId, channel: 'email', ...options() }, { signal })
        : await sendEmailCode(adapter)({ email, channel: 'email', ...options(), ...replacing() }, { signal });
    // An email is no call: a confirmation by key press means nothing here.
    const { confirmation: _ignored, ...challenged } = readChallenge(answer);
    return { type: 'code-sent', requestId: id, challenge: challenged };
  };
  const sendEmailCode = (adapter: Parameters<EnrollmentCall>[1]['adapter']) => {
    if (!adapter.sendEmailCode) throw cannot('send a code by email');
    return adapter.sendEmailCode.bind(adapter);
  };
  return {
    calls: {
      sendEmailCode: sendEmail,
      resendEmailCode: sendEmail,
      async startAuthenticatorApp({ id }, { adapter, signal }) {
        if (!adapter.startAuthenticatorApp) throw cannot('add an authenticator app');
        const setup = readAppSetup(await adapter.startAuthenticatorApp({ ...replacing() }, { signal }));
        return { type: 'app-started', requestId: id, setup };
      },
      async verifyMethodCode({ id }, { adapter, state: { challenge, method }, signal }) {
        const submitted = code();
        if (!challenge || !submitted || (method !== 'email' && method !== 'authenticator-app')) {
          throw new SecurityInfoError('unknown', 'There is no code to verify.');
        }
        await adapter.verifyCode({ challengeId: challenge.challengeId, code: submitted, method }, { signal });
        return { type: 'verified', requestId: id };
      },
      async setSecurityQuestions({ id }, { adapter, signal }) {
        const submitted = answers();
        if (!submitted?.length) throw new SecurityInfoError('unknown', 'There are no answers to register.');
        if (!adapter.setSecurityQuestions) throw cannot('register security questions');
        await adapter.setSecurityQuestions({ answers: submitted, ...replacing() }, { signal });
        return { type: 'questions-set', requestId: id };
      },
      ...passkeyCalls(passkey),
    },
    transition: (state, event) => {
      const next = methodsTransition(state, event);
      return next === state ? sequenceTransition(state, event) : next;
    },
    describeFailure: describePasskeyFailure,
  };
}
