/** Codes, ids and their hashes, from Web Crypto only, so the handler runs in Node, Deno, Bun and workers. */

/** `length` decimal digits, each uniformly distributed: bytes of 250 or more are drawn again. */
export function randomCode(length: number): string {
  let code = '';
  const buffer = new Uint8Array(length * 2);
  while (code.length < length) {
    crypto.getRandomValues(buffer);
    for (const byte of buffer) {
      if (byte < 250 && code.length < length) code += String(byte % 10);
    }
  }
  return code;
}

/** An unguessable id: 128 random bits, base64url. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

type NodeCrypto = {
  createHmac(algorithm: string, key: Uint8Array): { update(data: string): { digest(): Uint8Array } };
};

/** Node's own crypto where the runtime has it: its HMAC runs on the spot, Web Crypto's hops to a worker thread. */
function nodeCrypto(): NodeCrypto | undefined {
  const get = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process?.getBuiltinModule;
  try {
    return get?.('node:crypto') as NodeCrypto | undefined;
  } catch {
    return undefined;
  }
}

/** HMAC-SHA-256 of a code, bound to its challenge, under a server secret: the only form a code is stored in. */
export async function createCodeHasher(
  secret: Uint8Array,
): Promise<(challengeId: string, code: string) => Promise<Uint8Array>> {
  const node = nodeCrypto();
  if (node) {
    const key = new Uint8Array(secret);
    return async (challengeId, code) =>
      new Uint8Array(node.createHmac('sha256', key).update(`${challengeId}:${code}`).digest());
  }
  const key = await crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return async (challengeId, code) =>
    new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${challengeId}:${code}`)));
}

/** Compares two hashes in time that does not depend on where they differ. */
export function equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
