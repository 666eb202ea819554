/**
 * A software WebAuthn authenticator for the server's tests: an ES256 (or EdDSA, or RS256) key pair from node:crypto, authenticator data
 * written byte by byte, an attestation object of format `none` in a minimal CBOR encoder, and assertions signed over
 * `authenticatorData || sha256(clientDataJSON)`, as WebAuthn Level 3 describes them. Each answer can be bent the way
 * an attacker or a broken authenticator would: another origin, another RP id, no user verification, a counter that
 * goes back, another challenge.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

export type Cbor = number | string | Uint8Array | Cbor[] | Map<Cbor, Cbor> | { [key: string]: Cbor };

function head(major: number, length: number): number[] {
  if (length < 24) return [(major << 5) | length];
  if (length < 0x100) return [(major << 5) | 24, length];
  if (length < 0x10000) return [(major << 5) | 25, length >> 8, length & 0xff];
  return [(major << 5) | 26, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff];
}

/** CBOR (RFC 8949) for what WebAuthn needs: integers, byte and text strings, arrays and maps, definite lengths. */
export function cbor(value: Cbor): Uint8Array {
  const out: number[] = [];
  const write = (item: Cbor): void => {
    if (typeof item === 'number') {
      out.push(...(item >= 0 ? head(0, item) : head(1, -1 - item)));
    } else if (typeof item === 'string') {
      const text = new TextEncoder().encode(item);
      out.push(...head(3, text.length), ...text);
    } else if (item instanceof Uint8Array) {
      out.push(...head(2, item.length), ...item);
    } else if (Array.isArray(item)) {
      out.push(...head(4, item.length));
      item.forEach(write);
    } else {
      const entries = item instanceof Map ? [...item.entries()] : Object.entries(item);
      out.push(...head(5, entries.length));
      for (const [key, entry] of entries) {
        write(key);
        write(entry);
      }
    }
  };
  write(value);
  return new Uint8Array(out);
}

const sha256 = (data: Uint8Array | string) => new Uint8Array(createHash('sha256').update(data).digest());
const b64 = (data: Uint8Array | string) => Buffer.from(data).toString('base64url');
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const uint32 = (value: number) =>
  new Uint8Array([value >>> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff]);

const UP = 0x01;
const UV = 0x04;
const BE = 0x08;
const BS = 0x10;
const AT = 0x40;

/** How one answer departs from an honest authenticator's on an honest page. */
export interface Bend {
  origin?: string;
  rpId?: string;
  /** Whether the person was verified (PIN, biometrics); default true. */
  uv?: boolean;
  /** The challenge signed instead of the one asked for. */
  challenge?: string;
  /** The signature counter to report instead of the next one. */
  counter?: number;
  /** The user handle a discoverable credential reports. */
  userHandle?: string;
  /** Made in a frame on another site's page (`crossOrigin`), naming that page's origin when given (`topOrigin`). */
  crossOrigin?: boolean;
  topOrigin?: string;
  /** The credential id its authenticator data carries (the answer's `id` stays the credential's). */
  credentialId?: Uint8Array;
  /** The COSE algorithm its public key claims, instead of its key's own (ES256's -7, EdDSA's -8, RS256's -257). */
  alg?: number;
  /** Entries of its COSE public key to write instead of its key's own (`undefined` leaves one out): a broken key. */
  cose?: Record<number, Cbor | undefined>;
  /** Registers the credential it holds again, rather than making a new one. */
  same?: boolean;
}

interface Options {
  challenge: string;
  rp?: { id?: string };
  rpId?: string;
  user?: { id: string };
}

export interface SoftAuthenticator {
  /** The credential id of the last passkey made. */
  readonly credentialId: string;
  /** Makes a passkey for `options` (what `registration-options` answered), as `navigator.credentials.create()`. */
  register(options: Options, bend?: Bend): Record<string, unknown>;
  /** Signs in with the last passkey made, as `navigator.credentials.get()`. */
  assert(options: Options, bend?: Bend): Record<string, unknown>;
}

/** The key pair an authenticator makes: ES256 on P-256, EdDSA on Ed25519, or RS256 of `modulusLength` bits. */
export type SoftKey = 'ES256' | 'EdDSA' | { rsa: number };

function makeKey(kind: SoftKey) {
  if (kind === 'ES256') return generateKeyPairSync('ec', { namedCurve: 'P-256' });
  if (kind === 'EdDSA') return generateKeyPairSync('ed25519');
  return generateKeyPairSync('rsa', { modulusLength: kind.rsa });
}

/** The COSE key (RFC 9053) of a public key: kty, alg and the key's own parameters. */
function coseKeyOf(publicKey: KeyObject): Map<Cbor, Cbor> {
  const jwk = publicKey.export({ format: 'jwk' });
  const bytes = (value: string | undefined) => new Uint8Array(Buffer.from(value!, 'base64url'));
  if (jwk.kty === 'OKP')
    return new Map<Cbor, Cbor>([
      [1, 1],
      [3, -8],
      [-1, 6],
      [-2, bytes(jwk.x)],
    ]);
  if (jwk.kty === 'RSA')
    return new Map<Cbor, Cbor>([
      [1, 3],
      [3, -257],
      [-1, bytes(jwk.n)],
      [-2, bytes(jwk.e)],
    ]);
  return new Map<Cbor, Cbor>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, bytes(jwk.x)],
    [-3, bytes(jwk.y)],
  ]);
}

/** An authenticator for pages on `origin`, keeping one credential (the last it made); `counter` 0 never counts. */
export function softAuthenticator({
  origin = 'https://portal.test',
  counts = true,
  key: keyKind = 'ES256',
}: { origin?: string; counts?: boolean; key?: SoftKey } = {}): SoftAuthenticator {
  let key: { privateKey: KeyObject; publicKey: KeyObject } | undefined;
  let credentialId = new Uint8Array();
  let userHandle: string | undefined;
  let counter = 0;

  const clientData = (type: string, challenge: string, bend: Bend) =>
    new TextEncoder().encode(
      JSON.stringify({
        type,
        challenge: bend.challenge ?? challenge,
        origin: bend.origin ?? origin,
        crossOrigin: bend.crossOrigin ?? false,
        ...(bend.topOrigin ? { topOrigin: bend.topOrigin } : {}),
      }),
    );
  const flags = (bend: Bend, extra = 0) => UP | (bend.uv === false ? 0 : UV) | BE | BS | extra;

  return {
    get credentialId() {
      return b64(credentialId);
    },
    register(options, bend = {}) {
      if (!bend.same || !key) {
        key = makeKey(keyKind);
        credentialId = new Uint8Array(randomBytes(32));
      }
      userHandle = options.user?.id;
      counter = 0;
      const coseKey = coseKeyOf(key.publicKey);
      if (bend.alg !== undefined) coseKey.set(3, bend.alg);
      for (const [label, value] of Object.entries(bend.cose ?? {}))
        if (value === undefined) coseKey.delete(Number(label));
        else coseKey.set(Number(label), value);
      const rpId = bend.rpId ?? options.rp?.id ?? '';
      const authData = concat(
        sha256(rpId),
        new Uint8Array([flags(bend, AT)]),
        uint32(bend.counter ?? counter),
        new Uint8Array(16),
        new Uint8Array([
          (bend.credentialId ?? credentialId).length >> 8,
          (bend.credentialId ?? credentialId).length & 0xff,
        ]),
        bend.credentialId ?? credentialId,
        cbor(coseKey),
      );
      const attestationObject = cbor({ fmt: 'none', attStmt: {}, authData });
      return {
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: 'public-key',
        response: {
          clientDataJSON: b64(clientData('webauthn.create', options.challenge, bend)),
          attestationObject: b64(attestationObject),
          transports: ['internal', 'hybrid'],
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      };
    },
    assert(options, bend = {}) {
      if (!key) throw new Error('no passkey made yet');
      if (counts) counter += 1;
      const rpId = bend.rpId ?? options.rpId ?? '';
      const authenticatorData = concat(sha256(rpId), new Uint8Array([flags(bend)]), uint32(bend.counter ?? counter));
      const clientDataJSON = clientData('webauthn.get', options.challenge, bend);
      const signed = concat(authenticatorData, sha256(clientDataJSON));
      const signature = sign(keyKind === 'EdDSA' ? null : 'sha256', signed, key.privateKey);
      const handle = bend.userHandle ?? userHandle;
      return {
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: 'public-key',
        response: {
          clientDataJSON: b64(clientDataJSON),
          authenticatorData: b64(authenticatorData),
          signature: b64(signature),
          ...(handle ? { userHandle: handle } : {}),
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      };
    },
  };
}
