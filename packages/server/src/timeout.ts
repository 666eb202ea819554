/** Time-outs for what the handler waits on (a sender, the store, a host's hook), so every request is answered. */

/** A dependency did not answer in time. */
export class DependencyTimeout extends Error {
  constructor(readonly dependency: string) {
    super(`${dependency} did not answer in time`);
    this.name = 'DependencyTimeout';
  }
}

/**
 * A dependency failed again while its failure is known and was reported already: answered 503 like any failure, but
 * not logged once more, or anyone able to make it fail (a token naming a key the identity provider does not have, sent
 * while it is down) could write one log line per request.
 */
export class KnownOutage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KnownOutage';
  }
}

/** `work`, or a {@link DependencyTimeout} after `ms`. The work itself goes on; its late result is ignored. */
export function within<T>(work: Promise<T> | T, ms: number, dependency: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DependencyTimeout(dependency)), ms);
  });
  const settled = Promise.resolve(work);
  // A rejection after the time-out must not become an unhandled one.
  settled.catch(() => undefined);
  return Promise.race([settled, late]).finally(() => clearTimeout(timer));
}
