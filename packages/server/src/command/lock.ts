/**
 * One process per data folder: PGlite is one connection to files it does not lock, and two processes writing the
 * same folder would corrupt it. The lock is a file created with O_EXCL that holds the owner's pid; a lock whose pid
 * is no longer alive (a process killed with -9, a machine that lost power) is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'security-info.lock';

/** The folder is in use by another process. */
export class FolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `the data folder ${folder} is in use by process ${pid} (lock file ${lockFile}); ` +
        'stop that process, or give this one another SECURITY_INFO_DATA_DIR',
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

function isAlive(pid: number, file: string): boolean {
  if (pid === process.pid) return heldHere.has(file);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates `file` holding this process's pid, flushed; `false` when it exists already. */
function create(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeSync(fd, `${process.pid}\n`);
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

const pidIn = (text: string) => (/^\d+\n?$/.test(text) ? Number(text) : undefined);

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The holder's pid when the lock is alive; `undefined` when it is stale. An empty file may be a lock whose owner
 * is writing its pid this instant: it is read again before being called stale.
 */
function liveHolder(file: string, text: string): number | undefined {
  let pid = pidIn(text);
  if (pid === undefined && text === '') {
    pause(100);
    pid = pidIn(read(file) ?? '');
  }
  return pid !== undefined && isAlive(pid, file) ? pid : undefined;
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

/** The lock this process just created, registered and released when the process exits. */
function held(file: string): FolderLock {
  heldHere.add(file);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    process.removeListener('exit', release);
    if (read(file) === `${process.pid}\n`) fs.rmSync(file, { force: true });
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
    if (holder !== undefined) throw new FolderLockedError(folder, holder, file);
    if (takeOver(file, text)) return held(file);
  }
  throw new Error(`could not lock the data folder ${folder}: its lock file ${file} keeps changing`);
}
