/**
 * The phone's part of an enrollment, for the runner (runner.ts): its adapter calls (sending and resending a code,
 * verifying it, waiting for a call to be answered), its part of the state machine (phone-enrollment.ts) and
 * failures described with the details its steps show (a wait, the attempts left, a landline). A module of its own,
 * registered with `use()` when the phone steps load, so none of it is downloaded before them.
 */
import { readChallenge } from './challenge.js';
import { SecurityInfoError } from './errors.js';
import { toSecurityInfoError } from './to-error.js';
import { phoneTransition } from './phone-enrollment.js';
import type { EnrollmentCall, EnrollmentPart } from './runner.js';
import type { EnrollmentState } from './enrollment-state.js';

export interface PhoneEnrollmentInputs {
  /**
   * The code the person submitted, while a verification needs it. It is kept out of the state, so that only the
   * call that sends it sees it.
   */
  code(): string | undefined;
  /** The language the steps are shown in (BCP 47), for the wording of the text message or call. */
  locale?(): string | undefined;
  /**
   * The id of the registered phone the number is to take the place of (see `SendCodeRequest.replaces`), when the
   * steps change a phone rather than add one. A resend by `resendCode` needs none: its challenge came from the
   * send that carried it.
   */
  replaces?(): string | undefined;
}

/**
 * How long the wait for a call to be answered may last. A person answering and pressing a key is not the backend
 * being slow: the wait may last as long as the challenge does (two minutes when the backend did not say), and
 * never less than any other call.
 */
export function callWaitLimit({ challenge }: Pick<EnrollmentState, 'challenge'>, limit: number): number {
  return Math.max(limit, (challenge?.expiresInSeconds ?? 120) * 1000);
}

const awaitCallConfirmation: EnrollmentCall = async ({ id }, { adapter, state: { challenge }, signal }) => {
  if (!challenge || !adapter.awaitCallConfirmation) {
    throw new SecurityInfoError('unknown', 'The adapter cannot wait for a call to be answered.');
  }
  await adapter.awaitCallConfirmation({ challengeId: challenge.challengeId }, { signal });
  return { type: 'call-confirmed', requestId: id };
};
awaitCallConfirmation.limit = callWaitLimit;

/** The phone's part, to register with `EnrollmentRunner.use()`. */
export function phoneEnrollment({ code, locale, replaces }: PhoneEnrollmentInputs): EnrollmentPart {
  const send: EnrollmentCall = async ({ id, operation }, { adapter, state: { phone, challenge }, signal }) => {
    if (!phone) throw new SecurityInfoError('unknown', 'There is no number to send a code to.');
    const language = locale?.();
    const replaced = replaces?.();
    const details = { channel: phone.channel, ...(language ? { locale: language } : {}) };
    const answer =
      operation === 'resendCode' && challenge && adapter.resendCode
        ? await adapter.resendCode({ challengeId: challenge.challengeId, ...details }, { signal })
        : await adapter.sendCode(
            { phoneNumber: phone.phoneNumber, ...details, ...(replaced ? { replaces: replaced } : {}) },
            { signal },
          );
    return { type: 'code-sent', requestId: id, challenge: readChallenge(answer) };
  };
  return {
    calls: {
      sendCode: send,
      resendCode: send,
      async verifyCode({ id }, { adapter, state: { challenge }, signal }) {
        const submitted = code();
        if (!challenge || !submitted) throw new SecurityInfoError('unknown', 'There is no code to verify.');
        await adapter.verifyCode({ challengeId: challenge.challengeId, code: submitted }, { signal });
        return { type: 'verified', requestId: id };
      },
      awaitCallConfirmation,
    },
    transition: phoneTransition,
    describeFailure: toSecurityInfoError,
  };
}
