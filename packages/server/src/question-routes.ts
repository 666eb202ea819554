/**
 * Security questions: a person registers (or replaces) their answers, and the service API checks answers at
 * sign-in for a password reset. Answers are hashed before anything is written and never logged or returned.
 */
import type { Caller, Challenges } from './challenges.js';
import { slowHashes } from './hashing.js';
import { Refusal, badRequest, respond } from './http.js';
import { requireAllowed } from './limits.js';
import type { ResolvedOptions } from './options.js';
import { readId } from './phone-routes.js';
import {
  answersToReset,
  checkQuestionsPolicy,
  hashAnswer,
  answerHashes,
  hashesMatch,
  readAnswerList,
  readAnswers,
  type StoredAnswer,
} from './questions.js';
import { notFound, questionIdsOf, type RegistrationsApi } from './registrations.js';
import type { StoredMethod } from './store.js';
import { within } from './timeout.js';

const KIND = 'security-questions';

const answersOf = (method: StoredMethod) => (method.data.answers ?? []) as StoredAnswer[];

export function createQuestionRoutes(
  options: ResolvedOptions,
  challenges: Challenges,
  registrations: RegistrationsApi,
) {
  const { policy, limits } = options;
  // A handler whose policy offers questions no one could answer does not start.
  checkQuestionsPolicy(policy);

  /** Only where the policy offers them (and core allows them for password reset only). */
  function checkOffered(): void {
    if (!policy.methods.some((method) => method.id === KIND && method.purposes.includes('password-reset')))
      throw new Refusal(422, 'unknown', 'Security questions are not allowed by the policy.');
  }

  /** Each save costs a few slow hashes: the person's and the client's send budgets bound how often. */
  async function charge(caller: Caller): Promise<void> {
    const decision = await within(
      options.store.transaction((tx) =>
        tx.consume(
          [
            { key: `questions-user:${caller.userId}`, windows: limits.sendsPerUser },
            { key: `questions-client:${caller.client}`, windows: limits.sendsPerClient },
          ],
          options.clock(),
        ),
      ),
      options.dependencyTimeoutMs,
      'the store',
    );
    requireAllowed(decision, 'Too many changes: wait before trying again.');
  }

  /** `PUT /security-questions`: registers the answers, or replaces the person's (there is one set per person). */
  async function save(caller: Caller, body: Record<string, unknown>): Promise<Response> {
    checkOffered();
    const answers = readAnswers(body.answers, policy);
    const replaces = body.replaces === undefined ? null : readId(body.replaces, 'replaces');
    const methods = await challenges.transaction((tx) => tx.listMethods(caller.userId));
    const existing = methods.find((method) => method.kind === KIND);
    if (replaces !== null && replaces !== existing?.id)
      throw new Refusal(404, 'unknown', 'The security questions to replace are not registered.');
    // Checked before the hashing is paid for, and again in the transaction that writes.
    await registrations.requireRecent(caller, existing ? 'replace' : 'add', methods.length === 0);
    await charge(caller);
    const stored: StoredAnswer[] = await slowHashes(
      answers.map((answer) => () => hashAnswer(answer)),
      options.dependencyTimeoutMs,
    );
    const { method, action } = await challenges.transaction((tx) =>
      registrations.registerMethod(tx, caller, {
        kind: KIND,
        // Only a set the request named must still be there: the one this save found before its hashing may have
        // been replaced since by a save that raced it, and the set to replace is then that one.
        replaces,
        fields: { phoneNumber: null, channel: null, data: { answers: stored } },
        // One set per person, decided under the user's lock: a save that raced another (a double-clicked Save)
        // replaces the set the other registered instead of adding a second one.
        single: true,
      }),
    );
    registrations.notify(caller.userId, action, method);
    return respond(204);
  }

  /**
   * The service API's check of a registered set at sign-in (`POST /service/users/{userId}/methods/{id}/verify`):
   * `{ answers: [{ questionId, answer }] }`, the questions
   * the sign-in asked (one or more of those answered), every one right. A wrong set counts in the user's limits of
   * wrong answers, as a wrong code does, and locks the same way.
   */
  async function verifyRegistered(caller: Caller, id: string, body: Record<string, unknown>) {
    checkOffered();
    const method = (await challenges.transaction((tx) => tx.listMethods(caller.userId))).find((m) => m.id === id);
    if (!method || method.kind !== KIND) throw notFound();
    const registered = questionIdsOf(method).length;
    const given = readAnswerList(body.answers, registered);
    // However few the sign-in page asked or sent: one answer found out is not enough.
    const needed = Math.min(answersToReset(policy), registered);
    if (given.length < needed)
      throw badRequest(
        `A password reset checks answers to ${needed} of the person's questions; ${given.length} given.`,
      );
    await challenges.refuseWhileLocked(caller);
    // Hashed outside the transaction, which only compares: a store that runs one transaction at a time (the
    // embedded ones) is not held by the hashing of every guess.
    const stored = answersOf(method);
    const hashed = await slowHashes(answerHashes(given, stored), options.dependencyTimeoutMs);
    const methodId = await challenges.checkUser(
      caller,
      async (tx) => {
        const current = (await tx.listMethods(caller.userId)).find((m) => m.id === id && m.kind === KIND);
        if (!current) throw new Refusal(409, 'unknown', 'The method was removed while it was being checked.');
        // Answers replaced meanwhile: the ones given were hashed for the old set, and do not count as right.
        const same = JSON.stringify(answersOf(current)) === JSON.stringify(stored);
        return same && hashesMatch(given, hashed, stored) ? current : null;
      },
      async (tx, current) => {
        await tx.putMethod({ ...current, lastUsedAt: options.clock() });
        return current.id;
      },
      // Answers can be found out: a right set does not make the address one where the person signs in.
      { remember: false },
    );
    return { verified: true as const, methodId };
  }

  return { save, verifyRegistered };
}

export type QuestionRoutes = ReturnType<typeof createQuestionRoutes>;
