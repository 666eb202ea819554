/**
 * Recovery codes for the in-memory backend: a set of ten made at once, the old set void when a new one is made.
 * The codes themselves are not kept at all (a real backend keeps slow, salted hashes to check them at sign-in):
 * nothing that lists the methods, or reads the adapter, sees them again; the list says how many are left.
 */
import { newRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-code.js';
import type { AdapterCallOptions, MethodKind, RecoveryCodes, Registrations } from './types.js';

/** What this needs of the adapter's registry. */
interface Registry {
  view(): Registrations;
  register(registration: { kind: MethodKind }, replaces: null): void;
}

/**
 * The recovery codes of one memory adapter. `begin` is the adapter's own start of a call (its count, latency and
 * injected faults); `preloaded` a preloaded recovery-codes method's counts.
 */
export function createMemoryRecovery(
  registry: Registry,
  begin: (operation: 'generateRecoveryCodes', signal: AbortSignal) => Promise<'malformed' | undefined>,
  preloaded: { remaining: number; total: number } | undefined,
) {
  let total = preloaded?.total ?? 0;
  let left = preloaded?.remaining ?? 0;
  const find = (view: Registrations) => view.methods.find((method) => method.kind === 'recovery-codes');
  /** The list, with how many codes are left on the recovery-codes registration. */
  function view(list: Registrations): Registrations {
    const method = find(list);
    if (method) method.recoveryCodes = { remaining: left, total };
    return list;
  }

  return {
    view,
    async generate({ signal }: AdapterCallOptions): Promise<RecoveryCodes> {
      if ((await begin('generateRecoveryCodes', signal)) === 'malformed') return {} as RecoveryCodes;
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      total = left = codes.length;
      if (!find(registry.view())) registry.register({ kind: 'recovery-codes' }, null);
      return { codes, method: find(view(registry.view()))! };
    },
  };
}
