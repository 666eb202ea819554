/** Where a CPU profile of the server process spent its time: by who asked for it, and the functions that cost most. */
import type { Profiler } from 'node:inspector';

export interface ProfileSummary {
  /** Milliseconds the profile covers. */
  totalMs: number;
  /** Share of the time by who asked for it (native and Node functions counted as their caller's), largest first. */
  kinds: { kind: string; share: number }[];
  /** The functions with the most time of their own, largest first. */
  functions: { name: string; where: string; share: number }[];
}

const NODE = 'Node itself (the event loop, HTTP parsing, sockets)';

/** The kind of code a frame belongs to, by its script; `undefined` for a native function (its caller's kind). */
function kindOf(frame: Profiler.ProfileNode['callFrame']): string | undefined {
  const { functionName, url } = frame;
  if (functionName === '(idle)') return 'idle: waiting for the network or the database';
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8 and native code outside JavaScript';
  if (/[\\/]node_modules[\\/](pg|pg-[a-z-]+|pgpass|postgres-[a-z-]+)[\\/]/.test(url))
    return 'the PostgreSQL client (pg), with the socket writes it asks for';
  if (/[\\/]node_modules[\\/]@electric-sql[\\/]pglite[\\/]|^wasm:/.test(url))
    return 'PGlite (PostgreSQL in WebAssembly), with its file reads, writes and flushes';
  if (/[\\/]node_modules[\\/](prom-client|tdigest|bintrees)[\\/]/.test(url)) return 'metrics (prom-client)';
  if (/[\\/]node_modules[\\/]libphonenumber-js[\\/]/.test(url)) return 'phone numbers (libphonenumber-js)';
  if (/[\\/]packages[\\/]server[\\/]src[\\/]/.test(url))
    return 'the service (packages/server), with the Node work it asks for (answers written, hashes)';
  if (/[\\/]packages[\\/]core[\\/]src[\\/]/.test(url)) return 'the shared core (packages/core)';
  if (/^node:/.test(url)) return NODE;
  if (url === '') return undefined;
  return 'other';
}

function shortWhere(url: string, line: number): string {
  const trimmed = url
    .replace(/^file:\/\//, '')
    .replace(/^.*[\\/]node_modules[\\/]/, '')
    .replace(/^.*[\\/](packages[\\/])/, '$1');
  return trimmed ? `${trimmed}:${line + 1}` : '(native)';
}

export function summarizeProfile(profile: Profiler.Profile, top = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  /**
   * Who asked for a frame's time: its own kind, or for a native or Node function the nearest caller of another kind
   * (a socket write called by pg is pg's; one with only Node above it, such as parsing a request, is Node's).
   */
  const askedBy = (id: number): string => {
    let found: string | undefined;
    for (let at: number | undefined = id, depth = 0; at !== undefined && depth < 1000; at = parents.get(at), depth++) {
      const kind = kindOf(byId.get(at)!.callFrame);
      if (kind && kind !== NODE) return kind;
      found ??= kind;
    }
    return found ?? NODE;
  };
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's time is the gap to the next one.
  for (let i = 0; i < samples.length; i++) {
    const us = deltas[i + 1] ?? 0;
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + us);
  }
  const total = [...self.values()].reduce((sum, us) => sum + us, 0) || 1;
  const kinds = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; us: number }>();
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const kind = askedBy(id);
    kinds.set(kind, (kinds.get(kind) ?? 0) + us);
    const name = frame.functionName || '(anonymous)';
    const where = shortWhere(frame.url, frame.lineNumber);
    const key = `${name} ${where}`;
    const entry = functions.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  return {
    totalMs: total / 1000,
    kinds: [...kinds].map(([kind, us]) => ({ kind, share: us / total })).sort((a, b) => b.share - a.share),
    functions: [...functions.values()]
      .map(({ name, where, us }) => ({ name, where, share: us / total }))
      .sort((a, b) => b.share - a.share)
      .slice(0, top),
  };
}

export function describeProfile(title: string, summary: ProfileSummary): string {
  const percent = (share: number) => `${(share * 100).toFixed(1).padStart(5)} %`;
  return [
    `${title}: CPU profile of the server process, ${(summary.totalMs / 1000).toFixed(1)} s`,
    ...summary.kinds.map(({ kind, share }) => `  ${percent(share)}  ${kind}`),
    '  functions with the most time of their own:',
    ...summary.functions.map(({ name, where, share }) => `  ${percent(share)}  ${name}  ${where}`),
  ].join('\n');
}
