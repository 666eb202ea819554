import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Registrations, SecurityInfoPolicy } from '@security-info/core';
import { createSecurityInfoHandler } from './handler.js';
import { ConfigurationError, type RiskContext } from './options.js';
import type { CodeMessage, EmailCodeMessage } from './senders.js';
import { createSmtpSender } from './senders/smtp.js';
import { smtpSink } from './test-smtp-sink.js';
import { body, requester, setup, type Call } from './test-support.js';

const SERVICE_TOKEN = 'svc_0123456789abcdefghijklmnopqrstuvwxyz';

export const EMAIL_POLICY: SecurityInfoPolicy = {
  methods: [
    { id: 'phone', purposes: ['mfa', 'password-reset'] },
    { id: 'email', purposes: ['password-reset'] },
  ],
};

function withEmail(options: Parameters<typeof setup>[0] = {}) {
  const emails: EmailCodeMessage[] = [];
  const texts: CodeMessage[] = [];
  const server = setup({
    policy: EMAIL_POLICY,
    sender: {
      send: async (message) => void texts.push(message),
      sendEmail: async (message) => void emails.push(message),
    },
    serviceCredentials: { 'sign-in': SERVICE_TOKEN },
    ...options,
  });
  const call = requester(server.handler);
  const sendEmail = (email: string, extra: Record<string, unknown> = {}, call: Call = {}) =>
    server.post('/email/challenges', { email, ...extra }, call);
  const verifyEmail = (id: string, code: string, call: Call = {}) =>
    server.post(`/email/challenges/${id}/verify`, { code }, call);
  const resendEmail = (id: string, extra: Record<string, unknown> = {}, call: Call = {}) =>
    server.post(`/email/challenges/${id}/resend`, extra, call);
  const lastEmailCode = () => emails.at(-1)!.code;
  async function startEmail(email: string, extra: Record<string, unknown> = {}, call: Call = {}) {
    const response = await sendEmail(email, extra, call);
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { challengeId: string }).challengeId;
  }
  /** Sends a code and verifies it: the address is registered. */
  async function enrollEmail(email: string, extra: Record<string, unknown> = {}, call: Call = {}) {
    const id = await startEmail(email, extra, call);
    const verified = await verifyEmail(id, lastEmailCode(), call);
    assert.equal(verified.status, 204, await verified.clone().text());
    server.advance(61);
  }
  const list = async (user = 'alice') =>
    (await (await call('GET', '/methods', undefined, { user })).json()) as Registrations;
  const service = (method: string, path: string, json?: unknown) =>
    call(method, `/service${path}`, json, { user: null, headers: { authorization: `Bearer ${SERVICE_TOKEN}` } });
  return {
    ...server,
    emails,
    texts,
    call,
    list,
    service,
    sendEmail,
    verifyEmail,
    resendEmail,
    lastEmailCode,
    startEmail,
    enrollEmail,
  };
}

const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

describe('email codes', () => {
  it('sends a code to the address as normalized, in the person’s language, and answers the challenge', async () => {
    const server = withEmail();
    const response = await server.sendEmail('  Jan@Example.COM ', { locale: 'nl' });
    assert.equal(response.status, 201);
    const answer = await body(response);
    assert.deepEqual(
      { ...answer, challengeId: 'x' },
      { challengeId: 'x', codeLength: 6, expiresInSeconds: 300, resendInSeconds: 30 },
    );
    assert.equal(server.emails.length, 1);
    assert.deepEqual({ ...server.emails[0], code: 'x' }, { email: 'Jan@example.com', code: 'x', locale: 'nl' });
    assert.match(server.emails[0]!.code, /^\d{6}$/);
  });

  it('registers the address once the code is right, listed for password reset with its address', async () => {
    const server = withEmail();
    await server.enrollEmail('jan@example.com');
    const { methods } = await (await server.call('GET', '/methods')).json();
    assert.equal(methods.length, 1);
    assert.deepEqual(
      { ...methods[0], id: 'x', addedAt: 'x' },
      {
        id: 'x',
        kind: 'email',
        addedAt: 'x',
        lastUsedAt: null,
        purposes: ['password-reset'],
        removable: true,
        email: { address: 'jan@example.com' },
      },
    );
  });

  it('names what is wrong with an address, and sends nothing', async () => {
    const server = withEmail();
    const cases: [unknown, string][] = [
      ['', 'email is required.'],
      [`${'a'.repeat(250)}@example.com`, 'email must be at most 254 characters.'],
      ['jan.example.com', 'email must have an @.'],
      ['"jan de vries"@example.com', 'email has a part before the @ that is not allowed.'],
      ['jan@localhost', 'email has a domain that is not allowed.'],
      [42, 'email must be a string.'],
      ['a'.repeat(1_500), 'email must be at most 254 characters.'],
    ];
    for (const [email, message] of cases) {
      const response = await server.post('/email/challenges', { email });
      assert.equal(response.status, 400, String(email));
      assert.deepEqual(await body(response), { error: 'unknown', message });
    }
    assert.equal(server.emails.length, 0);
  });

  it('takes an internationalized domain in Unicode or as xn--', async () => {
    const server = withEmail();
    await server.startEmail('info@例え.テスト');
    await server.startEmail('info@XN--MNCHEN-3YA.de');
    assert.deepEqual(
      server.emails.map((email) => email.email),
      ['info@例え.テスト', 'info@xn--mnchen-3ya.de'],
    );
  });

  it('is refused where the policy does not offer email', async () => {
    const server = withEmail({ policy: { methods: [{ id: 'phone', purposes: ['mfa'] }] } });
    const response = await server.sendEmail('jan@example.com');
    assert.equal(response.status, 422);
    assert.equal((await body(response)).error, 'channel-unavailable');
    assert.equal(server.emails.length, 0);
  });

  it('does not start with a policy that offers email and no sender that can send it', () => {
    const options = {
      authenticate: () => 'alice',
      clientKey: () => '192.0.2.1',
      secret: 'a test secret of more than thirty-two bytes',
      policy: EMAIL_POLICY,
    };
    assert.throws(
      () => createSecurityInfoHandler({ ...options, sender: { send: async () => undefined } }),
      (error: Error) => error instanceof ConfigurationError && /no sender sends email.*Twilio/.test(error.message),
    );
    const emails: EmailCodeMessage[] = [];
    assert.doesNotThrow(() =>
      createSecurityInfoHandler({
        ...options,
        sender: { send: async () => undefined },
        emailSender: { sendEmail: async (message) => void emails.push(message) },
      }),
    );
  });

  it('resends after the cooldown, and only the new code works', async () => {
    const server = withEmail();
    const id = await server.startEmail('jan@example.com');
    const first = server.lastEmailCode();
    const early = await server.resendEmail(id);
    assert.equal(early.status, 429);
    assert.deepEqual(await body(early), {
      error: 'rate-limited',
      message: 'Wait before asking for another code.',
      retryAfterSeconds: 30,
    });
    server.advance(30);
    const resent = await server.resendEmail(id, { locale: 'de' });
    assert.equal(resent.status, 200);
    assert.equal((await body(resent)).resendInSeconds, 60);
    assert.equal(server.emails.length, 2);
    assert.equal(server.emails[1]!.locale, 'de');
    const second = server.lastEmailCode();
    if (first !== second) assert.equal((await server.verifyEmail(id, first)).status, 422);
    assert.equal((await server.verifyEmail(id, second)).status, 204);
  });

  it('counts wrong codes per challenge and in the user’s failure limits, as a text message does', async () => {
    const server = withEmail({ limits: { maxConsecutiveFailures: 3, failureLockoutSeconds: 60 } });
    const id = await server.startEmail('jan@example.com');
    const code = server.lastEmailCode();
    const first = await server.verifyEmail(id, wrong(code));
    assert.deepEqual(await body(first), {
      error: 'invalid-code',
      message: 'The code is not right.',
      attemptsRemaining: 4,
    });
    await server.verifyEmail(id, wrong(code));
    const third = await server.verifyEmail(id, wrong(code));
    assert.equal(third.status, 429);
    assert.equal((await body(third)).error, 'too-many-attempts');
    // Locked: even the right code waits.
    assert.equal((await server.verifyEmail(id, code)).status, 429);
  });

  it('keeps each person’s challenge their own, and each kind’s route to its own kind', async () => {
    const server = withEmail();
    const id = await server.startEmail('jan@example.com');
    const code = server.lastEmailCode();
    const bob = { user: 'bob' };
    for (const response of [
      await server.verifyEmail(id, code, bob),
      await server.resendEmail(id, {}, bob),
      await server.verify(id, code),
    ]) {
      assert.equal(response.status, 404);
      assert.equal((await body(response)).error, 'code-expired');
    }
    const phone = await server.start('+31612345678');
    assert.equal((await server.verifyEmail(phone, server.texts.at(-1)!.code)).status, 404);
    assert.equal((await server.resendEmail(phone)).status, 404);
    // None of that spent the challenge: its owner still verifies it.
    assert.equal((await server.verifyEmail(id, code)).status, 204);
    assert.equal((await server.list('bob')).methods.length, 0);
  });

  it('limits codes per mailbox across users and clients, however the address is tagged or cased', async () => {
    const server = withEmail();
    const addresses = ['jan+a@example.com', 'JAN+b@Example.com', 'jan@example.com', 'jan+d@example.com'];
    const answers = [];
    for (const [index, email] of addresses.entries())
      answers.push((await server.sendEmail(email, {}, { user: `user${index}`, client: `198.51.100.${index}` })).status);
    assert.deepEqual(answers, [201, 201, 201, 429]);
    assert.equal(server.emails.length, 3);
    assert.equal(
      (await server.sendEmail('other@example.com', {}, { user: 'user9', client: '198.51.100.9' })).status,
      201,
    );
  });

  it('counts every dotting of a Gmail name, at either domain, as one mailbox', async () => {
    const server = withEmail();
    const addresses = ['v.ictim@gmail.com', 'vi.ctim@googlemail.com', 'VICTIM+x@gmail.com', 'vic.tim@gmail.com'];
    const answers = [];
    for (const [index, email] of addresses.entries())
      answers.push((await server.sendEmail(email, {}, { user: `user${index}`, client: `198.51.100.${index}` })).status);
    assert.deepEqual(answers, [201, 201, 201, 429]);
  });

  it('puts a new address in the place of the one it replaces, and the same address keeps its method', async () => {
    const server = withEmail();
    await server.enrollEmail('jan@example.com');
    const [old] = (await server.list()).methods;
    await server.enrollEmail('JAN@example.com');
    assert.equal((await server.list()).methods[0]!.id, old!.id, 'the same address keeps its method');
    const unknown = await server.sendEmail('new@example.com', { replaces: 'nosuchmethod' });
    assert.equal(unknown.status, 404);
    await server.enrollEmail('new@example.com', { replaces: old!.id });
    const { methods } = await server.list();
    assert.equal(methods.length, 1);
    assert.notEqual(methods[0]!.id, old!.id);
    assert.deepEqual(methods[0]!.email, { address: 'new@example.com' });
  });

  it('sends no other code for a change whose address was removed since it began', async () => {
    const server = withEmail();
    await server.enrollEmail('jan@example.com');
    await server.enrollEmail('piet@example.com');
    const [first, second] = (await server.list()).methods;
    const id = await server.startEmail('new@example.com', { replaces: second!.id });
    assert.equal((await server.call('DELETE', `/methods/${second!.id}`)).status, 204);
    server.advance(61);
    const emails = server.emails.length;
    const resent = await server.resendEmail(id);
    assert.equal(resent.status, 404, await resent.clone().text());
    assert.deepEqual(await body(resent), {
      error: 'unknown',
      message: 'The email address to replace is not registered.',
    });
    assert.equal(server.emails.length, emails, 'no email for a change that cannot be made');
    assert.deepEqual(
      (await server.list()).methods.map((method) => method.id),
      [first!.id],
    );
  });

  it('keeps one method for one mailbox, its domain in Unicode or as xn--', async () => {
    const server = withEmail();
    await server.enrollEmail('info@münchen.de');
    const [first] = (await server.list()).methods;
    await server.enrollEmail('INFO@xn--mnchen-3ya.de');
    const { methods } = await server.list();
    assert.equal(methods.length, 1);
    assert.equal(methods[0]!.id, first!.id);
    // The method shows the address as it was verified last.
    assert.deepEqual(methods[0]!.email, { address: 'INFO@xn--mnchen-3ya.de' });
  });

  it('withdraws the code when the email is not delivered', async () => {
    const server = withEmail({
      sender: {
        send: async () => undefined,
        sendEmail: async () => {
          throw new Error('the SMTP server did not take an email (EENVELOPE 550)');
        },
      },
    });
    const response = await server.sendEmail('jan@example.com');
    assert.equal(response.status, 422);
    assert.equal((await body(response)).error, 'channel-unavailable');
    assert.deepEqual(server.logged, ['[security-info] the sender refused an email']);
  });

  it('keeps the code of an email the SMTP server has whole but does not answer in time', async (t) => {
    // The server may deliver it: a code withdrawn now would arrive dead. The time-out leaves a busy machine ample
    // time to load nodemailer and get the message through, its end included; the server answers well after it.
    const sink = await smtpSink(t, {}, { endMs: 5000 });
    const server = withEmail({
      emailSender: createSmtpSender({
        url: sink.url,
        from: 'security@example.com',
        timeoutMs: 2000,
        logger: { warn() {}, error() {} },
      }),
    });
    const id = await server.startEmail('jan@example.com');
    const code = /\d{6}/.exec(sink.received[0]!.text)![0];
    assert.equal((await server.verifyEmail(id, code)).status, 204);
  });

  it('tells riskCheck of the address, and a refusal stops the send', async () => {
    const seen: RiskContext[] = [];
    const server = withEmail({
      riskCheck: (context) => {
        seen.push(context);
        return { allow: false };
      },
    });
    assert.equal((await server.sendEmail('jan@example.com')).status, 429);
    assert.equal(server.emails.length, 0);
    assert.deepEqual(
      seen.map(({ channel, email, phoneNumber, region, kind }) => ({ channel, email, phoneNumber, region, kind })),
      [{ channel: 'email', email: 'jan@example.com', phoneNumber: '', region: '', kind: 'send' }],
    );
  });

  it('logs neither the address nor the code', async () => {
    const server = withEmail({ limits: { maxAttempts: 1 } });
    const id = await server.startEmail('jan.secret@example.com');
    await server.verifyEmail(id, wrong(server.lastEmailCode()));
    await server.sendEmail('not an address');
    for (const line of server.logged) {
      assert.ok(!line.includes('jan.secret'), line);
      assert.ok(!line.includes(server.lastEmailCode()), line);
    }
  });
});

describe('email at sign-in', () => {
  it('keeps sign-in codes to a registered address out of reach of strangers who spend its enrollment budget', async () => {
    const server = withEmail();
    await server.enrollEmail('jan@example.com');
    const [method] = (await server.list()).methods;
    // Someone else asks, from accounts and addresses of their own, for codes to jan's address until refused.
    const answers = [];
    for (const index of [1, 2, 3, 4])
      answers.push(
        (await server.sendEmail('jan@example.com', {}, { user: `mallory${index}`, client: `203.0.113.${index}` }))
          .status,
      );
    assert.equal(answers.at(-1), 429);
    const started = await server.service('POST', '/users/alice/verifications', { methodId: method!.id });
    assert.equal(started.status, 201, await started.clone().text());
  });

  it('sends a code to a registered address through the service API and checks it', async () => {
    const server = withEmail();
    await server.enrollEmail('jan@example.com');
    const [method] = (await server.list()).methods;
    const started = await server.service('POST', '/users/alice/verifications', { methodId: method!.id, locale: 'fr' });
    assert.equal(started.status, 201, await started.clone().text());
    const verification = await body(started);
    assert.equal(verification.kind, 'email');
    assert.equal(verification.confirmation, undefined);
    assert.deepEqual({ ...server.emails.at(-1), code: 'x' }, { email: 'jan@example.com', code: 'x', locale: 'fr' });
    server.advance(30);
    const resent = await server.service('POST', `/users/alice/verifications/${verification.verificationId}/resend`, {});
    assert.equal(resent.status, 200, await resent.clone().text());
    assert.equal((await body(resent)).kind, 'email');
    const checked = await server.service('POST', `/users/alice/verifications/${verification.verificationId}/check`, {
      code: server.lastEmailCode(),
    });
    assert.equal(checked.status, 200);
    assert.deepEqual(await body(checked), { verified: true, methodId: method!.id });
    assert.notEqual((await server.list()).methods[0]!.lastUsedAt, null);
  });
});
