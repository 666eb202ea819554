/**
 * Sealing secrets kept at rest (an authenticator app's TOTP key): AES-256-GCM under a key derived with HKDF-SHA-256
 * from the server's secret, so a copy of the database alone yields no key an attacker could generate codes with.
 * Each sealed value is bound to a context (whose secret it is), so one copied onto another row does not open there.
 * Opening tries the previous secrets too, as codes do while the secret is being rotated, and says when an old one
 * opened it, so the caller can seal it again under the current one.
 */

/** HKDF's `info`: keys for this use only, whatever else the server secret keys. */
const INFO = new TextEncoder().encode('security-info/secret-box/aes-256-gcm/v1');
const VERSION = 'v1';
const IV_BYTES = 12;

/** Why a sealed value did not open: tampered with, for another context, or sealed under a key no longer given. */
export class SealError extends Error {
  constructor() {
    super('the sealed value could not be opened');
    this.name = 'SealError';
  }
}

export interface Opened {
  plain: Uint8Array;
  /** Whether the current secret opened it; `false` when a previous one did, and it should be sealed again. */
  current: boolean;
}

export interface SecretBox {
  /** `v1.<iv>.<ciphertext and tag>`, base64url: text that fits a JSON column. */
  seal(plain: Uint8Array, context: string): Promise<string>;
  /** Rejects with a `SealError` when no key opens it for this context. */
  open(sealed: string, context: string): Promise<Opened>;
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new SealError();
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
  } catch {
    throw new SealError();
  }
}

async function deriveKey(secret: Uint8Array): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new Uint8Array(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A box under `secret`, that also opens what `previousSecrets` sealed. */
export function createSecretBox(secret: Uint8Array, previousSecrets: readonly Uint8Array[] = []): SecretBox {
  const keys = [secret, ...previousSecrets].map(deriveKey);
  const context = (name: string) => new TextEncoder().encode(name);

  return {
    async seal(plain, name) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: context(name) },
        await keys[0]!,
        new Uint8Array(plain),
      );
      return `${VERSION}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
    },

    async open(sealed, name) {
      const parts = typeof sealed === 'string' ? sealed.split('.') : [];
      if (parts.length !== 3 || parts[0] !== VERSION) throw new SealError();
      const iv = fromBase64Url(parts[1]!);
      const data = fromBase64Url(parts[2]!);
      if (iv.length !== IV_BYTES) throw new SealError();
      for (const [index, key] of keys.entries()) {
        try {
          const plain = await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv, additionalData: context(name) },
            await key,
            data,
          );
          return { plain: new Uint8Array(plain), current: index === 0 };
        } catch {
          // Not this key (or tampered with): the next one may be the one it was sealed under.
        }
      }
      throw new SealError();
    },
  };
}
