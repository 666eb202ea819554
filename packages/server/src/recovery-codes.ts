/**
 * Recovery codes (NIST SP 800-63B look-up secrets): ten one-time codes a person keeps for when every other method
 * is lost, in core's format (recovery-code.ts: 15 characters without look-alikes, 73 bits, in groups of five), shown
 * once. The server keeps them only as scrypt hashes under one random salt per set; the service API's check hashes
 * the code typed once, and compares it with every unused hash of the set in one transaction under the user's lock,
 * so a code works once, also when two checks race. A code used up leaves an audit entry and a notice. A new set
 * replaces the old one in one step; wrong codes count in the user's limits.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { newRecoveryCode, RECOVERY_ALPHABET, RECOVERY_CODE_COUNT, RECOVERY_CODE_LENGTH } from '@security-info/core';
import type { Caller, Challenges } from './challenges.js';
import { scryptHash, slowHashes, type ScryptParams } from './hashing.js';
import { Refusal, badRequest, respond } from './http.js';
import { requireAllowed } from './limits.js';
import type { ResolvedOptions } from './options.js';
import { notFound, recoveryCodesLeft, type RegistrationsApi } from './registrations.js';
import type { StoredMethod } from './store.js';

const KIND = 'recovery-codes';
/**
 * N = 2^14 (16 MiB, about 25 ms): the codes carry 73 bits, so even a fast guess costs 2^72 of these; what the
 * hash slows down is someone who copied the database, and the per-user limits slow down everyone else.
 */
export const RECOVERY_SCRYPT: ScryptParams = { N: 2 ** 14, r: 8, p: 1, keyLength: 32 };

/** What a set keeps: the salt, the cost, and each code's hash until it is used (then `null`). */
interface StoredSet {
  salt: string;
  params: ScryptParams;
  hashes: (string | null)[];
}

/**
 * What separates a code's groups, or nothing at all, wherever it was typed or pasted from: white space, every dash
 * and hyphen (a word processor's en dash, the minus sign), and invisible format characters (a zero-width space, a
 * soft hyphen) that copying from a document or a password manager can leave in.
 */
const SEPARATORS = /[\s\p{Pd}\u2212\p{Cf}]/gu;
/** A code once read: its symbols, all of the alphabet, as many as a code has. */
const CODE = new RegExp(`^[${RECOVERY_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`);

/**
 * A code as typed: any case, with or without spaces and dashes, and in the full-width letters and digits an East
 * Asian keyboard types (NFKC folds them), since a sign-in page may pass the text as it came. What cannot be one
 * (another length, a symbol the alphabet leaves out) is a 400: it could never be right, so it costs no slow hash
 * and none of the person's wrong codes.
 */
export function normalizeRecoveryCode(value: unknown): string {
  const code =
    typeof value === 'string' && value.length <= 64
      ? value.normalize('NFKC').toUpperCase().replace(SEPARATORS, '')
      : '';
  if (!CODE.test(code))
    throw badRequest('code must be a recovery code: 15 letters and digits, such as 7KQM4-XPDW9-TNHR2.');
  return code;
}

/** Hashes a new set under a fresh salt, through the gate of slow hashes (hashing.ts). */
export async function hashRecoveryCodes(
  codes: readonly string[],
  timeoutMs: number,
  params = RECOVERY_SCRYPT,
): Promise<StoredSet> {
  const salt = randomBytes(16);
  const hashes = await slowHashes(
    codes.map(
      (code) => async () => (await scryptHash(normalizeRecoveryCode(code), salt, params)).toString('base64url'),
    ),
    timeoutMs,
  );
  return { salt: salt.toString('base64url'), params, hashes };
}

const setOf = (method: StoredMethod): StoredSet => method.data as unknown as StoredSet;

export function createRecoveryRoutes(
  options: ResolvedOptions,
  challenges: Challenges,
  registrations: RegistrationsApi,
) {
  const { limits } = options;

  function checkOffered(): void {
    if (options.policy.recoveryCodes !== true)
      throw new Refusal(422, 'unknown', 'Recovery codes are not allowed by the policy.');
  }

  /** A new set costs ten slow hashes: the person's and the client's budgets bound how often. */
  async function charge(caller: Caller): Promise<void> {
    const decision = await challenges.transaction((tx) =>
      tx.consume(
        [
          { key: `recovery-user:${caller.userId}`, windows: limits.sendsPerUser },
          { key: `recovery-client:${caller.client}`, windows: limits.sendsPerClient },
        ],
        options.clock(),
      ),
    );
    requireAllowed(decision, 'Too many new sets of codes: wait before trying again.');
  }

  /**
   * `POST {base}/recovery-codes`: a new set, replacing the person's (one set per person, in one step); needs a
   * recent sign-in when the host asks for one (`add` for the first set, `replace` after). Of sets made at once, the
   * first written is kept and the others are refused (409), so every set answered is the one registered.
   */
  async function generate(caller: Caller): Promise<Response> {
    checkOffered();
    const methods = await challenges.transaction((tx) => tx.listMethods(caller.userId));
    const existing = methods.find((method) => method.kind === KIND);
    // Checked before the hashing is paid for, and again in the transaction that writes.
    await registrations.requireRecent(caller, existing ? 'replace' : 'add', methods.length === 0);
    await charge(caller);
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const set = await hashRecoveryCodes(codes, options.dependencyTimeoutMs);
    const { method, action, view } = await challenges.transaction(async (tx) => {
      await tx.lockUser(caller.userId);
      const current = (await tx.listMethods(caller.userId)).find((candidate) => candidate.kind === KIND);
      // Another set was made since this one began (a retry after a time-out, a second tab): the first to be written
      // stands. Written over, it would be void a moment after its codes were answered, and the person might keep
      // those.
      if (current?.id !== existing?.id)
        throw new Refusal(409, 'unknown', 'A new set of recovery codes was made meanwhile: make another to see it.');
      const registered = await registrations.registerMethod(tx, caller, {
        kind: KIND,
        replaces: existing?.id ?? null,
        fields: { phoneNumber: null, channel: null, data: { ...set } },
        single: true,
      });
      return { ...registered, view: await registrations.view(tx, caller.userId) };
    });
    registrations.notify(caller.userId, action, method);
    return respond(201, { codes, method: view.methods.find((candidate) => candidate.id === method.id) });
  }

  /**
   * The service API's check (`POST /service/users/{u}/methods/{id}/verify` with `{ code }`): a right code is used
   * up, and the answer says how many are left; a wrong or used one counts in the user's limits.
   */
  async function verifyRegistered(caller: Caller, id: string, body: Record<string, unknown>) {
    checkOffered();
    const code = normalizeRecoveryCode(body.code);
    const method = (await challenges.transaction((tx) => tx.listMethods(caller.userId))).find((m) => m.id === id);
    if (!method || method.kind !== KIND) throw notFound();
    const { salt, params } = setOf(method);
    await challenges.refuseWhileLocked(caller);
    // Hashed once, outside the transaction: the transaction only compares.
    const given = (
      await slowHashes(
        [() => scryptHash(code, Buffer.from(String(salt), 'base64url'), params ?? RECOVERY_SCRYPT)],
        options.dependencyTimeoutMs,
      )
    )[0]!;
    const result = await challenges.checkUser(
      caller,
      async (tx) => {
        await tx.lockUser(caller.userId);
        const current = (await tx.listMethods(caller.userId)).find((m) => m.id === id && m.kind === KIND);
        if (!current) throw new Refusal(409, 'unknown', 'The recovery codes were removed while being checked.');
        const set = setOf(current);
        // A set made meanwhile has another salt: the code typed belongs to the old one.
        if (set.salt !== salt) return null;
        let found = -1;
        set.hashes.forEach((hash, index) => {
          if (hash === null) return;
          const expected = Buffer.from(hash, 'base64url');
          // Every unused hash is compared, so the time says nothing of which code it was.
          if (expected.length === given.length && timingSafeEqual(expected, given)) found = index;
        });
        return found < 0 ? null : { current, found };
      },
      async (tx, { current, found }) => {
        const hashes = setOf(current).hashes.map((hash, index) => (index === found ? null : hash));
        const used = { ...current, lastUsedAt: options.clock(), data: { ...current.data, hashes } };
        await tx.putMethod(used);
        // A code used up changes the method: it leaves an entry, and the person is told, as for every change.
        await registrations.audit(tx, caller, 'recovery-code-used', used);
        return { verified: true as const, methodId: current.id, recoveryCodes: recoveryCodesLeft(used) };
      },
    );
    registrations.notify(caller.userId, 'recovery-code-used', method);
    return result;
  }

  return { generate, verifyRegistered };
}

export type RecoveryRoutes = ReturnType<typeof createRecoveryRoutes>;
