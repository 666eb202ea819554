/**
 * Tests only: a throwaway PostgreSQL cluster from the machine's own binaries (Debian's `postgresql` package),
 * in a temporary folder, on a free port of 127.0.0.1, with trusted local connections and fsync on as in
 * production. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestPostgres {
  connectionString: string;
  /** Stops the cluster at once and removes its folder. */
  stop(): Promise<void>;
}

const hasInitdb = (folder: string) => fs.existsSync(path.join(folder, 'initdb'));

/** `PG_BIN`, Debian's PostgreSQL 15, Debian's newest other version, then what `pg_config` says. */
function findBinaries(): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  candidates.push('/usr/lib/postgresql/15/bin');
  try {
    const versions = fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => `/usr/lib/postgresql/${version}/bin`));
  } catch {
    // No Debian layout.
  }
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: 'pipe' }).trim());
  } catch {
    // No pg_config on PATH.
  }
  const found = candidates.find(hasInitdb);
  if (!found) {
    throw new Error(
      "No PostgreSQL server binaries (initdb, pg_ctl) were found: install Debian's `postgresql` package " +
        '(apt-get install postgresql), or set PG_BIN to the folder that holds them.',
    );
  }
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const idOf = (flag: '-u' | '-g') => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());

export async function startPostgres(): Promise<TestPostgres> {
  const bin = findBinaries();
  const asRoot = process.getuid?.() === 0;
  // initdb and pg_ctl refuse root: run them as `postgres`, in a folder it owns.
  const invocation = (program: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]] : [path.join(bin, program), args];
  const execute = (program: string, args: string[]) => run(...invocation(program, args));

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'security-info-postgres-'));
  if (asRoot) fs.chownSync(folder, idOf('-u'), idOf('-g'));
  const data = path.join(folder, 'data');
  const log = path.join(folder, 'log');
  const remove = () => fs.rmSync(folder, { recursive: true, force: true });
  const stopArgs = ['-D', data, 'stop', '-m', 'immediate', '-w'];

  let started = false;
  // A test run that ends without stopping leaves no server behind.
  const onExit = () => {
    if (started) spawnSync(...invocation('pg_ctl', stopArgs), { stdio: 'ignore' });
    remove();
  };
  process.once('exit', onExit);

  try {
    await execute('initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    let port = 0;
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=on',
        `-c unix_socket_directories='${folder}'`,
      ].join(' ');
      try {
        await execute('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '30', '-o', options, 'start']);
        started = true;
      } catch (error) {
        // Another process may have taken the port between our look and the server's start.
        if (attempt >= 3) throw error;
      }
    }
    return {
      connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        process.removeListener('exit', onExit);
        try {
          if (started) await execute('pg_ctl', stopArgs);
        } finally {
          started = false;
          remove();
        }
      },
    };
  } catch (error) {
    const serverLog = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    onExit();
    process.removeListener('exit', onExit);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`PostgreSQL did not start: ${message}${serverLog ? `\n${serverLog}` : ''}`, { cause: error });
  }
}
