// Thousands of random, malformed and hostile requests against the server, served as the docs show it: the process
// stays up, every request whose client waits is answered, no foreign page gets past the origin check, no log line
// holds a code or a number, and a 5xx comes only from a dependency made to fail. `FUZZ_SEED=<n>` repeats a run.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createSecurityInfoListener, createSecurityInfoMiddleware, type NodeHandlerOptions } from './node.js';
import { TEST_LIMITS, type Limits, type RiskVerdict } from './options.js';
import { createMemoryStore } from './memory-store.js';
import { SECRET } from './test-support.js';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
const AGAIN = `seed ${SEED}: repeat with FUZZ_SEED=${SEED}`;

const BASE = '/api/security-info';
const USERS = ['user-0', 'user-1', 'user-2', 'user-3', 'user-4', 'user-5'];
const ALLOWED_ORIGIN = 'https://portal.example';
const FOREIGN_ORIGINS = ['http://evil.example', 'null', 'junk', `${ALLOWED_ORIGIN}, http://evil.example`];
const IN_FLIGHT = 16;
const BODY_TIMEOUT_MS = 200;
const DEPENDENCY_TIMEOUT_MS = 100;
/** Numbers sent to again and again, so the per-number limit refuses some sends. */
const HOT_NUMBERS = ['+31612345670', '+4915112345671', '+33612345672'];
/** A code or a phone number, however spaced: what no log line may hold. */
const DIGIT_RUN = /\d(?:[\s().-]*\d){5,}/;

/** Some sends hit a limit; everything else is lifted as for any test. */
const LIMITS: Partial<Limits> = {
  ...TEST_LIMITS,
  sendsPerNumber: [{ max: 2, windowSeconds: 60 }],
  maxAttempts: 3,
  resendAfterSeconds: 1,
  maxSendsPerChallenge: 3,
};

/** mulberry32: small and seeded, so request `i` of a run is the same request whenever it is sent. */
function dice(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    digits: (count: number) => Array.from({ length: count }, () => int(10)).join(''),
  };
}
type Dice = ReturnType<typeof dice>;

const seedOf = (phase: number, index: number) => (SEED ^ Math.imul(phase * 100_003 + index + 1, 0x9e3779b1)) >>> 0;

// ---- The server's side: a host's authenticate, sender, risk check and logger, and dependencies that can break. ----

interface Challenge {
  id: string;
  user: string;
  phone: string;
}

/** What the requests learn from the answers: challenges to resend and verify, and the codes sent for them. */
interface World {
  host: string;
  challenges: Challenge[];
  codes: Map<string, string>;
}

/** Faults that dependencies throw, or hangs past the dependency time-out, while `on`. */
interface Trouble {
  on: boolean;
  dice: Dice;
}

const never = () => new Promise<never>(() => undefined);

/** `work()`, unless trouble strikes: a throw, a rejection, an answer too late or none, each as likely. */
function risky<T>(trouble: Trouble | undefined, what: string, work: () => T): T | Promise<Awaited<T>> {
  if (!trouble?.on) return work();
  const roll = trouble.dice.next();
  // The messages carry a number and a code, as a real driver's might: the log must not.
  const failure = () => new Error(`${what} failed for +31612345678 with 123456`);
  if (roll < 0.04) throw failure();
  if (roll < 0.08) return Promise.reject(failure());
  if (roll < 0.12)
    return new Promise((resolve) => setTimeout(() => resolve(work() as Awaited<T>), DEPENDENCY_TIMEOUT_MS * 3));
  if (roll < 0.14) return never();
  return work();
}

function authenticate(request: Request): string | null {
  const bearer = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  const token = bearer ?? /(?:^|;\s*)sid=([\w-]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  if (token === 'long') return 'u'.repeat(600);
  if (token === 'empty') return '';
  return token !== undefined && USERS.includes(token) ? token : null;
}

/** The risk check's verdict by the number's last digit: most sends pass, some are refused in each way it can. */
const VERDICTS: RiskVerdict[] = [
  true,
  undefined,
  true,
  undefined,
  true,
  undefined,
  false,
  { allow: false, error: 'number-rejected' },
  { allow: false, retryAfterSeconds: 12.5 },
  true,
];

function harness(trouble?: Trouble) {
  const world: World = { host: '', challenges: [], codes: new Map() };
  const logged: string[] = [];
  const errors: string[] = [];
  const options: NodeHandlerOptions = {
    authenticate: (request) => risky(trouble, 'authenticate', () => authenticate(request)),
    secret: SECRET,
    limits: LIMITS,
    allowedOrigins: [ALLOWED_ORIGIN],
    bodyTimeoutMs: BODY_TIMEOUT_MS,
    dependencyTimeoutMs: trouble ? DEPENDENCY_TIMEOUT_MS : 10_000,
    // Records each code by its number, for the verify requests to send.
    sender: {
      send: async (message) =>
        risky(trouble, 'the sender', () => {
          world.codes.set(message.phoneNumber, message.code);
        }),
    },
    riskCheck: ({ phoneNumber }) => risky(trouble, 'riskCheck', () => VERDICTS[Number(phoneNumber.at(-1))]),
    onVerified: trouble
      ? () => {
          if (trouble.on && trouble.dice.chance(0.3)) throw new Error('registering +31612345678 failed');
        }
      : undefined,
    logger: {
      warn: (line) => void logged.push(line),
      error: (line) => {
        logged.push(line);
        errors.push(line);
      },
    },
  };
  if (trouble) {
    const store = createMemoryStore();
    options.store = new Proxy(store, {
      get(target, name) {
        const value: unknown = Reflect.get(target, name);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => risky(trouble, 'the store', () => value.apply(target, args));
      },
    });
  }
  return { world, logged, errors, options };
}

/** Mounted the way Express mounts it (`app.use(middleware)`): 404 for what it passes on, 500 for an error it passes. */
function expressLike(
  middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void,
): RequestListener {
  return (req, res) => {
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
    const next = (error?: unknown) => {
      res.statusCode = error === undefined ? 404 : 500;
      res.end();
    };
    try {
      middleware(req, res, next);
    } catch (error) {
      next(error ?? new Error('thrown'));
    }
  };
}

async function serve(listener: RequestListener) {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

// ---- The requests. ----

interface Probe {
  method: string;
  target: string;
  version: '1.1' | '1.0';
  headers: [string, string][];
  body: Buffer;
  /**
   * All at once; all at once and then the client's side shut, which Node takes as the client leaving; a byte at a
   * time, slower than the body time-out; or part of it and then the socket destroyed.
   */
  delivery: 'whole' | 'shut' | 'trickle' | 'cut';
  /** A well-formed request an ordinary HTTP client can make: sent with `fetch` or `http.request` as often as not. */
  clean: boolean;
  /** As a browser on a page of another origin would send it: a POST must stop at the origin check. */
  crossSite: boolean;
  /** Who asks and for which number: what a 201 registers. */
  user?: string | undefined;
  phone?: string | undefined;
}

function phoneNumber(d: Dice): unknown {
  const roll = d.next();
  if (roll < 0.6) return `+316${d.pick(['1', '2', '3', '4', '5'])}${d.digits(7)}`;
  if (roll < 0.75) return d.pick(HOT_NUMBERS);
  if (roll < 0.8) return d.pick([`+336${d.digits(8)}`, `+49151${d.digits(8)}`, `+1202555${d.digits(4)}`]);
  if (roll < 0.87) return d.pick(['+31201234567', '+31900123456', '+18005551234', '+449012345678']);
  return junkValue(d);
}

function junkValue(d: Dice): unknown {
  return d.pick<() => unknown>([
    () => null,
    () => true,
    () => 0,
    () => -1.5,
    () => 31612345678,
    () => '',
    () => ' ',
    () => '+',
    () => '0612345678',
    () => '+31 6 1234 5678',
    () => '\u0000\ud800',
    () => 'x'.repeat(d.int(600)),
    () => [],
    () => ['+31612345678'],
    () => ({ number: '+31612345678' }),
    () => '١٢٣٤٥٦',
  ])();
}

function maybeJunk<T>(d: Dice, value: T, p = 0.1): unknown {
  return d.chance(p) ? junkValue(d) : value;
}

function code(d: Dice, known: string | undefined): unknown {
  const roll = d.next();
  if (known && roll < 0.55)
    return d.pick([known, known, `${known.slice(0, 3)} ${known.slice(3)}`, `${known.slice(0, 3)}-${known.slice(3)}`]);
  if (roll < 0.85) return d.digits(6);
  return d.pick([d.digits(33), '12345a', '', 123456, null, '0'.repeat(32)]);
}

/** A request a portal could send: one of the routes, a user, and a JSON body with random field values. */
function plausible(d: Dice, world: World): Probe {
  let user = d.pick(USERS);
  let phone: string | undefined;
  let method = 'POST';
  let path: string;
  let json: unknown;
  const roll = d.next();
  const challenge = world.challenges.length > 0 && d.chance(0.9) ? d.pick(world.challenges) : undefined;
  const id = challenge?.id ?? d.pick(['nope', 'a'.repeat(64), '_-_', d.digits(22)]);
  if (challenge && d.chance(0.8)) user = challenge.user;
  if (roll < 0.2) {
    method = d.chance(0.85) ? 'GET' : 'HEAD';
    path = `${BASE}/policy`;
  } else if (roll < 0.55) {
    const number = phoneNumber(d);
    phone = typeof number === 'string' ? number : undefined;
    path = `${BASE}/phone/challenges`;
    json = {
      phoneNumber: number,
      channel: maybeJunk(d, d.pick(['sms', 'voice'])),
      ...(d.chance(0.3) ? { locale: maybeJunk(d, d.pick(['nl', 'en-GB', 'zh-Hant-TW'])) } : {}),
    };
  } else if (roll < 0.7) {
    path = `${BASE}/phone/challenges/${id}/resend`;
    json = { channel: maybeJunk(d, d.pick(['sms', 'voice'])), ...(d.chance(0.2) ? { locale: 'de' } : {}) };
  } else {
    path = `${BASE}/phone/challenges/${id}/verify`;
    json = { code: code(d, challenge && world.codes.get(challenge.phone)) };
  }
  const body = json === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(json));
  return {
    method,
    target: path,
    version: '1.1',
    headers: [
      ['host', world.host],
      ['authorization', `Bearer ${user}`],
      ...(method === 'POST' ? [['content-type', 'application/json'] as [string, string]] : []),
    ],
    body,
    delivery: 'whole',
    clean: true,
    crossSite: false,
    user,
    phone,
  };
}

const TARGETS: ((path: string, d: Dice, host: string) => string)[] = [
  (path) => `${path}/`,
  (path) => path.toUpperCase(),
  (path) => `${path}%00`,
  (path) => `${path};x=1`,
  (path) => `${path}#frag`,
  (path) => `/${path}`,
  (path) => path.replace(/\//g, '//'),
  (path) => path.replace(/\//g, '\\'),
  (path) => `//evil.example${path}`,
  (path) => `${BASE}/..${path.slice(BASE.length)}`,
  (path) => `${BASE}/%2e%2e/security-info${path.slice(BASE.length)}`,
  (path) => `${BASE}/.${path.slice(BASE.length)}`,
  (path) => path.replace('policy', '%70olicy').replace('challenges', 'challenge%73'),
  (path) => path.replace('security-info', 'security-infö'),
  (path) => path.replace('security-info', 'security-info%F0%9F%92%A5'),
  (path, d) => `${path}/${'a'.repeat(d.int(20_000))}`,
  () => `${BASE}/phone/challenges/${'x'.repeat(65)}/verify`,
  () => `${BASE}/phone/challenges/${encodeURIComponent('💥')}/verify`,
  () => `${BASE}/../../../../etc/passwd`,
  (path, _d, host) => `http://${host}${path}`,
  (path) => `http://evil.example${path}`,
  (path) => `https://[::1]${path}`,
  () => '*',
  () => '',
  () => '/',
  () => BASE,
  () => `${BASE}/`,
  (path) => path.slice(1),
];

function query(d: Dice): string {
  return d.pick(['?', '?a=1&a=2', '?code=123456', `?${'q'.repeat(d.int(3000))}=%ff%00`, '?%%%', '?x=💥']);
}

/** Methods the handler serves, others Node passes on, and tokens Node refuses itself. */
const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'OPTIONS',
  'PUT',
  'DELETE',
  'PATCH',
  'TRACE',
  'PROPFIND',
  'M-SEARCH',
  'get',
  'Post',
  'FOO',
  'G ET',
];

const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json;charset=UTF-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonp',
  'application/json-patch+json',
  'application/ json',
  '',
  'application/json, text/plain',
];

const AUTHORIZATIONS = [
  '',
  'Bearer',
  'Bearer ',
  'Bearer user-9',
  'bearer user-1',
  'Basic dXNlcjpwYXNz',
  'Bearer long',
  'Bearer empty',
  'Bearer user-1, Bearer user-2',
  'Bearer user-1\u00ff',
];

/** Bodies no portal sends. */
function strangeBody(d: Dice, json: Buffer): Buffer {
  const text = json.toString();
  return d.pick<() => Buffer>([
    () => Buffer.from(text.slice(0, d.int(text.length))),
    () => Buffer.from(`${'['.repeat(1000)}${']'.repeat(1000)}`),
    () => Buffer.from(`${'{"a":'.repeat(300)}1${'}'.repeat(300)}`),
    () => Buffer.from(`{"pad":"${'x'.repeat(2040 + d.int(3000))}"}`),
    () => Buffer.from(`{"pad":"${'x'.repeat(d.int(200_000))}"}`),
    () =>
      Buffer.concat([
        Buffer.from('{"phoneNumber":"'),
        Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]),
    () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json]),
    () => Buffer.from(d.pick(['null', '[]', '"text"', '123', 'true', '', ' ', `[${text}]`, '{}'])),
    () => Buffer.from('{"code":"1","code":"2","channel":"sms","channel":"voice"}'),
    () => Buffer.from('{"__proto__":{"channel":"sms"},"constructor":{"prototype":{"x":1}}}'),
    () => Buffer.from(text.replace(/"(\+?\d+)"/g, '$1')),
    () => Buffer.from(d.digits(d.int(3000))),
  ])();
}

/** How the body is framed: honestly, chunked (well or badly), or with a length that lies. */
function frame(d: Dice, probe: Probe): void {
  const { body } = probe;
  const add = (name: string, value: string) => probe.headers.push([name, value]);
  const roll = d.next();
  if (roll < 0.8) {
    if (body.length > 0 || probe.method === 'POST') add('content-length', String(body.length));
    return;
  }
  probe.clean = false;
  if (roll < 0.88) {
    add('transfer-encoding', 'chunked');
    const chunks: Buffer[] = [];
    for (let at = 0; at < body.length;) {
      const size = 1 + d.int(Math.max(1, body.length - at));
      chunks.push(Buffer.from(`${size.toString(16)}\r\n`), body.subarray(at, at + size), Buffer.from('\r\n'));
      at += size;
    }
    const ending = d.pick(['0\r\n\r\n', '0\r\n\r\n', '0\r\nx-trailer: 1\r\n\r\n', 'zz\r\nabc\r\n0\r\n\r\n', '']);
    probe.body = Buffer.concat([...chunks, Buffer.from(ending)]);
    return;
  }
  const length = d.pick([
    String(Math.max(0, body.length - 1 - d.int(10))),
    String(body.length + 1 + d.int(100)),
    'abc',
    '-1',
    '1e3',
    '0x10',
    ` ${body.length}`,
    `${body.length}, ${body.length + 1}`,
  ]);
  if (d.chance(0.8)) add('content-length', length);
  if (d.chance(0.1)) add('content-length', String(body.length));
  if (d.chance(0.1)) add('transfer-encoding', d.pick(['chunked', 'gzip', 'identity', 'chunked, chunked']));
}

function probe(d: Dice, world: World): Probe {
  const p = plausible(d, world);
  const roll = d.next();
  // A slow or cut-off upload is of a request that would otherwise be read: a send with a valid body.
  if (roll < 0.03 || roll > 0.97) {
    const body = Buffer.from(JSON.stringify({ phoneNumber: `+3161${d.digits(7)}`, channel: 'sms' }));
    return {
      ...p,
      method: 'POST',
      target: `${BASE}/phone/challenges`,
      headers: [
        ['host', world.host],
        ['authorization', `Bearer ${d.pick(USERS)}`],
        ['content-type', 'application/json'],
        ['content-length', String(body.length + (roll < 0.03 ? 0 : d.int(50)))],
      ],
      body,
      delivery: roll < 0.03 ? 'trickle' : 'cut',
      clean: false,
      user: undefined,
    };
  }
  if (d.chance(0.25)) {
    frame(d, p);
    return p;
  }
  p.clean = false;
  if (d.chance(0.15)) p.method = d.pick(METHODS);
  if (d.chance(0.15)) p.target = d.pick(TARGETS)(p.target, d, world.host);
  if (d.chance(0.08)) p.target += query(d);
  if (d.chance(0.05)) p.version = '1.0';
  const origin = d.chance(0.25)
    ? d.pick([`http://${world.host}`, ALLOWED_ORIGIN, 'HTTPS://PORTAL.EXAMPLE:443', ...FOREIGN_ORIGINS])
    : undefined;
  // A page can make a browser send this path to the service; it names the page's host, not the service's.
  if (origin === 'http://evil.example' && d.chance(0.3)) p.target = `//evil.example${p.target}`;
  const site = d.chance(0.1) ? d.pick(['same-origin', 'same-site', 'cross-site', 'none', 'junk']) : undefined;
  const headers: [string, string][] = [];
  const hostRoll = d.next();
  const host =
    hostRoll < 0.9
      ? world.host
      : d.pick([
          undefined,
          '',
          'a b',
          '[::1',
          'evil.example',
          'localhost:99999',
          '1.2.3.4.5',
          'h'.repeat(300),
          'h'.repeat(20_000),
        ]);
  if (host !== undefined) headers.push(['host', host]);
  if (d.chance(0.02)) headers.push(['host', 'evil.example']);
  for (const [name, value] of p.headers) {
    if (name === 'host') continue;
    if (name === 'authorization' && d.chance(0.15)) {
      if (d.chance(0.3)) headers.push(['cookie', `theme=dark; sid=${p.user}`]);
      else {
        headers.push(['authorization', d.pick(AUTHORIZATIONS)]);
        p.user = undefined;
      }
    } else if (name === 'content-type' && d.chance(0.1)) {
      headers.push([name, d.pick(CONTENT_TYPES)]);
    } else if (!(name === 'content-type' && d.chance(0.02))) headers.push([name, value]);
    if (d.chance(0.03)) headers.push([name, name === 'authorization' ? 'Bearer user-5' : 'text/plain']);
  }
  if (p.method === 'GET' && d.chance(0.05)) headers.push(['content-type', d.pick(CONTENT_TYPES)]);
  if (origin !== undefined) headers.push(['origin', origin]);
  if (d.chance(0.02)) headers.push(['origin', d.pick(FOREIGN_ORIGINS)]);
  if (site !== undefined) headers.push(['sec-fetch-site', site]);
  if (d.chance(0.1))
    headers.push(['x-security-info-client', d.pick(['203.0.113.7', '::1', 'junk', '10.0.0.1, 10.0.0.2'])]);
  if (d.chance(0.05))
    headers.push(
      ['x-forwarded-for', '198.51.100.7'],
      ['x-forwarded-host', 'evil.example'],
      ['x-forwarded-proto', 'https'],
    );
  if (p.method === 'OPTIONS' || d.chance(0.03)) {
    headers.push(['access-control-request-method', d.pick(['POST', 'GET', 'PUT', 'junk', ''])]);
    if (d.chance(0.5))
      headers.push([
        'access-control-request-headers',
        d.pick(['content-type, authorization', 'x-💥', Array.from({ length: 30 }, (_, i) => `h${i}`).join(',')]),
      ]);
  }
  if (d.chance(0.03)) headers.push(['expect', '100-continue']);
  if (d.chance(0.03)) for (let i = d.int(60); i > 0; i--) headers.push([`x-junk-${i}`, d.digits(d.int(40))]);
  if (d.chance(0.01)) headers.push(['x-huge', 'v'.repeat(20_000)]);
  if (d.chance(0.02)) headers.push(['x-bytes', '\u0080\u00ff\u00fe']);
  p.headers = headers;
  if (d.chance(0.2)) p.body = strangeBody(d, p.body.length > 0 ? p.body : Buffer.from('{"code":"123456"}'));
  frame(d, p);
  if (d.chance(0.05)) p.delivery = 'shut';
  const foreign =
    origin !== undefined
      ? FOREIGN_ORIGINS.includes(origin)
      : site === 'same-site' || site === 'cross-site' || site === 'junk';
  // Browsers send a path, never an absolute URL or `*`, and the Host of the URL they were given.
  p.crossSite =
    foreign &&
    p.target.startsWith('/') &&
    host === world.host &&
    !headers.some(([name, value]) => name === 'host' && value !== world.host);
  return p;
}

// ---- Sending them, and what came back. ----

interface Outcome {
  /** Final status codes of every answer on the connection (informational ones left out). */
  statuses: number[];
  /** Whether the last answer was the handler's JSON, rather than Node's own bare refusal. */
  json: boolean;
  text: string;
  error?: string;
}

function read(text: string): Pick<Outcome, 'statuses' | 'json'> {
  const answers = [...text.matchAll(/(?:^|\r\n)HTTP\/1\.[01] (\d{3})[ \r]/g)];
  const last = answers.at(-1);
  const head = last ? text.slice(last.index).split('\r\n\r\n')[0]! : '';
  return {
    statuses: answers.map((answer) => Number(answer[1])).filter((status) => status >= 200),
    json: /\r\ncontent-type: application\/json/i.test(head),
  };
}

/** The request line in UTF-8, as a client that does not escape would send it; header values byte for byte. */
function head(p: Probe): Buffer {
  const lines = p.headers.map(([name, value]) => `${name}: ${value}\r\n`);
  if (p.version === '1.1') lines.push('connection: close\r\n');
  return Buffer.concat([
    Buffer.from(`${p.method} ${p.target} HTTP/${p.version}\r\n`),
    Buffer.from(`${lines.join('')}\r\n`, 'latin1'),
  ]);
}

/** Bytes as they are, over a socket of our own: for everything `fetch` would refuse or repair. */
function viaSocket(port: number, p: Probe, d: Dice): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let error: string | undefined;
    let trickle: ReturnType<typeof setInterval> | undefined;
    const finish = () => {
      clearInterval(trickle);
      resolve({ ...read(text), text, ...(error === undefined ? {} : { error }) });
    };
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      clearInterval(trickle);
    });
    socket.on('error', (e) => (error = e.message));
    socket.on('close', finish);
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
    const start = head(p);
    socket.on('connect', () => {
      if (p.delivery === 'whole') socket.write(Buffer.concat([start, p.body]));
      else if (p.delivery === 'shut') socket.end(Buffer.concat([start, p.body]));
      else if (p.delivery === 'cut') {
        socket.write(Buffer.concat([start, p.body.subarray(0, d.int(p.body.length))]));
        setTimeout(() => socket.destroy(), d.int(60));
      } else {
        socket.write(start);
        let at = 0;
        trickle = setInterval(() => {
          if (at < p.body.length) socket.write(p.body.subarray(at, ++at));
          else clearInterval(trickle);
        }, BODY_TIMEOUT_MS / 4);
      }
    });
  });
}

async function viaFetch(port: number, p: Probe): Promise<Outcome> {
  const response = await fetch(`http://127.0.0.1:${port}${p.target}`, {
    method: p.method,
    headers: p.headers.filter(([name]) => name !== 'content-length' && name !== 'host'),
    ...(p.method === 'POST' ? { body: new Uint8Array(p.body) } : {}),
  });
  const text = await response.text();
  return { statuses: [response.status], json: /json/.test(response.headers.get('content-type') ?? ''), text };
}

function viaHttpRequest(port: number, p: Probe): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: p.method,
        path: p.target,
        headers: Object.fromEntries(p.headers),
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('latin1');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ statuses: [res.statusCode!], json: /json/.test(res.headers['content-type'] ?? ''), text }),
        );
      },
    );
    req.on('error', (error) => resolve({ statuses: [], json: false, text: '', error: error.message }));
    req.end(p.body);
  });
}

function send(port: number, p: Probe, d: Dice): Promise<Outcome> {
  if (!p.clean) return viaSocket(port, p, d);
  const roll = d.next();
  if (roll < 0.4)
    return viaFetch(port, p).catch((error: Error) => ({ statuses: [], json: false, text: '', error: error.message }));
  if (roll < 0.7) return viaHttpRequest(port, p);
  return viaSocket(port, p, d);
}

// ---- A run and its verdicts. ----

interface Tally {
  requests: number;
  statuses: Map<number, number>;
  /** Requests that completed without an HTTP answer. */
  unanswered: string[];
  /** Answers with a status the phase does not allow. */
  refused: string[];
  /** POSTs of a foreign page answered as if they had passed the origin check. */
  crossed: string[];
}

const describeProbe = (index: number, p: Probe) =>
  `#${index} ${JSON.stringify(head(p).toString('latin1').slice(0, 300))} + ${p.body.length} bytes ${p.delivery}`;

/** Past the origin check: anything but the answers that come before it, or Node's own bare 400. */
const pastOriginCheck = (status: number, json: boolean) =>
  ![401, 403, 404, 405, 431, 503].includes(status) && (status !== 400 || json);

async function barrage(phase: number, count: number, port: number, world: World, allowed: (status: number) => boolean) {
  const tally: Tally = { requests: count, statuses: new Map(), unanswered: [], refused: [], crossed: [] };
  world.host = `127.0.0.1:${port}`;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < count) {
      const index = next++;
      const d = dice(seedOf(phase, index));
      const p = probe(d, world);
      const outcome = await send(port, p, d);
      const last = outcome.statuses.at(-1);
      for (const status of outcome.statuses) {
        tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
        if (!allowed(status)) tally.refused.push(`${status} for ${describeProbe(index, p)}`);
      }
      if (last === undefined && (p.delivery === 'whole' || p.delivery === 'trickle'))
        tally.unanswered.push(`${outcome.error ?? 'closed'} for ${describeProbe(index, p)}`);
      if (last !== undefined && p.crossSite && p.method === 'POST' && pastOriginCheck(last, outcome.json))
        tally.crossed.push(`${last} for ${describeProbe(index, p)}`);
      const id = last === 201 ? /"challengeId":"([\w-]+)"/.exec(outcome.text)?.[1] : undefined;
      if (id && p.user && p.phone) world.challenges.push({ id, user: p.user, phone: p.phone });
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return tally;
}

const few = (lines: string[]) => `${lines.length}: ${lines.slice(0, 5).join('\n')} (${AGAIN})`;
const fiveHundreds = (tally: Tally) =>
  [...tally.statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);

async function policyStatus(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}${BASE}/policy`, {
    headers: { authorization: 'Bearer user-0' },
  });
  await response.arrayBuffer();
  return response.status;
}

const crashes: unknown[] = [];
const onCrash = (error: unknown) => void crashes.push(error);
const sound: { label: string; tally: Tally }[] = [];
const faulty: Tally[] = [];
let started = 0;

function summary(): string {
  const total = (tallies: Tally[]) => tallies.reduce((sum, tally) => sum + tally.requests, 0);
  const errors = (tallies: Tally[]) => tallies.reduce((sum, tally) => sum + fiveHundreds(tally), 0);
  const tallies = sound.map(({ tally }) => tally);
  const parts = sound.map(({ label, tally }) => `${label} ${tally.requests}`).join(', ');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return (
    `fuzz (seed ${SEED}): ${total(tallies)} requests (${parts}), ${errors(tallies)} 5xx without faults; ` +
    `${total(faulty)} requests, ${errors(faulty)} 503 with faults; ${seconds} s`
  );
}

before(() => {
  started = performance.now();
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
});

after(() => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  // eslint-disable-next-line no-console -- the counts of a run belong in the test output
  console.log(summary());
});

for (const { phase, label, name, count, listen } of [
  {
    phase: 1,
    label: 'listener',
    name: 'createSecurityInfoListener in node:http',
    count: 2600,
    listen: (options: NodeHandlerOptions) => createSecurityInfoListener(options),
  },
  {
    phase: 2,
    label: 'middleware',
    name: 'createSecurityInfoMiddleware mounted as Express mounts it',
    count: 1600,
    listen: (options: NodeHandlerOptions) => expressLike(createSecurityInfoMiddleware(options)),
  },
]) {
  describe(`fuzz: ${name}, dependencies sound`, () => {
    const h = harness();
    let server: Awaited<ReturnType<typeof serve>>;
    let tally: Tally;

    before(async () => {
      server = await serve(listen(h.options));
      tally = await barrage(phase, count, server.port, h.world, (status) => status < 500);
      sound.push({ label, tally });
    });
    after(() => server.close());

    it('answers every request whose client waits, with an HTTP status line', () => {
      assert.equal(tally.unanswered.length, 0, few(tally.unanswered));
    });

    it('answers none with a 5xx', () => {
      assert.equal(tally.refused.length, 0, few(tally.refused));
    });

    it('reads no POST of a foreign page past the origin check', () => {
      assert.equal(tally.crossed.length, 0, few(tally.crossed));
    });

    it('reaches the deep answers: sent, verified, refused, rate-limited, too slow, too large', () => {
      const seen = [...tally.statuses.keys()];
      for (const status of [200, 201, 204, 400, 401, 403, 404, 405, 408, 413, 415, 422, 429])
        assert.ok(seen.includes(status), `no ${status} among ${seen.sort().join(', ')} (${AGAIN})`);
    });

    it('logs no error, and no code or phone number', () => {
      assert.equal(h.errors.length, 0, few(h.errors));
      const leaks = h.logged.filter((line) => DIGIT_RUN.test(line));
      assert.equal(leaks.length, 0, few(leaks));
    });

    it('still serves the policy afterwards', async () => {
      assert.equal(await policyStatus(server.port), 200);
    });
  });
}

describe('fuzz: a store, sender, authenticate, riskCheck and onVerified that throw or hang', () => {
  const trouble: Trouble = { on: true, dice: dice(SEED ^ 0xfa17) };
  const listener = harness(trouble);
  const middleware = harness(trouble);
  const servers: Awaited<ReturnType<typeof serve>>[] = [];
  const tallies = faulty;

  before(async () => {
    servers.push(await serve(createSecurityInfoListener(listener.options)));
    servers.push(await serve(expressLike(createSecurityInfoMiddleware(middleware.options))));
    const onlyA503 = (status: number) => status < 500 || status === 503;
    tallies.push(await barrage(3, 400, servers[0]!.port, listener.world, onlyA503));
    tallies.push(await barrage(4, 400, servers[1]!.port, middleware.world, onlyA503));
    trouble.on = false;
  });
  after(() => servers.forEach((server) => server.close()));

  it('answers every request whose client waits, with an HTTP status line', () => {
    for (const tally of tallies) assert.equal(tally.unanswered.length, 0, few(tally.unanswered));
  });

  it('answers a broken dependency with 503, and with no other 5xx', () => {
    for (const tally of tallies) assert.equal(tally.refused.length, 0, few(tally.refused));
    assert.ok(
      tallies.every((tally) => fiveHundreds(tally) > 0),
      `the faults caused no 503 (${AGAIN})`,
    );
  });

  it('logs the failures without the codes and numbers their errors carry', () => {
    for (const { logged } of [listener, middleware]) {
      assert.ok(
        logged.some((line) => line.includes('request failed')),
        AGAIN,
      );
      const leaks = logged.filter((line) => DIGIT_RUN.test(line));
      assert.equal(leaks.length, 0, few(leaks));
    }
  });

  it('serves again, a code sent and verified, once its dependencies recover', async () => {
    for (const [index, { world }] of [listener, middleware].entries()) {
      const port = servers[index]!.port;
      assert.equal(await policyStatus(port), 200);
      const phone = `+3162${String(index).padStart(7, '0')}`;
      const post = (path: string, body: unknown) =>
        fetch(`http://127.0.0.1:${port}${BASE}${path}`, {
          method: 'POST',
          headers: { authorization: 'Bearer user-0', 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const sent = await post('/phone/challenges', { phoneNumber: phone, channel: 'sms' });
      assert.equal(sent.status, 201);
      const { challengeId } = (await sent.json()) as { challengeId: string };
      const verified = await post(`/phone/challenges/${challengeId}/verify`, { code: world.codes.get(phone) });
      assert.equal(verified.status, 204);
    }
  });
});

describe('fuzz: the process', () => {
  it('raised no uncaughtException and no unhandledRejection', () => {
    assert.deepEqual(crashes.map(String), [], AGAIN);
  });
});
