/**
 * One process per data folder: PGlite is one connection to files it does not lock, and two processes writing the
 * same folder would corrupt it. The lock is a file created with O_EXCL that holds the owner's pid and host name; a
 * lock whose pid is no longer alive (a process killed with -9, a machine that lost power) is taken over.
 *
 * A pid means something only on its own host: another container on the same volume (a rolling update) or another
 * machine on a network folder may have any pid, this process's own included, often 1. Their lock is alive while
 * its holder marks it so, touching it every {@link HEARTBEAT_MS}, and taken over once it has not been touched for
 * {@link STALE_AFTER_MS}.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'security-info.lock';
/** How often a holder touches its lock, for processes on other hosts that cannot see its pid. */
export const HEARTBEAT_MS = 10_000;
/** How long a lock of another host may go untouched before its holder is taken to be gone. */
export const STALE_AFTER_MS = 60_000;

/** The host this process runs on: a container's own (its id, a pod's name), or the machine's. */
const HOST = os.hostname();
/** What this process's lock files hold. */
const OWN = `${process.pid}\n${HOST}\n`;

/** The folder is in use by another process. */
export class FolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
    readonly lockFile: string,
    /** The holder's host, when it is not this one. */
    readonly host?: string,
  ) {
    super(
      `the data folder ${folder} is in use by process ${pid}${host === undefined ? '' : ` on ${host}`} (lock file ` +
        `${lockFile}); stop that process, or give this one another SECURITY_INFO_DATA_DIR` +
        (host === undefined
          ? ''
          : `; its lock is taken over once it has gone ${STALE_AFTER_MS / 1000} s without being renewed`),
    );
    this.name = 'FolderLockedError';
  }
}

export interface FolderLock {
  readonly file: string;
  /** Removes the lock file, if it is still this process's. */
  release(): void;
}

/** Locks held by this process, by lock file: pids are reused, and in a container every start may be pid 1. */
const heldHere = new Set<string>();

interface Holder {
  pid: number;
  /** Its host, when not this one; `undefined` too for a lock of a version that did not write it. */
  host: string | undefined;
}

function isAlive({ pid, host }: Holder, file: string): boolean {
  if (host !== undefined) {
    // Renewed by its holder lately. Containers on one machine share its clock; machines sharing a folder keep theirs close.
    const touched = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    return touched !== undefined && Date.now() - touched < STALE_AFTER_MS;
  }
  if (pid === process.pid) return heldHere.has(file);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates `file` holding this process's pid and host, flushed; `false` when it exists already. */
function create(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeSync(fd, OWN);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/** The file's text, or `undefined` when it is gone. */
function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The holder a lock file names: `pid\nhost\n`, or `pid\n` as earlier versions wrote it. */
function holderIn(text: string): Holder | undefined {
  const match = /^(\d+)(?:\n|\n([^\n]+)\n)?$/.exec(text);
  if (!match) return undefined;
  const host = match[2] === HOST ? undefined : match[2];
  return { pid: Number(match[1]), host };
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The holder when the lock is alive; `undefined` when it is stale. An empty file may be a lock whose owner is
 * writing its pid this instant: it is read again before being called stale.
 */
function liveHolder(file: string, text: string): Holder | undefined {
  let holder = holderIn(text);
  if (holder === undefined && text === '') {
    pause(100);
    holder = holderIn(read(file) ?? '');
  }
  return holder !== undefined && isAlive(holder, file) ? holder : undefined;
}

/**
 * Replaces a stale lock. Takeovers are serialized by a second O_EXCL file, so two processes that both found the
 * lock stale cannot both remove it and each create their own: the second one finds the first one's, alive.
 */
function takeOver(file: string, stale: string): boolean {
  const guard = `${file}.takeover`;
  if (!create(guard)) {
    const text = read(guard);
    // Its owner died mid-takeover: clear it and let the caller try again.
    if (text !== undefined && liveHolder(guard, text) === undefined) fs.rmSync(guard, { force: true });
    else pause(50);
    return false;
  }
  try {
    // Only a takeover removes a lock it does not own, and takeovers run one at a time: if the file still holds what
    // was found stale, nobody else has replaced it.
    if (read(file) !== stale) return false;
    fs.rmSync(file, { force: true });
    return create(file);
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/** The lock this process just created, registered, kept alive, and released when the process exits. */
function held(file: string): FolderLock {
  heldHere.add(file);
  let released = false;
  const heartbeat = setInterval(() => {
    try {
      if (read(file) === OWN) fs.utimesSync(file, new Date(), new Date());
    } catch {
      // A folder that went away: the database will say so.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    heldHere.delete(file);
    process.removeListener('exit', release);
    if (read(file) === OWN) fs.rmSync(file, { force: true });
  };
  // However the process ends, but by a signal it cannot catch, the lock goes with it.
  process.once('exit', release);
  return { file, release };
}

/** Locks `folder` (created when missing) for this process, or throws {@link FolderLockedError}. */
export function lockFolder(folder: string): FolderLock {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, LOCK_FILE);
  if (heldHere.has(file)) throw new FolderLockedError(folder, process.pid, file);
  for (let attempt = 0; attempt < 20; attempt++) {
    if (create(file)) return held(file);
    const text = read(file);
    if (text === undefined) continue;
    const holder = liveHolder(file, text);
    if (holder !== undefined) throw new FolderLockedError(folder, holder.pid, file, holder.host);
    if (takeOver(file, text)) return held(file);
  }
  throw new Error(`could not lock the data folder ${folder}: its lock file ${file} keeps changing`);
}
