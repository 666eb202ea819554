/**
 * What the PostgreSQL server does while the bench drives the service: the CPU time of its processes, and what its
 * connections wait for, sampled from `pg_stat_activity` and `pg_locks` (which advisory lock, by the names the SQL
 * store locks under).
 */
import fs from 'node:fs';
import pg from 'pg';

/** The processes of the cluster listening on `port`: the postmaster and its children (backends, WAL writer...). */
function clusterProcesses(port: number): number[] {
  if (!fs.existsSync('/proc/self/stat')) return [];
  const pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  const read = (pid: string, file: string) => {
    try {
      return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
    } catch {
      return '';
    }
  };
  const postmaster = pids.find((pid) => {
    const args = read(pid, 'cmdline').split('\0');
    return args[0]?.endsWith('/postgres') && args.join(' ').includes(`-p ${port}`);
  });
  if (!postmaster) return [];
  const children = pids.filter((pid) => statFields(read(pid, 'stat'))?.[1] === postmaster);
  return [postmaster, ...children].map(Number);
}

/** The fields of /proc/<pid>/stat after the command name, from the state on (so `[1]` is the parent's pid). */
function statFields(stat: string): string[] | undefined {
  const end = stat.lastIndexOf(')');
  return end < 0 ? undefined : stat.slice(end + 2).split(' ');
}

/** CPU time of the cluster's processes so far, in microseconds (0 where /proc cannot tell). */
export function clusterCpuMicros(port: number): number {
  const tick = 1e6 / 100; // USER_HZ is 100 on Linux.
  let ticks = 0;
  for (const pid of clusterProcesses(port)) {
    try {
      const fields = statFields(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
      // utime and stime are fields 14 and 15 of the whole line: 12 and 13 from the state on.
      if (fields) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks * tick;
}

export const portOf = (connectionString: string) => Number(new URL(connectionString).port);

/** The average number of the service's connections in each state over the samples. */
export type WaitProfile = { state: string; connections: number }[];

const SAMPLE = `
  with locks as (
    select l.pid, case ((l.classid::bigint << 32) | l.objid::bigint)
      when hashtextextended('audit', 0) then 'the audit trail''s lock'
      when hashtextextended('rate:overall', 0) then 'the overall send limit''s lock'
      -- The five countries of the bench's numbers (traffic.ts).
      when hashtextextended('rate:country:NL', 0) then 'a country''s send limit''s lock'
      when hashtextextended('rate:country:DE', 0) then 'a country''s send limit''s lock'
      when hashtextextended('rate:country:GB', 0) then 'a country''s send limit''s lock'
      when hashtextextended('rate:country:FR', 0) then 'a country''s send limit''s lock'
      when hashtextextended('rate:country:BE', 0) then 'a country''s send limit''s lock'
      else 'another advisory lock (a user''s, a number''s, a client''s)' end as name
    from pg_locks l where l.locktype = 'advisory' and not l.granted
  )
  select case
      when a.wait_event_type = 'Lock' and a.wait_event = 'advisory' then 'waiting for ' || coalesce(k.name, 'an advisory lock')
      when a.wait_event_type = 'Lock' then 'waiting for a row or table lock (' || a.wait_event || ')'
      when a.state = 'idle' then 'idle: no transaction (the service has no work for it)'
      when a.state like 'idle in transaction%' then 'in a transaction, waiting for the service''s next statement'
      when a.wait_event is null then 'running a statement on the CPU'
      when a.wait_event in ('WALSync', 'WALWrite', 'WALFlush') or a.wait_event like 'WAL%'
        then 'waiting for the commit to reach the disk (' || a.wait_event || ')'
      else 'waiting: ' || a.wait_event_type || '/' || a.wait_event
    end as state, count(*)::int as connections
  from pg_stat_activity a left join locks k on k.pid = a.pid
  where a.backend_type = 'client backend' and a.pid <> pg_backend_pid() and a.datname = current_database()
  group by 1`;

/** Samples what the service's connections wait for every `intervalMs` until `stop` is called (at most `maxMs`). */
export function sampleWaits(
  connectionString: string,
  { intervalMs = 100, maxMs = 120_000 } = {},
): { stop(): Promise<WaitProfile> } {
  const client = new pg.Client({ connectionString });
  const totals = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const began = Date.now();
  const loop = (async () => {
    await client.connect();
    while (!stopped && Date.now() - began < maxMs) {
      const { rows } = await client.query<{ state: string; connections: number }>(SAMPLE);
      samples++;
      for (const { state, connections } of rows) totals.set(state, (totals.get(state) ?? 0) + connections);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await client.end();
      return [...totals]
        .map(([state, sum]) => ({ state, connections: sum / Math.max(1, samples) }))
        .sort((a, b) => b.connections - a.connections);
    },
  };
}

export function describeWaits(title: string, waits: WaitProfile): string {
  return [
    `${title}: what the service's PostgreSQL connections did (average connections of the pool's 10):`,
    ...waits.map(({ state, connections }) => `  ${connections.toFixed(1).padStart(5)}  ${state}`),
  ].join('\n');
}

/**
 * Commits a second of the smallest write transaction under one advisory lock (as every verify takes the audit
 * trail's lock before its last insert, and holds it through the commit), and of the same transaction without it:
 * `connections` clients in a loop for `ms`. The gap between the two is what one lock costs when each commit waits
 * for the disk: with it, commits run one at a time; without, PostgreSQL flushes many in one write.
 */
export async function probeCommits(
  connectionString: string,
  { connections = 10, ms = 3000 } = {},
): Promise<{ locked: number; unlocked: number }> {
  const setup = new pg.Client({ connectionString });
  await setup.connect();
  await setup.query('create table load_probe (id bigserial primary key, at bigint not null)');
  try {
    const rate = async (locked: boolean) => {
      const clients = Array.from({ length: connections }, () => new pg.Client({ connectionString }));
      await Promise.all(clients.map((client) => client.connect()));
      let commits = 0;
      const began = Date.now();
      await Promise.all(
        clients.map(async (client) => {
          while (Date.now() - began < ms) {
            await client.query('begin');
            if (locked) await client.query("select pg_advisory_xact_lock(hashtextextended('load-probe', 0))");
            await client.query('insert into load_probe (at) values ($1)', [Date.now()]);
            await client.query('commit');
            commits++;
          }
        }),
      );
      const seconds = (Date.now() - began) / 1000;
      await Promise.all(clients.map((client) => client.end()));
      return commits / seconds;
    };
    return { locked: await rate(true), unlocked: await rate(false) };
  } finally {
    await setup.query('drop table load_probe');
    await setup.end();
  }
}
