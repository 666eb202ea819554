/**
 * Passkeys for the in-memory backend: real creation options (a random challenge, the person's passkeys excluded),
 * and an answer checked as far as a test double can without verifying the attestation: the client data must say
 * `webauthn.create` and carry the challenge issued, once. Names and credential ids are kept here, beside the
 * registry's `passkey` methods.
 */
import { SecurityInfoError } from './errors.js';
import { passkeyName } from './passkey-name.js';
import type {
  AdapterCallOptions,
  FinishPasskeyRequest,
  MethodKind,
  PasskeyLimitReason,
  PasskeySetup,
  RegisteredMethod,
  Registrations,
  RenameMethodRequest,
} from './types.js';

/** What this needs of the adapter's registry. */
interface Registry {
  view(): Registrations;
  register(registration: { kind: MethodKind }, replaces: null): void;
}

type Operation = 'startPasskey' | 'finishPasskey' | 'renameMethod';

export interface MemoryPasskeyOptions {
  /** Time source in milliseconds. */
  now: () => number;
  /** Milliseconds the browser's dialog may stay open, sent as the options' `timeout`. Default 300000. */
  timeout?: number;
  /** The relying party's name in the dialog. Default `security-info demo`. */
  rpName?: string;
  /** How many passkeys the person may have; one more is refused. Default 20, as the reference server. */
  max?: number;
}

/** Base64url without padding, as WebAuthn's JSON forms write buffers. */
export function toBase64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function fromBase64url(text: string): string {
  return atob(text.replace(/-/g, '+').replace(/_/g, '/'));
}

/** The client data of a creation's answer, or undefined when it is not JSON of base64url. */
function clientData(encoded: unknown): { type?: unknown; challenge?: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(fromBase64url(String(encoded)));
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

const refused = (why: string) => new SecurityInfoError('invalid-code', `The passkey was not accepted: ${why}`);

/** A passkey beyond the person's most, refused as the reference server refuses it (409 with this reason). */
function tooMany(max: number): SecurityInfoError {
  const error = new SecurityInfoError('unknown', `You have ${max} passkeys, the most there can be.`);
  const reason: PasskeyLimitReason = 'method-limit';
  // As the fetch adapter keeps a passkey's reason: on the error, for the step to say.
  return Object.defineProperty(error, 'reason', { value: reason, enumerable: true });
}

/**
 * The passkeys of one memory adapter. `begin` is the adapter's own start of a call (its count, latency and injected
 * faults).
 */
export function createMemoryPasskeys(
  registry: Registry,
  begin: (operation: Operation, signal: AbortSignal) => Promise<'malformed' | undefined>,
  { now, timeout = 300_000, rpName = 'security-info demo', max = 20 }: MemoryPasskeyOptions,
) {
  /** Challenges issued and not yet answered, by challenge id: the challenge and when it expires. */
  const issued = new Map<string, { challenge: string; expiresAt: number }>();
  /**
   * Challenges answered with a passkey registered, by challenge id, until they expire: the answer as it came and the
   * passkey's method id. The same answer sent again (its answer lost on the way) gets that passkey, as from a server.
   */
  const answered = new Map<string, { answer: string; methodId: string; expiresAt: number }>();
  const answerOf = (response: FinishPasskeyRequest['response']) =>
    JSON.stringify([response?.id, response?.response?.clientDataJSON, response?.response?.attestationObject]);
  /** The passkeys registered, by method id: the name and the credential. */
  const kept = new Map<string, { name: string; credentialId: string; transports?: string[] }>();
  const userId = toBase64url(crypto.getRandomValues(new Uint8Array(16)));
  let counter = 0;
  const present = () => new Set(registry.view().methods.map((method) => method.id));
  /** Before the dialog and again at the answer: two dialogs opened with one place left cannot both take it. */
  const checkRoom = () => {
    if (registry.view().methods.filter((method) => method.kind === 'passkey').length >= max) throw tooMany(max);
  };

  /** The list, with each passkey's name. */
  function view(list: Registrations): Registrations {
    for (const method of list.methods) {
      const passkey = kept.get(method.id);
      if (method.kind === 'passkey' && passkey)
        method.passkey = { name: passkey.name, ...(passkey.transports ? { transports: [...passkey.transports] } : {}) };
    }
    return list;
  }

  /** One method as the list shows it, with its passkey's name. */
  const viewed = (method: RegisteredMethod) => view({ methods: [method], defaultMethodId: null }).methods[0]!;

  return {
    view,
    methods: {
      async startPasskey({ signal }: AdapterCallOptions): Promise<PasskeySetup> {
        if ((await begin('startPasskey', signal)) === 'malformed') return {} as PasskeySetup;
        checkRoom();
        const challenge = toBase64url(crypto.getRandomValues(new Uint8Array(32)));
        const challengeId = `passkey-${++counter}`;
        issued.set(challengeId, { challenge, expiresAt: now() + timeout });
        const ids = present();
        return {
          challengeId,
          options: {
            challenge,
            // No id: the browser takes the page's own host, as a demo on any address needs.
            rp: { name: rpName },
            user: { id: userId, name: 'person@example.com', displayName: 'Person' },
            pubKeyCredParams: [
              { type: 'public-key', alg: -7 },
              { type: 'public-key', alg: -257 },
            ],
            timeout,
            excludeCredentials: [...kept]
              .filter(([id]) => ids.has(id))
              .map(([, { credentialId, transports }]) => ({
                id: credentialId,
                type: 'public-key' as const,
                ...(transports ? { transports } : {}),
              })),
            authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
            attestation: 'none',
          },
        };
      },

      async finishPasskey(
        { challengeId, response, name }: FinishPasskeyRequest,
        { signal }: AdapterCallOptions,
      ): Promise<RegisteredMethod> {
        if ((await begin('finishPasskey', signal)) === 'malformed') return {} as RegisteredMethod;
        const pending = issued.get(challengeId);
        // Single use: an answer, right or wrong, spends its challenge; only the answer that registered a passkey is
        // answered again, with that passkey, while the challenge lasts and the passkey is the person's.
        issued.delete(challengeId);
        const first = pending ? undefined : answered.get(challengeId);
        const registered =
          first && now() < first.expiresAt && first.answer === answerOf(response)
            ? registry.view().methods.find((method) => method.id === first.methodId)
            : undefined;
        if (registered) return viewed(registered);
        if (!pending || now() >= pending.expiresAt) throw new SecurityInfoError('code-expired', 'No such challenge');
        const data = clientData(response?.response?.clientDataJSON);
        if (data?.type !== 'webauthn.create') throw refused('not a creation');
        if (data.challenge !== pending.challenge) throw refused('another challenge');
        if (typeof response.id !== 'string' || !response.id) throw refused('no credential id');
        const before = present();
        // One credential, one passkey: a browser that ignored excludeCredentials gets the refusal a server gives.
        if ([...kept].some(([id, { credentialId }]) => before.has(id) && credentialId === response.id))
          throw Object.defineProperty(
            new SecurityInfoError('invalid-code', 'This passkey is registered already.'),
            // As the fetch adapter keeps a passkey's reason: on the error, for the step to say.
            'reason',
            { value: 'already-registered', enumerable: true },
          );
        checkRoom();
        registry.register({ kind: 'passkey' }, null);
        const method = registry.view().methods.find((candidate) => !before.has(candidate.id))!;
        const transports = response.response.transports;
        answered.set(challengeId, { answer: answerOf(response), methodId: method.id, expiresAt: pending.expiresAt });
        kept.set(method.id, {
          name: passkeyName(name) ?? 'Passkey',
          credentialId: response.id,
          ...(Array.isArray(transports) ? { transports: transports.map(String) } : {}),
        });
        return viewed(method);
      },

      async renameMethod({ id, name }: RenameMethodRequest, { signal }: AdapterCallOptions): Promise<void> {
        if ((await begin('renameMethod', signal)) === 'malformed') return;
        const passkey = present().has(id) ? kept.get(id) : undefined;
        if (!passkey) throw new SecurityInfoError('unknown', 'No such passkey');
        const checked = passkeyName(name);
        if (!checked) throw new SecurityInfoError('unknown', 'A name has 1 to 64 characters.');
        passkey.name = checked;
      },
    },
  };
}
