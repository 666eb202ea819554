// The data folder's lock: one process at a time, a live holder named, a dead one's lock taken over.
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FolderLockedError, HEARTBEAT_MS, LOCK_FILE, lockFolder, STALE_AFTER_MS } from './lock.js';

const folders: string[] = [];
function folder(): string {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), 'security-info-lock-'));
  folders.push(made);
  return made;
}
afterEach(() => {
  for (const made of folders.splice(0)) fs.rmSync(made, { recursive: true, force: true });
});

/** The pid of a process that has ended. */
function deadPid(): number {
  const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(ended.stdout);
}

describe('lockFolder', () => {
  it('creates the folder and a lock file holding this pid, removed on release', () => {
    const dir = path.join(folder(), 'data');
    const lock = lockFolder(dir);
    assert.equal(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'), `${process.pid}\n${os.hostname()}\n`);
    lock.release();
    assert.equal(fs.existsSync(path.join(dir, LOCK_FILE)), false);
    lockFolder(dir).release();
  });

  it('refuses a folder a live process holds, naming its pid', async () => {
    const dir = folder();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(dir, LOCK_FILE), `${holder.pid}\n`);
      assert.throws(
        () => lockFolder(dir),
        (error: unknown) =>
          error instanceof FolderLockedError &&
          error.pid === holder.pid &&
          error.message.includes(`process ${holder.pid}`),
      );
      assert.equal(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'), `${holder.pid}\n`, 'left as it was');
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('refuses a second lock in the same process', () => {
    const dir = folder();
    const lock = lockFolder(dir);
    try {
      assert.throws(() => lockFolder(dir), FolderLockedError);
    } finally {
      lock.release();
    }
  });

  it('takes over the lock of a process that died', () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, LOCK_FILE), `${deadPid()}\n`);
    const lock = lockFolder(dir);
    assert.equal(fs.readFileSync(lock.file, 'utf8'), `${process.pid}\n${os.hostname()}\n`);
    assert.equal(fs.existsSync(`${lock.file}.takeover`), false);
    lock.release();
  });

  it('takes over a lock left with this pid by an earlier run (a container, where every start may be pid 1)', () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, LOCK_FILE), `${process.pid}\n`);
    lockFolder(dir).release();
  });

  it('refuses a lock another container or machine holds, whatever its pid means here', () => {
    // Two containers on one volume (a rolling update) can both be pid 1: the other one's pid says nothing here.
    const dir = folder();
    const file = path.join(dir, LOCK_FILE);
    for (const pid of [process.pid, deadPid()]) {
      fs.writeFileSync(file, `${pid}\nweb-7f9c\n`);
      assert.throws(
        () => lockFolder(dir),
        (error: unknown) =>
          error instanceof FolderLockedError &&
          error.pid === pid &&
          error.message.includes(`process ${pid} on web-7f9c`),
      );
      assert.equal(fs.readFileSync(file, 'utf8'), `${pid}\nweb-7f9c\n`, 'left as it was');
    }
  });

  it('takes over the lock of another container or machine once it is no longer kept alive', () => {
    const dir = folder();
    const file = path.join(dir, LOCK_FILE);
    fs.writeFileSync(file, `${process.pid}\nweb-7f9c\n`);
    const then = new Date(Date.now() - STALE_AFTER_MS - 1000);
    fs.utimesSync(file, then, then);
    lockFolder(dir).release();
  });

  it('keeps its own lock alive while it holds it, for those who cannot see its pid', (t) => {
    t.mock.timers.enable({ apis: ['setInterval', 'Date'], now: Date.now() });
    const dir = folder();
    const lock = lockFolder(dir);
    try {
      const then = new Date(Date.now() - STALE_AFTER_MS);
      fs.utimesSync(lock.file, then, then);
      t.mock.timers.tick(HEARTBEAT_MS);
      assert.ok(Date.now() - fs.statSync(lock.file).mtimeMs < HEARTBEAT_MS, 'marked alive');
    } finally {
      lock.release();
    }
  });

  it('takes over an empty lock file, left by a crash between creating it and writing the pid', () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, LOCK_FILE), '');
    lockFolder(dir).release();
  });

  it('does not remove a lock that is no longer its own', () => {
    const dir = folder();
    const lock = lockFolder(dir);
    fs.writeFileSync(lock.file, '12345\n');
    lock.release();
    assert.equal(fs.readFileSync(lock.file, 'utf8'), '12345\n');
  });

  it('lets exactly one of several processes racing for a stale lock have it', async () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, LOCK_FILE), `${deadPid()}\n`);
    const lockModule = new URL('./lock.ts', import.meta.url).href;
    // Each one holds what it got until the test has heard from all of them.
    const script = `
      const { lockFolder } = await import(${JSON.stringify(lockModule)});
      try { lockFolder(${JSON.stringify(dir)}); process.stdout.write('locked'); }
      catch (error) { process.stdout.write(error.name); }
      process.stdin.resume().on('end', () => process.exit(0));`;
    const racers = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    const said = await Promise.all(
      racers.map(
        (child) => new Promise<string>((resolve) => child.stdout!.once('data', (chunk) => resolve(`${chunk}`))),
      ),
    );
    await Promise.all(racers.map((child) => new Promise((resolve) => child.once('exit', resolve).stdin!.end())));
    assert.deepEqual(said.sort(), ['FolderLockedError', 'FolderLockedError', 'FolderLockedError', 'locked']);
  });
});
