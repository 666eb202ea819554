// The command's configuration: every variable read into the handler's options, every malformed value named, and
// production refusing what is for development only.
import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv, helpText, VARIABLES, type ConfigError, type ServiceConfig } from './config.js';
import { smtpSink } from '../test-smtp-sink.js';

const SECRET = 'a secret of more than thirty-two bytes for tests';
const WEBHOOK_SECRET = `whsec_${Buffer.from('twenty-four random bytes!!').toString('base64')}`;
const POLICY = JSON.stringify({ methods: [{ id: 'phone', purposes: ['mfa'] }], phone: { allowedCountries: ['NL'] } });

/** A production configuration that starts: JWT auth and the webhook sender. */
const PRODUCTION = {
  SECURITY_INFO_SECRET: SECRET,
  SECURITY_INFO_AUTH: 'jwt',
  SECURITY_INFO_JWKS_URL: 'https://login.example.com/.well-known/jwks.json',
  SECURITY_INFO_ISSUER: 'https://login.example.com',
  SECURITY_INFO_AUDIENCE: 'security-info',
  SECURITY_INFO_SENDER: 'webhook',
  SECURITY_INFO_WEBHOOK_URL: 'https://hooks.example.com/codes',
  SECURITY_INFO_WEBHOOK_SECRET: WEBHOOK_SECRET,
};
const DEVELOPMENT = { NODE_ENV: 'development' };
/** Production with the Twilio sender, its account but not yet where messages come from. */
const TWILIO = {
  ...PRODUCTION,
  SECURITY_INFO_SENDER: 'twilio',
  SECURITY_INFO_WEBHOOK_URL: '',
  SECURITY_INFO_WEBHOOK_SECRET: '',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'token',
};

/**
 * Every fetch of the test `t` waits until it is aborted, as a provider that never answers; what the code under test
 * logs of it is kept quiet.
 */
function nothingAnswers(t: TestContext): void {
  const silent = (_url: unknown, init?: RequestInit) =>
    new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
  t.mock.method(globalThis, 'fetch', silent);
  t.mock.method(console, 'warn', () => undefined);
  t.mock.method(console, 'error', () => undefined);
  // The fetches' time-outs do not hold the process open; a server's sockets would.
  const open = setInterval(() => undefined, 1000);
  t.after(() => clearInterval(open));
}

const files: Record<string, string> = {
  '/etc/security-info/policy.json': POLICY,
  '/etc/texts-only.json': JSON.stringify({
    methods: [{ id: 'phone', purposes: ['mfa'] }],
    phone: { channels: ['sms'] },
  }),
  '/etc/bad.json': '{ nope',
  '/etc/email.json': JSON.stringify({
    methods: [
      { id: 'phone', purposes: ['mfa'] },
      { id: 'email', purposes: ['password-reset'] },
    ],
  }),
  '/etc/apps.json': JSON.stringify({ methods: [{ id: 'authenticator-app', purposes: ['mfa'] }] }),
  '/etc/passkeys.json': JSON.stringify({ methods: [{ id: 'passkey', purposes: ['mfa'] }] }),
};
const sources = {
  cwd: '/srv',
  readText: (file: string) => {
    if (file in files) return files[file]!;
    throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
  },
};

function started(env: Record<string, string>): ServiceConfig {
  const config = configFromEnv(env, sources);
  if ('errors' in config) assert.fail(JSON.stringify(config.errors));
  return config;
}

function refused(env: Record<string, string>): ConfigError[] {
  const config = configFromEnv(env, sources);
  assert.ok('errors' in config, 'expected the configuration to be refused');
  return config.errors;
}

/** Asserts that the configuration is refused with an error naming `variable`. */
function refusesNaming(env: Record<string, string>, variable: string, pattern?: RegExp) {
  const errors = refused(env);
  const error = errors.find((each) => each.variable === variable);
  assert.ok(error, `no error names ${variable}: ${JSON.stringify(errors)}`);
  if (pattern) assert.match(error.message, pattern);
}

describe('configFromEnv: development defaults', () => {
  const config = started(DEVELOPMENT);

  it('listens on 127.0.0.1:8787 and serves the contract under /api/security-info', () => {
    assert.deepEqual(config.listen, { port: 8787, host: '127.0.0.1' });
    assert.equal(config.options.basePath, '/api/security-info');
  });

  it('keeps the data in ./security-info-data, resolved against the working folder', () => {
    assert.deepEqual(config.database, { kind: 'pglite', dataDir: '/srv/security-info-data' });
  });

  it('signs everyone in as demo-user and prints codes', async () => {
    assert.equal(await config.options.authenticate(new Request('http://x/')), 'demo-user');
    assert.equal(config.options.sender, (await import('../senders.js')).consoleSender);
    assert.equal(config.options.development, true);
  });

  it('serves metrics', () => assert.equal(config.metrics, true));

  it('stops accepting connections as soon as it stops: no load balancer to wait for', () =>
    assert.equal(config.stopDelayMs, 0));
});

describe('configFromEnv: every variable', () => {
  it('reads a full production configuration into the handler options', async () => {
    const config = started({
      ...PRODUCTION,
      NODE_ENV: 'production',
      PORT: '9000',
      HOST: '0.0.0.0',
      SECURITY_INFO_BASE_PATH: '/security/',
      SECURITY_INFO_PREVIOUS_SECRETS: `${SECRET} one, ${SECRET} two`,
      SECURITY_INFO_POLICY: '/etc/security-info/policy.json',
      SECURITY_INFO_ALLOWED_ORIGINS: 'https://portal.example.com, https://admin.example.com:8443',
      SECURITY_INFO_PUBLIC_ORIGIN: 'https://id.example.com',
      SECURITY_INFO_TRUST_PROXY: '2',
      SECURITY_INFO_SERVICE_CREDENTIALS: `sign-in=${'s'.repeat(32)},helpdesk=${'h'.repeat(40)}=`,
      SECURITY_INFO_OTP_HOST: 'portal.example.com',
      SECURITY_INFO_METRICS: 'off',
    });
    const { options } = config;
    assert.deepEqual(config.listen, { port: 9000, host: '0.0.0.0' });
    assert.equal(options.basePath, '/security');
    assert.equal(options.development, false);
    assert.equal(options.secret, SECRET);
    assert.deepEqual(options.previousSecrets, [`${SECRET} one`, `${SECRET} two`]);
    assert.deepEqual(options.policy, {
      methods: [{ id: 'phone', purposes: ['mfa'] }],
      phone: { allowedCountries: ['NL'] },
    });
    assert.deepEqual(options.allowedOrigins, ['https://portal.example.com', 'https://admin.example.com:8443']);
    assert.equal(options.publicOrigin, 'https://id.example.com');
    assert.equal(options.trustProxy, 2);
    assert.deepEqual(options.serviceCredentials, { 'sign-in': 's'.repeat(32), helpdesk: `${'h'.repeat(40)}=` });
    assert.equal(config.metrics, false);
    assert.equal(typeof options.sender?.send, 'function');
    // Without a bearer token the JWT authenticator answers no one, without asking the identity provider.
    assert.equal(await options.authenticate(new Request('http://x/')), null);
  });

  it('reads the client address from X-Forwarded-For behind the trusted hops', () => {
    const { options } = started({ ...DEVELOPMENT, SECURITY_INFO_TRUST_PROXY: '2' });
    const request = new Request('http://x/', { headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.7, 10.0.0.2' } });
    assert.equal(options.clientKey?.(request, { remoteAddress: '10.0.0.3' }), '198.51.100.7');
    assert.equal(started(DEVELOPMENT).options.clientKey, undefined, 'the socket address by default');
  });

  it('uses PostgreSQL with DATABASE_URL', () => {
    const config = started({ ...DEVELOPMENT, DATABASE_URL: 'postgres://app:pw@db:5432/security' });
    assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://app:pw@db:5432/security' });
  });

  it('warns of a PostgreSQL on another host reached without TLS, never showing the password', () => {
    const plain = started({ ...PRODUCTION, DATABASE_URL: 'postgres://app:s3cret@db.internal:5432/security' });
    assert.equal(plain.warnings.length, 1);
    assert.equal(plain.warnings[0]!.variable, 'DATABASE_URL');
    assert.match(plain.warnings[0]!.message, /db\.internal .*without TLS.*sslmode=verify-full/);
    assert.doesNotMatch(plain.warnings[0]!.message, /s3cret/);
    // TLS asked for, in the URL or as PostgreSQL's own variable; this machine; a socket; no database at all.
    const safe: Record<string, string>[] = [
      { DATABASE_URL: 'postgres://app:s3cret@db.internal/security?sslmode=verify-full' },
      { DATABASE_URL: 'postgres://app:s3cret@db.internal/security?sslmode=disable' },
      { DATABASE_URL: 'postgres://app:s3cret@db.internal/security?ssl=true' },
      { DATABASE_URL: 'postgres://app:s3cret@db.internal/security', PGSSLMODE: 'require' },
      { DATABASE_URL: 'postgres://app:s3cret@127.0.0.1:5432/security' },
      { DATABASE_URL: 'postgres://app:s3cret@localhost/security' },
      { DATABASE_URL: 'postgres://app:s3cret@[::1]/security' },
      { DATABASE_URL: 'postgres://app@/security?host=/var/run/postgresql' },
      {},
    ];
    for (const env of safe) assert.deepEqual(started({ ...PRODUCTION, ...env }).warnings, [], JSON.stringify(env));
  });

  it('keeps the embedded database in SECURITY_INFO_DATA_DIR', () => {
    const config = started({ ...DEVELOPMENT, SECURITY_INFO_DATA_DIR: 'data/si' });
    assert.deepEqual(config.database, { kind: 'pglite', dataDir: path.resolve('/srv', 'data/si') });
  });

  it('signs in as SECURITY_INFO_DEV_USER with dev auth', async () => {
    const { options } = started({ ...DEVELOPMENT, SECURITY_INFO_AUTH: 'dev', SECURITY_INFO_DEV_USER: 'erin' });
    assert.equal(await options.authenticate(new Request('http://x/')), 'erin');
  });

  it('accepts a JWT scope instead of the at+jwt type', () => {
    started({ ...PRODUCTION, SECURITY_INFO_JWT_SCOPE: 'security-info' });
  });

  it('sends through Twilio from a number or a messaging service', () => {
    assert.equal(typeof started({ ...TWILIO, TWILIO_FROM: '+31201234567' }).options.sender?.send, 'function');
    const service = { TWILIO_MESSAGING_SERVICE_SID: `MG${'a'.repeat(32)}`, SECURITY_INFO_OTP_HOST: 'x.example' };
    // A messaging service sends texts only: the policy (texts only here) must not offer calls.
    started({ ...TWILIO, ...service, SECURITY_INFO_POLICY: '/etc/texts-only.json' });
    refusesNaming(TWILIO, 'TWILIO_FROM', /TWILIO_MESSAGING_SERVICE_SID/);
    refusesNaming({ ...TWILIO, TWILIO_FROM: '+31201234567', TWILIO_AUTH_TOKEN: '' }, 'TWILIO_AUTH_TOKEN');
  });

  it('refuses Twilio without a number to call from when the policy offers codes by phone call', () => {
    // The default policy offers calls: a messaging service, or a sender name, cannot place them.
    refusesNaming({ ...TWILIO, TWILIO_MESSAGING_SERVICE_SID: `MG${'a'.repeat(32)}` }, 'TWILIO_FROM', /phone call/);
    refusesNaming({ ...TWILIO, TWILIO_FROM: 'Contoso' }, 'TWILIO_FROM', /not "Contoso"/);
  });

  it('sends email codes over SMTP, from the address given, beside Twilio for phones', async () => {
    const twilio = {
      ...TWILIO,
      TWILIO_FROM: '+31201234567',
      SECURITY_INFO_POLICY: '/etc/email.json',
    };
    const { options } = started({
      ...twilio,
      SECURITY_INFO_SMTP_URL: 'smtps://mailer:secret@smtp.example.com',
      SECURITY_INFO_MAIL_FROM: 'Example Security <security@example.com>',
    });
    assert.equal(typeof options.emailSender?.sendEmail, 'function');
    refusesNaming(twilio, 'SECURITY_INFO_SMTP_URL', /Twilio is not an email provider/);
    // The webhook sender carries email itself; the console sender prints it.
    assert.equal(started({ ...PRODUCTION, SECURITY_INFO_POLICY: '/etc/email.json' }).options.emailSender, undefined);
    started({ ...DEVELOPMENT, SECURITY_INFO_POLICY: '/etc/email.json' });
  });

  it('gives an email less time than the handler waits for it, when SECURITY_INFO_DEPENDENCY_TIMEOUT_MS is short', async (t) => {
    // A server slow at every step: the email must be given up before the handler stops waiting (2 s).
    const sink = await smtpSink(t, {}, { stepMs: 700 });
    const { options } = started({
      ...TWILIO,
      TWILIO_FROM: '+31201234567',
      SECURITY_INFO_POLICY: '/etc/email.json',
      SECURITY_INFO_SMTP_URL: sink.url,
      SECURITY_INFO_MAIL_FROM: 'security@example.com',
      SECURITY_INFO_DEPENDENCY_TIMEOUT_MS: '2000',
    });
    t.mock.method(console, 'warn', () => undefined);
    const begun = performance.now();
    await assert.rejects(options.emailSender!.sendEmail({ email: 'jan@example.com', code: '123456' }), /ETIMEDOUT/);
    const took = performance.now() - begun;
    assert.ok(took < 1950, `the email was given up after ${Math.round(took)} ms`);
  });

  it('gives a text message less time than the handler waits for it, through Twilio or the webhook', async (t) => {
    // A provider that never answers: the send must be given up before the handler stops waiting (2 s), or the
    // message could still go out with a code the handler withdrew.
    nothingAnswers(t);
    const short = { SECURITY_INFO_DEPENDENCY_TIMEOUT_MS: '2000' };
    for (const env of [
      { ...TWILIO, TWILIO_FROM: '+31201234567', ...short },
      { ...PRODUCTION, ...short },
    ]) {
      const { options } = started(env);
      const begun = performance.now();
      await assert.rejects(options.sender!.send({ phoneNumber: '+31612345678', channel: 'sms', code: '123456' }));
      const took = performance.now() - begun;
      assert.ok(took < 1950, `${env.SECURITY_INFO_SENDER}: the message was given up after ${Math.round(took)} ms`);
    }
  });

  it('refuses an issuer with white space around it, which no token’s iss would ever equal', () => {
    // A value read from a mounted file keeps its last line break: every token would be refused, at every request.
    refusesNaming(
      { ...PRODUCTION, SECURITY_INFO_ISSUER: 'https://login.example.com\n' },
      'SECURITY_INFO_ISSUER',
      /white space/,
    );
    refusesNaming({ ...PRODUCTION, SECURITY_INFO_ISSUER: ' https://login.example.com' }, 'SECURITY_INFO_ISSUER');
  });

  it('gives up a fetch of the identity provider’s keys before the handler stops waiting for it', async (t) => {
    // An issuer that never answers: past the handler's 2 s each request waiting for the keys would be logged as an
    // authenticator that did not answer; the fetch's own failure is logged once for all of them.
    nothingAnswers(t);
    const { options } = started({ ...PRODUCTION, SECURITY_INFO_DEPENDENCY_TIMEOUT_MS: '2000' });
    const token = ['{"alg":"RS256","kid":"k1","typ":"at+jwt"}', '{"sub":"a"}']
      .map((part) => Buffer.from(part).toString('base64url'))
      .join('.');
    const request = new Request('https://id.example.com/api/security-info/methods', {
      headers: { authorization: `Bearer ${token}.c2ln` },
    });
    const begun = performance.now();
    await assert.rejects(Promise.resolve(options.authenticate(request)));
    const took = performance.now() - begun;
    assert.ok(took < 1950, `the key set was given up after ${Math.round(took)} ms`);
  });

  it('names the authenticator apps’ issuer, and refuses one an app could not show on one line', () => {
    const apps = { ...DEVELOPMENT, SECURITY_INFO_POLICY: '/etc/apps.json' };
    assert.equal(started(apps).options.totpIssuer, undefined);
    assert.equal(started({ ...apps, SECURITY_INFO_TOTP_ISSUER: 'Contoso' }).options.totpIssuer, 'Contoso');
    refusesNaming({ ...apps, SECURITY_INFO_TOTP_ISSUER: 'x'.repeat(65) }, 'SECURITY_INFO_TOTP_ISSUER', /totpIssuer/);
  });

  it('sets up passkeys with the RP id, name and origins together, and says which one is missing', () => {
    const rp = {
      SECURITY_INFO_RP_ID: 'example.com',
      SECURITY_INFO_RP_NAME: 'Example Corp',
      SECURITY_INFO_RP_ORIGINS: 'https://id.example.com, https://login.example.com',
    };
    const offering = { ...DEVELOPMENT, SECURITY_INFO_POLICY: '/etc/passkeys.json' };
    const { options } = started({ ...offering, ...rp });
    assert.equal(options.rpId, 'example.com');
    assert.equal(options.rpName, 'Example Corp');
    assert.deepEqual(options.rpOrigins, ['https://id.example.com', 'https://login.example.com']);
    assert.equal(started(DEVELOPMENT).options.rpId, undefined);
    refusesNaming(
      { ...offering, SECURITY_INFO_RP_ID: 'example.com', SECURITY_INFO_RP_NAME: 'Example Corp' },
      'SECURITY_INFO_RP_ORIGINS',
      /together/,
    );
    refusesNaming({ ...offering, SECURITY_INFO_RP_ORIGINS: 'https://id.example.com' }, 'SECURITY_INFO_RP_ID');
    // A policy offering passkeys needs all three.
    for (const variable of Object.keys(rp)) refusesNaming(offering, variable, /policy offers passkeys/);
    assert.equal(started({ ...offering, ...rp }).options.policy?.methods[0]?.id, 'passkey');
    // The handler's own checks, named by their variable.
    refusesNaming({ ...offering, ...rp, SECURITY_INFO_RP_ORIGINS: 'https://evil.test' }, 'SECURITY_INFO_RP_ORIGINS');
    refusesNaming({ ...offering, ...rp, SECURITY_INFO_RP_ID: 'https://example.com' }, 'SECURITY_INFO_RP_ID');
    refusesNaming({ ...offering, ...rp, SECURITY_INFO_RP_NAME: 'x'.repeat(65) }, 'SECURITY_INFO_RP_NAME');
  });

  it('offers the security questions listed by id, or as JSON with questions of your own', () => {
    const offering = JSON.stringify({
      methods: [
        { id: 'phone', purposes: ['mfa'] },
        { id: 'security-questions', purposes: ['password-reset'] },
      ],
    });
    files['/etc/questions-policy.json'] = offering;
    const env = { ...DEVELOPMENT, SECURITY_INFO_POLICY: '/etc/questions-policy.json' };
    const byId = started({ ...env, SECURITY_INFO_SECURITY_QUESTIONS: 'first-pet, birth-city,first-car' });
    assert.deepEqual(byId.options.policy?.securityQuestions, {
      questions: [{ id: 'first-pet' }, { id: 'birth-city' }, { id: 'first-car' }],
    });
    const json = JSON.stringify({
      questions: [{ id: 'first-pet' }, { id: 'motto', text: 'Wat is je motto?' }],
      required: 2,
    });
    assert.deepEqual(started({ ...env, SECURITY_INFO_SECURITY_QUESTIONS: json }).options.policy?.securityQuestions, {
      questions: [{ id: 'first-pet' }, { id: 'motto', text: 'Wat is je motto?' }],
      required: 2,
    });
    // The default policy (phones) does not offer them: they would have no effect.
    refusesNaming(
      { ...DEVELOPMENT, SECURITY_INFO_SECURITY_QUESTIONS: 'first-pet,first-car,dream-job' },
      'SECURITY_INFO_SECURITY_QUESTIONS',
      /no effect when the policy offers no security questions/,
    );
    refusesNaming(env, 'SECURITY_INFO_SECURITY_QUESTIONS', /offers security questions but lists none/);
    refusesNaming(
      { ...env, SECURITY_INFO_SECURITY_QUESTIONS: 'first-pet,pet2' },
      'SECURITY_INFO_SECURITY_QUESTIONS',
      /pet2/,
    );
    refusesNaming(
      { ...env, SECURITY_INFO_SECURITY_QUESTIONS: 'first-pet,first-car' },
      'SECURITY_INFO_SECURITY_QUESTIONS',
      /required/,
    );
    refusesNaming(
      { ...env, SECURITY_INFO_SECURITY_QUESTIONS: '{ nope' },
      'SECURITY_INFO_SECURITY_QUESTIONS',
      /not JSON/,
    );
    refusesNaming(
      { ...env, SECURITY_INFO_SECURITY_QUESTIONS: JSON.stringify({ questions: [{ id: 'own' }], required: 1 }) },
      'SECURITY_INFO_SECURITY_QUESTIONS',
      /"own" has no text/,
    );
    files['/etc/both.json'] = JSON.stringify({
      ...JSON.parse(offering),
      securityQuestions: { questions: [{ id: 'first-pet' }], required: 1 },
    });
    refusesNaming(
      {
        ...DEVELOPMENT,
        SECURITY_INFO_POLICY: '/etc/both.json',
        SECURITY_INFO_SECURITY_QUESTIONS: 'first-pet,first-car,dream-job',
      },
      'SECURITY_INFO_SECURITY_QUESTIONS',
      /keep one/,
    );
  });

  it('changes the limits named in SECURITY_INFO_LIMITS, the others keeping their defaults', () => {
    const limits = {
      maxConsecutiveFailures: 10,
      sendsByCountry: { NL: [{ max: 50, windowSeconds: 60 }] },
    };
    const config = started({ ...PRODUCTION, SECURITY_INFO_LIMITS: JSON.stringify(limits) });
    assert.deepEqual(config.options.limits, limits);
    assert.equal(started(PRODUCTION).options.limits, undefined);
  });

  it('asks for a recent sign-in with SECURITY_INFO_RECENT_SIGN_IN, none without', async () => {
    const config = started({ ...PRODUCTION, SECURITY_INFO_RECENT_SIGN_IN: '600' });
    // A request no token was accepted for did not sign in recently.
    assert.equal(await config.options.recentAuthentication?.(new Request('https://portal.example.com/')), false);
    assert.equal(started(PRODUCTION).options.recentAuthentication, undefined);
    const some = started({
      ...PRODUCTION,
      SECURITY_INFO_RECENT_SIGN_IN: '600',
      SECURITY_INFO_RECENT_SIGN_IN_FOR: 'remove, set-default',
    });
    assert.deepEqual(some.options.reauthenticate, ['remove', 'set-default']);
    assert.equal(config.options.reauthenticate, undefined, 'the handler’s default: all four');
  });

  it('caps the connections open at once at 1,000, or at SECURITY_INFO_MAX_CONNECTIONS', () => {
    assert.equal(started(PRODUCTION).maxConnections, 1000);
    assert.equal(started({ ...PRODUCTION, SECURITY_INFO_MAX_CONNECTIONS: '50000' }).maxConnections, 50_000);
  });

  it('serves health, readiness and metrics on SECURITY_INFO_MANAGEMENT_PORT when set, on HOST or its own host', () => {
    assert.equal(started(PRODUCTION).management, undefined, 'unset: beside the contract, as before');
    assert.deepEqual(started({ ...PRODUCTION, SECURITY_INFO_MANAGEMENT_PORT: '9090' }).management, {
      port: 9090,
      host: '127.0.0.1',
    });
    assert.deepEqual(started({ ...PRODUCTION, HOST: '0.0.0.0', SECURITY_INFO_MANAGEMENT_PORT: '9090' }).management, {
      port: 9090,
      host: '0.0.0.0',
    });
    const own = started({
      ...PRODUCTION,
      HOST: '0.0.0.0',
      SECURITY_INFO_MANAGEMENT_PORT: '9090',
      SECURITY_INFO_MANAGEMENT_HOST: '10.0.0.5',
    });
    assert.deepEqual(own.management, { port: 9090, host: '10.0.0.5' });
    // Two free ports, each the system's pick: not the same one.
    assert.deepEqual(started({ ...PRODUCTION, PORT: '0', SECURITY_INFO_MANAGEMENT_PORT: '0' }).management?.port, 0);
  });

  it('keeps the methods SECURITY_INFO_MINIMUM_MFA_METHODS asks for, 0 for none', () => {
    assert.equal(started({ ...PRODUCTION, SECURITY_INFO_MINIMUM_MFA_METHODS: '2' }).options.minimumMfaMethods, 2);
    assert.equal(started({ ...PRODUCTION, SECURITY_INFO_MINIMUM_MFA_METHODS: '0' }).options.minimumMfaMethods, 0);
    assert.equal(started(PRODUCTION).options.minimumMfaMethods, undefined);
  });

  it('waits for dependencies and request bodies as long as the time-outs say, in milliseconds', () => {
    const config = started({
      ...PRODUCTION,
      SECURITY_INFO_DEPENDENCY_TIMEOUT_MS: '2500',
      SECURITY_INFO_BODY_TIMEOUT_MS: '4000',
    });
    assert.equal(config.options.dependencyTimeoutMs, 2500);
    assert.equal(config.options.bodyTimeoutMs, 4000);
    assert.equal(started(PRODUCTION).options.bodyTimeoutMs, undefined, 'the handler’s default: 10 s');
  });

  it('goes on serving for SECURITY_INFO_STOP_DELAY_MS when it stops, 5 s in production by default', () => {
    assert.equal(started(PRODUCTION).stopDelayMs, 5000);
    assert.equal(started({ ...PRODUCTION, SECURITY_INFO_STOP_DELAY_MS: '15000' }).stopDelayMs, 15_000);
    assert.equal(started({ ...PRODUCTION, SECURITY_INFO_STOP_DELAY_MS: '0' }).stopDelayMs, 0);
    assert.equal(started({ ...DEVELOPMENT, SECURITY_INFO_STOP_DELAY_MS: '2000' }).stopDelayMs, 2000);
  });

  it('treats an empty variable as unset', () => {
    assert.deepEqual(started({ ...DEVELOPMENT, PORT: '', SECURITY_INFO_BASE_PATH: '' }).listen.port, 8787);
  });

  it('lists every variable in --help', () => {
    const help = helpText();
    for (const { name } of VARIABLES) assert.ok(help.includes(name), name);
  });

  it('documents every variable in docs/server.md', () => {
    const docs = readFileSync(fileURLToPath(new URL('../../../../docs/server.md', import.meta.url)), 'utf8');
    const section = docs.slice(docs.indexOf('## Running the service'));
    for (const { name } of VARIABLES) assert.ok(section.includes(`\`${name}\``), name);
  });
});

describe('configFromEnv: malformed values, each named', () => {
  const cases: [string, Record<string, string>, RegExp?][] = [
    ['PORT', { PORT: 'abc' }, /"abc"/],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '-1' }],
    ['HOST', { HOST: 'two words' }],
    ['SECURITY_INFO_BASE_PATH', { SECURITY_INFO_BASE_PATH: 'api' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/x' }],
    ['SECURITY_INFO_DATA_DIR', { DATABASE_URL: 'postgres://db/x', SECURITY_INFO_DATA_DIR: '/data' }, /no effect/],
    ['SECURITY_INFO_AUTH', { SECURITY_INFO_AUTH: 'magic' }, /"magic"/],
    ['SECURITY_INFO_SENDER', { SECURITY_INFO_SENDER: 'pigeon' }, /"pigeon"/],
    ['SECURITY_INFO_TRUST_PROXY', { SECURITY_INFO_TRUST_PROXY: 'yes' }],
    ['SECURITY_INFO_TRUST_PROXY', { SECURITY_INFO_TRUST_PROXY: '-1' }],
    ['SECURITY_INFO_SERVICE_CREDENTIALS', { SECURITY_INFO_SERVICE_CREDENTIALS: 'token-without-a-name' }],
    ['SECURITY_INFO_SERVICE_CREDENTIALS', { SECURITY_INFO_SERVICE_CREDENTIALS: 'sign-in=short' }, /32/],
    ['SECURITY_INFO_ALLOWED_ORIGINS', { SECURITY_INFO_ALLOWED_ORIGINS: 'portal.example.com' }],
    ['SECURITY_INFO_PUBLIC_ORIGIN', { SECURITY_INFO_PUBLIC_ORIGIN: 'ftp://files.example.com' }],
    ['SECURITY_INFO_POLICY', { SECURITY_INFO_POLICY: '/etc/bad.json' }, /not JSON/],
    ['SECURITY_INFO_POLICY', { SECURITY_INFO_POLICY: '/etc/missing.json' }, /ENOENT/],
    ['SECURITY_INFO_METRICS', { SECURITY_INFO_METRICS: 'maybe' }],
    [
      'SECURITY_INFO_MANAGEMENT_PORT',
      { SECURITY_INFO_MANAGEMENT_PORT: 'metrics' },
      /must be a port number from 0 to 65535, not "metrics"/,
    ],
    ['SECURITY_INFO_MANAGEMENT_PORT', { SECURITY_INFO_MANAGEMENT_PORT: '70000' }, /from 0 to 65535/],
    ['SECURITY_INFO_MANAGEMENT_PORT', { SECURITY_INFO_MANAGEMENT_PORT: '-1' }, /from 0 to 65535/],
    ['SECURITY_INFO_MANAGEMENT_PORT', { PORT: '9000', SECURITY_INFO_MANAGEMENT_PORT: '9000' }, /is PORT's, 9000/],
    ['SECURITY_INFO_MANAGEMENT_PORT', { SECURITY_INFO_MANAGEMENT_PORT: '8787' }, /is PORT's, 8787/],
    [
      'SECURITY_INFO_MANAGEMENT_HOST',
      { SECURITY_INFO_MANAGEMENT_HOST: '127.0.0.1' },
      /no effect without SECURITY_INFO_MANAGEMENT_PORT/,
    ],
    [
      'SECURITY_INFO_MANAGEMENT_HOST',
      { SECURITY_INFO_MANAGEMENT_PORT: '9090', SECURITY_INFO_MANAGEMENT_HOST: 'two words' },
      /must be a host name or an IP address, not "two words"/,
    ],
    ['SECURITY_INFO_DEV_USER', { SECURITY_INFO_DEV_USER: 'x'.repeat(513) }],
    ['SECURITY_INFO_OTP_HOST', { SECURITY_INFO_OTP_HOST: 'portal.example.com' }, /no effect/],
    [
      'SECURITY_INFO_MAIL_FROM',
      { SECURITY_INFO_POLICY: '/etc/email.json', SECURITY_INFO_MAIL_FROM: 'security@example.com' },
      /no effect without SECURITY_INFO_SMTP_URL/,
    ],
    [
      'SECURITY_INFO_MAIL_FROM',
      { SECURITY_INFO_POLICY: '/etc/email.json', SECURITY_INFO_SMTP_URL: 'smtps://smtp.example.com' },
      /required/,
    ],
    [
      'SECURITY_INFO_MAIL_FROM',
      {
        SECURITY_INFO_POLICY: '/etc/email.json',
        SECURITY_INFO_SMTP_URL: 'smtps://smtp.example.com',
        SECURITY_INFO_MAIL_FROM: 'me',
      },
    ],
    [
      'SECURITY_INFO_SMTP_URL',
      {
        SECURITY_INFO_POLICY: '/etc/email.json',
        SECURITY_INFO_SMTP_URL: 'https://smtp.example.com',
        SECURITY_INFO_MAIL_FROM: 'a@example.com',
      },
    ],
    ['SECURITY_INFO_RECENT_SIGN_IN', { SECURITY_INFO_RECENT_SIGN_IN: '10 minutes' }, /whole number of seconds/],
    ['SECURITY_INFO_RECENT_SIGN_IN', { SECURITY_INFO_RECENT_SIGN_IN: '0' }, /whole number of seconds/],
    ['SECURITY_INFO_RECENT_SIGN_IN', { SECURITY_INFO_AUTH: 'dev', SECURITY_INFO_RECENT_SIGN_IN: '600' }, /no effect/],
    ['SECURITY_INFO_RECENT_SIGN_IN_FOR', { SECURITY_INFO_RECENT_SIGN_IN_FOR: 'add' }, /without SECURITY_INFO_RECENT/],
    [
      'SECURITY_INFO_RECENT_SIGN_IN_FOR',
      {
        SECURITY_INFO_AUTH: 'jwt',
        SECURITY_INFO_RECENT_SIGN_IN: '600',
        SECURITY_INFO_RECENT_SIGN_IN_FOR: 'add,delete',
      },
      /not delete/,
    ],
    ['SECURITY_INFO_MINIMUM_MFA_METHODS', { SECURITY_INFO_MINIMUM_MFA_METHODS: 'one' }, /whole number/],
    ['SECURITY_INFO_MINIMUM_MFA_METHODS', { SECURITY_INFO_MINIMUM_MFA_METHODS: '-1' }, /whole number/],
    ['SECURITY_INFO_BODY_TIMEOUT_MS', { SECURITY_INFO_BODY_TIMEOUT_MS: '10s' }, /whole number of milliseconds/],
    ['SECURITY_INFO_BODY_TIMEOUT_MS', { SECURITY_INFO_BODY_TIMEOUT_MS: '0' }, /from 1 to 600000/],
    ['SECURITY_INFO_DEPENDENCY_TIMEOUT_MS', { SECURITY_INFO_DEPENDENCY_TIMEOUT_MS: '900000' }, /from 1 to 600000/],
    ['SECURITY_INFO_MAX_CONNECTIONS', { SECURITY_INFO_MAX_CONNECTIONS: 'lots' }, /whole number of connections/],
    ['SECURITY_INFO_MAX_CONNECTIONS', { SECURITY_INFO_MAX_CONNECTIONS: '0' }, /from 1 to 1000000/],
    ['SECURITY_INFO_MAX_CONNECTIONS', { SECURITY_INFO_MAX_CONNECTIONS: '1000001' }, /from 1 to 1000000/],
    ['SECURITY_INFO_STOP_DELAY_MS', { SECURITY_INFO_STOP_DELAY_MS: '5s' }, /whole number of milliseconds/],
    ['SECURITY_INFO_STOP_DELAY_MS', { SECURITY_INFO_STOP_DELAY_MS: '600001' }, /from 0 to 600000/],
    ['SECURITY_INFO_LIMITS', { SECURITY_INFO_LIMITS: 'maxAttempts=3' }, /not JSON/],
    ['SECURITY_INFO_LIMITS', { SECURITY_INFO_LIMITS: '[{"maxAttempts": 3}]' }, /JSON object/],
    ['SECURITY_INFO_LIMITS', { SECURITY_INFO_LIMITS: 'null' }, /JSON object/],
    ['SECURITY_INFO_LIMITS', { SECURITY_INFO_LIMITS: '{"maxConsecutiveFailure": 10}' }, /maxConsecutiveFailure,/],
    ['SECURITY_INFO_LIMITS', { SECURITY_INFO_LIMITS: '{"maxAttempts": "three"}' }, /maxAttempts must be/],
    ['SECURITY_INFO_LIMITS', { SECURITY_INFO_LIMITS: '{"maxAttempts": 0}' }, /maxAttempts must be/],
    ['SECURITY_INFO_LIMITS', { SECURITY_INFO_LIMITS: '{"codeLength": 3}' }, /codeLength/],
    ['SECURITY_INFO_LIMITS', { SECURITY_INFO_LIMITS: '{"sendsPerUser": [null]}' }, /sendsPerUser must be/],
    ['SECURITY_INFO_LIMITS', { SECURITY_INFO_LIMITS: '{"sendsPerUser": {"max": 5}}' }, /sendsPerUser must be/],
    ['SECURITY_INFO_LIMITS', { SECURITY_INFO_LIMITS: '{"sendsByCountry": null}' }, /sendsByCountry must be/],
    ['SECURITY_INFO_LIMITS', { SECURITY_INFO_LIMITS: '{"sendsByCountry": {"NL": 5}}' }, /sendsByCountry\.NL/],
    [
      'SECURITY_INFO_SERVICE_CREDENTIALS',
      { SECURITY_INFO_SERVICE_CREDENTIALS: `a=${'x'.repeat(32)},a=${'y'.repeat(32)}` },
      /names a twice/,
    ],
    // Settings that would switch a limit off without a word.
    [
      'SECURITY_INFO_LIMITS',
      { SECURITY_INFO_LIMITS: '{"sendsByCountry": {"nl": [{"max": 0, "windowSeconds": 60}]}}' },
      /"nl" is not a region code in capitals/,
    ],
    ['SECURITY_INFO_LIMITS', { SECURITY_INFO_LIMITS: '{"sendsPerUser": []}' }, /at least one window/],
    [
      'SECURITY_INFO_LIMITS',
      { SECURITY_INFO_LIMITS: '{"codeTtlSeconds": 0.5}' },
      /codeTtlSeconds must be a positive whole number/,
    ],
    [
      'SECURITY_INFO_LIMITS',
      { SECURITY_INFO_LIMITS: '{"sendsOverall": [{"max": 10, "windowSeconds": 0.5}]}' },
      /whole numbers/,
    ],
  ];
  for (const [variable, env, pattern] of cases) {
    it(`${variable}=${Object.values(env).at(-1)!.slice(0, 40)}`, () =>
      refusesNaming({ ...DEVELOPMENT, ...env }, variable, pattern));
  }

  it('names the policy file that is not a policy', () => {
    files['/etc/not-policy.json'] = '{"methods": "phone"}';
    refusesNaming({ ...DEVELOPMENT, SECURITY_INFO_POLICY: '/etc/not-policy.json' }, 'SECURITY_INFO_POLICY', /methods/);
  });

  it('names the sender and authentication variables their own checks refuse', () => {
    refusesNaming({ ...PRODUCTION, SECURITY_INFO_WEBHOOK_SECRET: 'plain' }, 'SECURITY_INFO_WEBHOOK_SECRET');
    refusesNaming(
      { ...PRODUCTION, SECURITY_INFO_WEBHOOK_URL: 'http://hooks.example.com/' },
      'SECURITY_INFO_WEBHOOK_URL',
    );
    refusesNaming({ ...PRODUCTION, SECURITY_INFO_OTP_HOST: 'https://portal.example.com' }, 'SECURITY_INFO_OTP_HOST');
    refusesNaming({ ...PRODUCTION, SECURITY_INFO_JWKS_URL: 'http://login.example.com/keys' }, 'SECURITY_INFO_JWKS_URL');
    refusesNaming({ ...PRODUCTION, SECURITY_INFO_ISSUER: 'https://a#b' }, 'SECURITY_INFO_ISSUER');
    refusesNaming({ ...PRODUCTION, SECURITY_INFO_JWT_SCOPE: 'two scopes' }, 'SECURITY_INFO_JWT_SCOPE');
    const twilio = { SECURITY_INFO_SENDER: 'twilio', SECURITY_INFO_WEBHOOK_URL: '', SECURITY_INFO_WEBHOOK_SECRET: '' };
    const account = { TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+31201234567' };
    refusesNaming({ ...PRODUCTION, ...twilio, ...account, TWILIO_ACCOUNT_SID: 'nope' }, 'TWILIO_ACCOUNT_SID');
    refusesNaming({ ...PRODUCTION, ...twilio, ...account, TWILIO_FROM: 'not a sender!' }, 'TWILIO_FROM');
  });

  it('never repeats a service token in its errors, even one given without its name or with another separator', () => {
    // What `openssl rand -base64 32` gives ends in "=": without "name=" before it, it reads as a name and no token.
    const token = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c2';
    for (const credentials of [`${token}=`, `sign-in:${token}=`, `sign-in:${token}+/=`, `sign in=${token}`]) {
      const errors = refused({ ...PRODUCTION, SECURITY_INFO_SERVICE_CREDENTIALS: credentials });
      assert.deepEqual(
        errors.map((error) => error.variable),
        ['SECURITY_INFO_SERVICE_CREDENTIALS'],
      );
      assert.doesNotMatch(errors[0]!.message, /q1w2e3r4/, credentials);
    }
  });

  it('refuses one token given to two callers, naming them and never the token', () => {
    const token = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c2';
    const errors = refused({
      ...PRODUCTION,
      SECURITY_INFO_SERVICE_CREDENTIALS: `sign-in=${token},audit=${'a'.repeat(32)},helpdesk=${token}`,
    });
    assert.deepEqual(
      errors.map((error) => error.variable),
      ['SECURITY_INFO_SERVICE_CREDENTIALS'],
    );
    assert.match(errors[0]!.message, /sign-in and helpdesk have the same token/);
    assert.doesNotMatch(errors[0]!.message, /q1w2e3r4/);
  });

  it('refuses a service token that is the secret or a previous one, naming both variables and never the token', () => {
    const token = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c2';
    const cases: [Record<string, string>, RegExp][] = [
      [{ SECURITY_INFO_SECRET: token }, /helpdesk .*SECURITY_INFO_SECRET/],
      [{ SECURITY_INFO_PREVIOUS_SECRETS: `${SECRET},${token}` }, /helpdesk .*SECURITY_INFO_PREVIOUS_SECRETS/],
    ];
    for (const [secrets, pattern] of cases) {
      const errors = refused({
        ...PRODUCTION,
        ...secrets,
        SECURITY_INFO_SERVICE_CREDENTIALS: `sign-in=${'s'.repeat(32)},helpdesk=${token}`,
      });
      assert.deepEqual(
        errors.map((error) => error.variable),
        ['SECURITY_INFO_SERVICE_CREDENTIALS'],
      );
      assert.match(errors[0]!.message, pattern);
      assert.doesNotMatch(errors[0]!.message, /q1w2e3r4/);
    }
  });

  it('names each variable jwt needs and does not have', () => {
    const errors = refused({ ...DEVELOPMENT, SECURITY_INFO_AUTH: 'jwt', SECURITY_INFO_ISSUER: 'https://x' });
    assert.deepEqual(
      errors.map((error) => error.variable),
      ['SECURITY_INFO_JWKS_URL', 'SECURITY_INFO_AUDIENCE'],
    );
  });

  it('refuses variables of another mode', () => {
    refusesNaming({ ...DEVELOPMENT, SECURITY_INFO_JWKS_URL: 'https://x/keys' }, 'SECURITY_INFO_JWKS_URL', /dev/);
    refusesNaming({ ...DEVELOPMENT, SECURITY_INFO_WEBHOOK_URL: 'https://x/' }, 'SECURITY_INFO_WEBHOOK_URL', /console/);
    refusesNaming({ ...PRODUCTION, SECURITY_INFO_DEV_USER: 'erin' }, 'SECURITY_INFO_DEV_USER', /jwt/);
  });

  it('refuses the Twilio variables with another sender in production, not a developer’s shell’s', () => {
    const account = {
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 't',
      TWILIO_FROM: '+31201234567',
      TWILIO_MESSAGING_SERVICE_SID: `MG${'a'.repeat(32)}`,
    };
    const errors = refused({ ...PRODUCTION, ...account });
    assert.deepEqual(
      errors.map((error) => error.variable),
      Object.keys(account),
    );
    for (const error of errors) assert.match(error.message, /has no effect with SECURITY_INFO_SENDER=webhook/);
    started({ ...DEVELOPMENT, ...account });
  });

  it('refuses the variables of a method the policy does not offer', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ SECURITY_INFO_TOTP_ISSUER: 'Contoso' }, /no effect when the policy offers no authenticator app/],
      [{ SECURITY_INFO_RP_ID: 'example.com' }, /no effect when the policy offers no passkeys/],
      [{ SECURITY_INFO_RP_NAME: 'Example Corp' }, /no effect when the policy offers no passkeys/],
      [{ SECURITY_INFO_RP_ORIGINS: 'https://id.example.com' }, /no effect when the policy offers no passkeys/],
      [{ SECURITY_INFO_SMTP_URL: 'smtps://smtp.example.com' }, /no effect when the policy offers no email/],
      [{ SECURITY_INFO_MAIL_FROM: 'security@example.com' }, /no effect when the policy offers no email/],
    ];
    for (const [env, pattern] of cases) {
      // The default policy offers phones only; so does the policy file.
      refusesNaming({ ...DEVELOPMENT, ...env }, Object.keys(env)[0]!, pattern);
      refusesNaming(
        { ...PRODUCTION, SECURITY_INFO_POLICY: '/etc/security-info/policy.json', ...env },
        Object.keys(env)[0]!,
        pattern,
      );
    }
    // A policy file that cannot be read is named alone: what it offers is not known.
    assert.deepEqual(
      refused({ ...DEVELOPMENT, SECURITY_INFO_POLICY: '/etc/bad.json', SECURITY_INFO_TOTP_ISSUER: 'Contoso' }).map(
        (error) => error.variable,
      ),
      ['SECURITY_INFO_POLICY'],
    );
  });

  it('refuses an unknown SECURITY_INFO_ variable, and leaves other variables alone', () => {
    refusesNaming({ ...DEVELOPMENT, SECURITY_INFO_SECERT: SECRET }, 'SECURITY_INFO_SECERT', /not a variable/);
    started({ ...DEVELOPMENT, HOME: '/root', TWILIO_API_KEY: 'x', SECURITYINFO: 'x' });
  });

  it('reports every error at once', () => {
    const errors = refused({ PORT: 'x', HOST: '', SECURITY_INFO_METRICS: 'x', SECURITY_INFO_WHAT: '1' });
    assert.deepEqual(errors.map((error) => error.variable).sort(), [
      'PORT',
      'SECURITY_INFO_AUTH',
      'SECURITY_INFO_METRICS',
      'SECURITY_INFO_SECRET',
      'SECURITY_INFO_SENDER',
      'SECURITY_INFO_WHAT',
    ]);
  });
});

describe('configFromEnv: production is the default', () => {
  for (const nodeEnv of [undefined, 'production', 'test', 'Development']) {
    const env: Record<string, string> = nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv };
    it(`refuses development conveniences with NODE_ENV ${nodeEnv ?? 'unset'}`, () => {
      refusesNaming({ ...PRODUCTION, ...env, SECURITY_INFO_AUTH: 'dev' }, 'SECURITY_INFO_AUTH', /development only/);
      refusesNaming(
        { ...PRODUCTION, ...env, SECURITY_INFO_SENDER: 'console', SECURITY_INFO_WEBHOOK_URL: '' },
        'SECURITY_INFO_SENDER',
      );
      refusesNaming({ ...PRODUCTION, ...env, SECURITY_INFO_SECRET: '' }, 'SECURITY_INFO_SECRET', /required/);
      refusesNaming({ ...PRODUCTION, ...env, SECURITY_INFO_SECRET: 'short' }, 'SECURITY_INFO_SECRET', /too short/);
    });
  }

  it('asks for an authentication and a sender in production, with no default', () => {
    const errors = refused({ SECURITY_INFO_SECRET: SECRET });
    assert.deepEqual(
      errors.map((error) => error.variable),
      ['SECURITY_INFO_AUTH', 'SECURITY_INFO_SENDER'],
    );
  });

  it('refuses a short previous secret in production', () =>
    refusesNaming({ ...PRODUCTION, SECURITY_INFO_PREVIOUS_SECRETS: 'old' }, 'SECURITY_INFO_PREVIOUS_SECRETS'));

  it('starts a production configuration', () => assert.equal(started(PRODUCTION).options.development, false));

  it('refuses origins over plain HTTP in production, but for this machine’s own', () => {
    const passkeys = {
      SECURITY_INFO_POLICY: '/etc/passkeys.json',
      SECURITY_INFO_RP_ID: 'example.com',
      SECURITY_INFO_RP_NAME: 'Example Corp',
      SECURITY_INFO_RP_ORIGINS: 'https://id.example.com',
    };
    const cases: [string, Record<string, string>][] = [
      ['SECURITY_INFO_PUBLIC_ORIGIN', { SECURITY_INFO_PUBLIC_ORIGIN: 'http://id.example.com' }],
      [
        'SECURITY_INFO_ALLOWED_ORIGINS',
        { SECURITY_INFO_ALLOWED_ORIGINS: 'https://a.example.com,http://b.example.com' },
      ],
      ['SECURITY_INFO_RP_ORIGINS', { ...passkeys, SECURITY_INFO_RP_ORIGINS: 'http://id.example.com:8080' }],
    ];
    for (const [variable, env] of cases) {
      refusesNaming({ ...PRODUCTION, ...env }, variable, /http:\/\/[a-z.]+(:8080)?, an http: origin: sessions and /);
    }
    // Development takes them, but for passkeys, which browsers offer on secure origins only (the handler's check).
    started({ ...DEVELOPMENT, ...cases[0]![1], ...cases[1]![1] });
    const local = started({
      ...PRODUCTION,
      SECURITY_INFO_PUBLIC_ORIGIN: 'http://localhost:8787',
      SECURITY_INFO_ALLOWED_ORIGINS: 'http://127.0.0.1:5173,http://[::1]:5173',
      ...passkeys,
      SECURITY_INFO_RP_ID: 'localhost',
      SECURITY_INFO_RP_ORIGINS: 'http://localhost:5173',
    });
    assert.equal(local.options.publicOrigin, 'http://localhost:8787');
    assert.deepEqual(local.options.rpOrigins, ['http://localhost:5173']);
  });
});
