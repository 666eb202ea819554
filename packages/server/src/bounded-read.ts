/** Reading a stream of bytes up to a limit: request bodies (http.ts) and issuers' key sets (jwt.ts). */

/**
 * The bytes of `stream`, or undefined when it holds more than `limit`: reading stops there, and the rest is cancelled
 * rather than read. A read that fails, or `deadline` rejecting first, rejects with that error, the stream cancelled.
 */
export async function readBounded(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  deadline?: Promise<never>,
): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  // Not waited for: a stream whose cancel never settles must not hold up the caller's answer.
  const cancel = () => void reader.cancel().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const part = await (deadline ? Promise.race([reader.read(), deadline]) : reader.read());
      if (part.done) break;
      size += part.value.byteLength;
      if (size > limit) {
        cancel();
        return undefined;
      }
      chunks.push(part.value);
    }
  } catch (error) {
    cancel();
    throw error;
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}
