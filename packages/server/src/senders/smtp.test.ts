import { createServer, type AddressInfo } from 'node:net';
import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { checkEmail } from '@security-info/core';
import { ConfigurationError, type ServerLogger } from '../options.js';
import type { EmailSender } from '../senders.js';
import { smtpSink } from '../test-smtp-sink.js';
import { createSmtpSender, type SmtpSenderOptions } from './smtp.js';

const CODE = '482913';
const FROM = 'Example Security <security@example.com>';

/** The port of a server on this machine that takes connections and never says a word. */
async function silentPort(t: TestContext): Promise<number> {
  const silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    silent.close();
  });
  return (silent.address() as AddressInfo).port;
}

/** How long, in milliseconds, a send took to be refused for its time-out. */
async function timedOutAfter(sender: EmailSender): Promise<number> {
  const started = performance.now();
  await assert.rejects(
    sender.sendEmail({ email: 'jan@example.com', code: CODE }),
    /did not take an email \(ETIMEDOUT\)/,
  );
  return performance.now() - started;
}

function logger(): ServerLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (line) => lines.push(line), error: (line) => lines.push(line) };
}

describe('SMTP sender', () => {
  it('sends the exact message: from, to, subject, the code in plain text, no HTML', async (t) => {
    const sink = await smtpSink(t);
    await createSmtpSender({ url: sink.url, from: FROM }).sendEmail({ email: 'Jan@example.com', code: CODE });
    assert.equal(sink.received.length, 1);
    const [email] = sink.received;
    assert.equal(email!.mailFrom, 'security@example.com');
    assert.deepEqual(email!.rcptTo, ['Jan@example.com']);
    assert.equal(email!.headers.from, 'Example Security <security@example.com>');
    assert.equal(email!.headers.to, 'Jan@example.com');
    assert.equal(email!.headers.subject, 'Your verification code');
    assert.equal(email!.headers['auto-submitted'], 'auto-generated');
    assert.match(email!.headers['content-type']!, /^text\/plain; charset=utf-8$/);
    assert.equal(
      email!.text,
      `Your verification code is ${CODE}.\n\nIf you did not ask for it, you can ignore this email.`,
    );
    assert.ok(!/text\/html|<html|https?:/i.test(email!.raw), 'no HTML and no links');
  });

  it("words the message in the person's language", async (t) => {
    const sink = await smtpSink(t);
    const sender = createSmtpSender({ url: sink.url, from: 'security@example.com' });
    await sender.sendEmail({ email: 'jan@example.nl', code: CODE, locale: 'de-AT' });
    await sender.sendEmail({ email: 'jan@example.nl', code: CODE, locale: 'ja' });
    assert.equal(sink.received[0]!.headers.subject, 'Ihr Bestätigungscode');
    assert.equal(
      sink.received[0]!.text,
      `Ihr Bestätigungscode lautet ${CODE}.\n\nWenn Sie ihn nicht angefordert haben, können Sie diese E-Mail ignorieren.`,
    );
    assert.equal(sink.received[1]!.headers.subject, 'Your verification code');
    assert.equal(sink.received[0]!.headers.from, 'security@example.com');
  });

  it('reaches an internationalized domain by its ASCII form', async (t) => {
    const sink = await smtpSink(t);
    await createSmtpSender({ url: sink.url, from: FROM }).sendEmail({ email: 'info@münchen.de', code: CODE });
    // The sink shows the envelope's domain in Unicode again; the header is as it was sent.
    assert.deepEqual(sink.received[0]!.rcptTo, ['info@münchen.de']);
    assert.equal(sink.received[0]!.headers.to, 'info@xn--mnchen-3ya.de');
  });

  it('sends an address with every character a local part may hold to it alone, in one RCPT TO and one To', async (t) => {
    const commands: string[] = [];
    const recorded = await smtpSink(t, {
      onMailFrom(address, _session, callback) {
        commands.push(`MAIL ${address.address}`);
        callback();
      },
      onRcptTo(address, _session, callback) {
        commands.push(`RCPT ${address.address}`);
        callback();
      },
    });
    // Every dot-atom character checkEmail lets through, an encoded word among them.
    const email = "o'brien!#$%&*+/=?^_`{|}~-=?utf-8?B?QEJjYzo=?=@example.com";
    assert.deepEqual(checkEmail(email), { email });
    await createSmtpSender({ url: recorded.url, from: FROM }).sendEmail({ email, code: CODE });
    assert.deepEqual(commands, ['MAIL security@example.com', `RCPT ${email}`]);
    const [received] = recorded.received;
    assert.deepEqual(received!.rcptTo, [email]);
    const head = received!.raw.slice(0, received!.raw.indexOf('\r\n\r\n'));
    assert.deepEqual(
      head.split('\r\n').filter((line) => /^(?:to|cc|bcc):/i.test(line)),
      [`To: ${email}`],
    );
  });

  it('signs in with the credentials of the URL', async (t) => {
    const logins: string[] = [];
    const sink = await smtpSink(t, {
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        logins.push(`${auth.username}:${auth.password}`);
        callback(null, { user: auth.username });
      },
    });
    const url = `smtp://mailer:p%40ss%3Aword@127.0.0.1:${sink.port}`;
    await createSmtpSender({ url, from: FROM }).sendEmail({ email: 'jan@example.com', code: CODE });
    assert.deepEqual(logins, ['mailer:p@ss:word']);
    assert.equal(sink.received.length, 1);
  });

  it('rejects when the server refuses, saying its status and never the address or the code', async (t) => {
    const sink = await smtpSink(t, {
      onRcptTo(address, _session, callback) {
        callback(
          Object.assign(new Error(`<${address.address}> no such mailbox, code ${CODE}?`), { responseCode: 550 }),
        );
      },
    });
    const log = logger();
    const sender = createSmtpSender({ url: sink.url, from: FROM, logger: log });
    const error = await sender.sendEmail({ email: 'nobody@example.com', code: CODE }).then(
      () => assert.fail('sent'),
      (thrown: Error) => thrown,
    );
    assert.equal(error.message, 'the SMTP server did not take an email (EENVELOPE 550)');
    assert.deepEqual(log.lines, ['[security-info] the SMTP server did not take an email (EENVELOPE 550)']);
    assert.equal(sink.received.length, 0);
  });

  it('rejects in time when no server answers', async (t) => {
    const sink = await smtpSink(t);
    const log = logger();
    // A port that takes the connection but never greets: a sink whose greeting is held back.
    const port = await silentPort(t);
    const sender = createSmtpSender({ host: '127.0.0.1', port, from: FROM, timeoutMs: 200, logger: log });
    assert.ok((await timedOutAfter(sender)) < 2000);
    assert.equal(sink.received.length, 0);
  });

  it('gives the whole email one time-out: a server slow at every step is left before the message is sent', async (t) => {
    // Each step alone is well within the time-out; the greeting, MAIL and RCPT together are not.
    const sink = await smtpSink(t, {}, { stepMs: 400 });
    const log = logger();
    const sender = createSmtpSender({ url: sink.url, from: FROM, timeoutMs: 1000, logger: log });
    const took = await timedOutAfter(sender);
    // At the time-out, with room for a busy machine; the server alone would have taken the email by 1.2 s.
    assert.ok(took >= 950 && took < 1400, `gave up after ${Math.round(took)} ms`);
    assert.deepEqual(log.lines, ['[security-info] the SMTP server did not take an email (ETIMEDOUT)']);
    // Past the time the server would have taken the message, it has none: the connection was dropped, no "." sent.
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(sink.closed, 1);
    assert.equal(sink.received.length, 0);
  });

  it('keeps the code of an email whose end was sent when the server does not answer it in time', async (t) => {
    // The server has the whole message, "." included, but answers it after the time-out: it may deliver it.
    // The time-out leaves a busy machine ample time to get the message through, its end included (that takes a
    // fraction of a second, the server's 0.1 s wait before it greets included); the server answers well after it.
    const sink = await smtpSink(t, {}, { endMs: 5000 });
    const log = logger();
    const sender = createSmtpSender({ url: sink.url, from: FROM, timeoutMs: 2000, logger: log });
    const started = performance.now();
    await sender.sendEmail({ email: 'jan@example.com', code: CODE });
    const took = performance.now() - started;
    // At the time-out, with room for a busy machine: not at the server's answer, 5 s after the end.
    assert.ok(took >= 1950 && took < 4000, `settled after ${Math.round(took)} ms`);
    assert.equal(sink.received.length, 1);
    assert.match(sink.received[0]!.text, new RegExp(CODE));
    assert.deepEqual(log.lines, [
      '[security-info] the SMTP server did not answer the end of an email in time; it may deliver it, so its code stays valid',
    ]);
  });

  it('keeps the code of an email whose end was sent when the connection is lost before the answer', async (t) => {
    // The server has the whole message, "." included, and the connection drops: it may deliver the email.
    const sink = await smtpSink(t, {}, { hangUpAtEnd: true });
    const log = logger();
    const sender = createSmtpSender({ url: sink.url, from: FROM, timeoutMs: 5000, logger: log });
    await sender.sendEmail({ email: 'jan@example.com', code: CODE });
    assert.equal(sink.received.length, 1);
    assert.deepEqual(log.lines, [
      '[security-info] the connection to the SMTP server was lost after the end of an email; it may deliver it, so its code stays valid',
    ]);
  });

  it('rejects an email whose end the server refuses: a refusal there is no lost connection', async (t) => {
    const sink = await smtpSink(t, {
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('message refused'), { responseCode: 554 })));
      },
    });
    const log = logger();
    const sender = createSmtpSender({ url: sink.url, from: FROM, timeoutMs: 5000, logger: log });
    await assert.rejects(
      sender.sendEmail({ email: 'jan@example.com', code: CODE }),
      /did not take an email \(EMESSAGE 554\)/,
    );
    assert.deepEqual(log.lines, ['[security-info] the SMTP server did not take an email (EMESSAGE 554)']);
  });

  it('gives up in time in the middle of TLS', async (t) => {
    // A port that takes the connection and never answers TLS's hello.
    const port = await silentPort(t);
    const sender = createSmtpSender({ url: `smtps://127.0.0.1:${port}`, from: FROM, timeoutMs: 300, logger: logger() });
    assert.ok((await timedOutAfter(sender)) < 1000);
  });

  it('requires TLS from a server that is not on this machine', async (t) => {
    // The sink speaks no TLS: a sender that thinks it is elsewhere must refuse to send in clear text.
    const sink = await smtpSink(t);
    const sender = createSmtpSender({ url: `smtp://localhost.:${sink.port}`, from: FROM, timeoutMs: 2000 });
    await assert.rejects(sender.sendEmail({ email: 'jan@example.com', code: CODE }), /did not take an email/);
    assert.equal(sink.received.length, 0);
  });

  it('refuses a configuration that cannot work, saying why', () => {
    const bad: [Partial<SmtpSenderOptions>, RegExp][] = [
      [{ from: FROM }, /url or host is required/],
      [{ url: 'https://mail.example.com', from: FROM }, /smtps:\/\/ \(TLS\) or smtp:\/\//],
      [{ url: 'not a url', from: FROM }, /is not a URL/],
      [{ url: 'smtps://mail.example.com', host: 'mail.example.com', from: FROM }, /not both/],
      [{ host: 'mail.example.com', port: 70000, from: FROM }, /port must be a port number/],
      [{ host: 'mail.example.com', from: 'security' }, /from must be an address/],
      [{ host: 'mail.example.com', from: 'Security <a@example.com>, b@example.com' }, /from must be an address/],
      [{ host: 'mail.example.com', from: 'Evil\r\nBcc: x@example.com <a@example.com>' }, /from must be an address/],
      [{ host: 'mail.example.com', from: FROM, timeoutMs: 0 }, /timeoutMs must be a positive number/],
    ];
    for (const [options, message] of bad)
      assert.throws(
        () => createSmtpSender(options as SmtpSenderOptions),
        (error: Error) => error instanceof ConfigurationError && message.test(error.message),
        JSON.stringify(options),
      );
    assert.doesNotThrow(() => createSmtpSender({ url: 'smtps://u:p@mail.example.com', from: 'a@example.com' }));
  });
});
