/** Play functions wait for what a person would wait for: `find` polled until it finds something, or the story fails. */
export async function until<T>(find: () => T | null | undefined, timeout = 4000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - start > timeout) throw new Error('The story did not reach the expected state');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
