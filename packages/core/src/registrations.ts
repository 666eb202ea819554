/** What a person has registered: their methods and their default sign-in method, as the backend reports them. */
import type { Channel, MethodId, Purpose } from './types.js';

/**
 * The kinds of registered method: every method a policy can offer today, passkeys, and recovery codes. (`passkey`
 * joins `MethodId` when the method picker can offer it.)
 */
export type MethodKind = MethodId | 'passkey' | 'recovery-codes';

/** Why a method cannot be removed now. */
export type NotRemovableReason = 'method-required';

export interface RegisteredMethod {
  /** Opaque id, for `removeMethod`, `setDefaultMethod` and `replaces`. */
  id: string;
  kind: MethodKind;
  /** ISO 8601. */
  addedAt: string;
  /** ISO 8601; `null` when never used to sign in. */
  lastUsedAt: string | null;
  /** What the method can serve, by the organization's policy. */
  purposes: Purpose[];
  /** Whether it can be removed now; when not, `notRemovableReason` says why. */
  removable: boolean;
  notRemovableReason?: NotRemovableReason;
  /** For a phone: its E.164 number (show it masked unless the person asks) and the channel they chose. */
  phone?: { phoneNumber: string; channel: Channel };
}

export interface Registrations {
  /** Oldest first. */
  methods: RegisteredMethod[];
  /** The method sign-in uses first; `null` when none is chosen or none can serve two-step verification. */
  defaultMethodId: string | null;
}
