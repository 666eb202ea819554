/**
 * Where the server keeps what it knows: challenges, send counts, wrong-code counts, each user's registered methods
 * and default method, and the audit trail. Every change happens inside `transaction`, whose atomicity comes from
 * the store itself: a database's transaction and row locks, or, in memory, one transaction at a time.
 */
import type { Channel, CodeChannel, MethodKind } from '@security-info/core';
import type { RateCharge, RateDecision } from './rate-log.js';

export type { RateCharge, RateDecision, RateWindow } from './rate-log.js';

export interface StoredChallenge {
  id: string;
  /** Who asked for it: only this user may resend or verify. */
  userId: string;
  /** `enroll`: a person adding or changing a method; `sign-in`: the service API checking a registered one. */
  purpose: 'enroll' | 'sign-in';
  /**
   * What the code proves: a phone, an email address (`data.email`), an authenticator app (`data.secret`), or a
   * passkey's WebAuthn ceremony (`data.challenge`, the random challenge the browser's answer must sign).
   */
  kind: 'phone' | 'email' | 'authenticator-app' | 'passkey';
  /** A phone's E.164 number; '' for the other kinds. */
  phoneNumber: string;
  /** ISO 3166-1 alpha-2 region of the number; '' for the other kinds. */
  region: string;
  /** How the code was sent: a phone's channel, or `email`. An app's challenge sends nothing: its `sms` is not read. */
  channel: CodeChannel;
  /** The method this one replaces once verified (`enroll`), or the method being checked (`sign-in`). */
  methodId: string | null;
  /** Keyed hash of the current code; `null` when no usable code exists (sending failed or timed out). */
  codeHash: Uint8Array | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  expiresAt: number;
  /** No resend before this time. */
  resendAt: number;
  /** Codes sent for this challenge so far, the first one included. */
  sends: number;
  attemptsLeft: number;
  verified: boolean;
  /** What the other kinds keep, as JSON: an email's `email` (the address), an app's `secret` (sealed, never plain). */
  data: Record<string, unknown>;
}

/** A phone challenge's channel. Throws for another kind: a phone's route or registration never takes one. */
export function phoneChannel(challenge: StoredChallenge): Channel {
  if (challenge.kind !== 'phone' || challenge.channel === 'email')
    throw new Error(`a ${challenge.kind} challenge is not a phone's`);
  return challenge.channel;
}

/** Consecutive wrong codes of one user, across challenges, in one of the counts a client key names. */
export interface FailureState {
  count: number;
  /** No verification before this time (milliseconds since the epoch); 0 when not locked. */
  lockedUntil: number;
  /** When the last wrong code was counted; a count left alone for 30 days is forgotten. */
  lastFailureAt: number;
  /**
   * A client's row only: when the person last answered right from it. For 30 days after, the client is known and
   * its wrong answers are counted apart from strangers' (challenges.ts); its row is kept that long.
   */
  lastSuccessAt?: number;
}

/**
 * Whether a user id can be kept as it is: 1 to 512 characters of well-formed Unicode without NUL, which PostgreSQL's
 * text cannot hold and two lone surrogates would become the same replacement character in.
 */
export const isUserId = (value: unknown): value is string =>
  typeof value === 'string' &&
  value !== '' &&
  value.length <= 512 &&
  !value.includes('\0') &&
  (value as string & { isWellFormed(): boolean }).isWellFormed();

export const NO_FAILURES: FailureState = { count: 0, lockedUntil: 0, lastFailureAt: 0 };

/**
 * The client key of the count the addresses a person answered right at share (challenges.ts); no address key is `*`.
 * A check takes an address's own count before this one, and an erasure takes them in that order too.
 */
export const KNOWN_CLIENTS = '*';

/** A method a user registered. */
export interface StoredMethod {
  id: string;
  userId: string;
  kind: MethodKind;
  /** Milliseconds since the epoch. */
  addedAt: number;
  lastUsedAt: number | null;
  /** A phone's E.164 number; `null` for other kinds. */
  phoneNumber: string | null;
  /** A phone's preferred channel; `null` for other kinds. */
  channel: Channel | null;
  /** What other kinds keep (encrypted where secret), as JSON. */
  data: Record<string, unknown>;
}

export type AuditAction =
  | 'method-added'
  | 'method-removed'
  | 'method-replaced'
  | 'method-renamed'
  | 'default-changed'
  | 'methods-reset'
  | 'user-erased'
  /** A recovery code was used up at sign-in: one fewer is left, and the person may want to know it was not them. */
  | 'recovery-code-used';

/** One change to a user's methods: who, what, when, from where. */
export interface AuditEntry {
  /** Assigned by the store, increasing. */
  id?: number;
  userId: string;
  action: AuditAction;
  /** Milliseconds since the epoch. */
  at: number;
  /** `user` (the person, through their session) or `service:<name>` (the service API). */
  actor: string;
  /** The client key the request came from. */
  client: string;
  methodId: string | null;
  kind: MethodKind | null;
  /** The replaced method, for `method-replaced`. */
  replacedMethodId?: string | null;
}

export interface AuditQuery {
  userId?: string;
  /** Entries with an id above this one (for paging). */
  after?: number;
  limit: number;
}

/** What a transaction can read and write. Reads of a row that will be written take its lock (`for update`). */
export interface StoreTransaction {
  getChallenge(id: string): Promise<StoredChallenge | undefined>;
  /** Inserts or replaces a challenge. */
  putChallenge(challenge: StoredChallenge): Promise<void>;
  /**
   * Counts one event on every charge if every one of them still has room, and nothing otherwise: a caller over
   * any limit spends no one's budget. A refusal names the first full charge (in the order given) and waits until
   * every full window of every charge has room again: the longest of their waits, at least a second.
   */
  consume(charges: readonly RateCharge[], now: number): Promise<RateDecision>;
  /**
   * A user's consecutive wrong answers under a client key (an address key, with when the person last answered right
   * there, or a key of the shared counts), or strangers' count (`client` left out, or `''`). Each key's is a row of
   * its own, removed with the user's; a row with no count, no wait and no right answer is none.
   */
  getFailures(userId: string, client?: string): Promise<FailureState>;
  putFailures(userId: string, state: FailureState, client?: string): Promise<void>;
  /** Serializes the transactions that change one user's methods (a row or advisory lock on the user). */
  lockUser(userId: string): Promise<void>;
  listMethods(userId: string): Promise<StoredMethod[]>;
  /**
   * The passkey registered under a WebAuthn credential id (base64url), whoever holds it: a credential is one
   * person's. Answers `undefined` when no one has registered it. Takes a lock on the credential id for the rest of
   * the transaction: of transactions that look for the same credential at once, the later ones see what the first
   * one wrote.
   */
  findPasskey(credentialId: string): Promise<StoredMethod | undefined>;
  /** Inserts or replaces a method. */
  putMethod(method: StoredMethod): Promise<void>;
  deleteMethod(userId: string, id: string): Promise<boolean>;
  getDefaultMethod(userId: string): Promise<string | null>;
  setDefaultMethod(userId: string, methodId: string | null): Promise<void>;
  addAudit(entry: AuditEntry): Promise<void>;
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;
  /**
   * Deletes a user's challenges, of every kind and purpose: a helpdesk reset, after which no code, app secret or
   * passkey ceremony begun before it may register or sign in. What the transaction puts after it stays.
   */
  deleteChallenges(userId: string): Promise<void>;
  /**
   * Deletes everything kept about a user: methods, default, challenges, failure count, audit entries. Takes the user's
   * lock, but only after the user's challenges and counts of wrong answers, the order in which a check takes them (its
   * challenge's row, its counts, then the user's lock): the caller must not take the user's lock before it, or an
   * erasure and a check could each hold what the other waits for.
   */
  deleteUser(userId: string): Promise<void>;
}

export interface SecurityInfoStore {
  /**
   * Runs `work` as one atomic step: all of its writes or none, and no other transaction sees half of it. A store
   * may run `work` again after a conflict it resolved by aborting (a serialization failure), so `work` must not do
   * anything outside the store.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** Drops what can no longer matter at `now`: expired challenges, rate windows that passed, old failure counts. */
  sweep(now: number): Promise<void>;
  /** Answers when the store can serve requests (for a readiness check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** How long an expired challenge is kept, so that a late verify hears "expired" rather than "no such challenge". */
export const CHALLENGE_GRACE_MS = 10 * 60 * 1000;

/** How long a user's count of wrong codes is kept after the last one. */
export const FAILURE_MEMORY_MS = 30 * 24 * 3600 * 1000;
