/**
 * An enrollment sent again after it succeeded, its answer lost on the way back (a 503 after the store committed, a
 * dropped connection, the client's own time-out): what the used challenge keeps to know the retry by, and how the
 * retry is answered, so that a person enrolled is not told it failed.
 */
import type { StoreTransaction, StoredChallenge, StoredMethod } from './store.js';

/** An enrollment sent again after it succeeded: answered as the first was, with the method it registered. */
export interface Retried {
  retried: true;
  method: StoredMethod;
}

/**
 * How a challenge used already is treated. Without one, a challenge's answer is dropped when it is used, and every
 * later answer is refused: a sign-in's code works once.
 */
export interface UsedChallenge<T> {
  /** The challenge as it is kept, verified, once its right answer gave `value`. */
  keep(challenge: StoredChallenge, value: T): StoredChallenge;
  /** The answer to a later attempt when it is a retry of the one that succeeded; `null` refuses it as used. */
  again(tx: StoreTransaction, used: StoredChallenge, at: number): Promise<T | null>;
  /**
   * Given the value of a right answer whose commit came after the request's time-out (which answered 503): what
   * follows a commit (a notice) is done then, as the retry that finds it done will not do it.
   */
  late(value: T): void;
}

/** An enrollment's used challenge: a retry of it is answered with the method registered, never with a new value. */
export interface EnrollmentRetry<T> extends UsedChallenge<T | Retried> {
  again(tx: StoreTransaction, used: StoredChallenge, at: number): Promise<Retried | null>;
}

/**
 * An answer as it was given (a code, a passkey's registration): its keyed hashes under every key, the current one
 * first, and whether a challenge holds one of them. Never the answer itself, which is not kept.
 */
export interface KeyedAnswer {
  hashes: readonly Uint8Array[];
  heldBy(challenge: StoredChallenge): boolean;
}

/** Where a used enrollment challenge keeps the id of the method its right answer registered, to know a retry by. */
const REGISTERED = 'registered';

/**
 * What an enrollment's challenge keeps once `answer` registered a method, and how it answers a retry. It keeps the
 * answer's keyed hash (under the current key) and the id of the method registered, and drops a sealed secret, which
 * the registration holds from then on. A retry is the same person (the caller checks that the challenge is theirs),
 * with the same answer, before the challenge expires, while that method is still theirs: it is answered with that
 * method, and registers, counts and writes nothing. Anything else is refused as a used challenge is.
 *
 * `tell` follows a registration once it is committed (a notice, the host's hook). The route calls it after a commit
 * that answered in time; `late` calls it for one that came after its time-out, whose 503 told no one. A retry never
 * calls it: the person was told at the first.
 */
export function enrollmentRetry<T extends { method: StoredMethod }>(
  userId: string,
  answer: KeyedAnswer,
  tell: (registered: T) => unknown,
): EnrollmentRetry<T> {
  return {
    keep(challenge, value) {
      const { secret: _secret, ...data } = challenge.data;
      return {
        ...challenge,
        verified: true,
        codeHash: answer.hashes[0]!,
        data: { ...data, [REGISTERED]: value.method.id },
      };
    },
    async again(tx, challenge, at) {
      const registered = challenge.data[REGISTERED];
      if (typeof registered !== 'string' || at > challenge.expiresAt || !answer.heldBy(challenge)) return null;
      // A method the person removed (or replaced) since is not made again: the challenge stays used.
      const method = (await tx.listMethods(userId)).find((candidate) => candidate.id === registered);
      return method ? { retried: true, method } : null;
    },
    late(value) {
      if (!('retried' in value)) void tell(value);
    },
  };
}
