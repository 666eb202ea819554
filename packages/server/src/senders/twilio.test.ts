import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationError, type ServerLogger } from '../options.js';
import type { CodeMessage } from '../senders.js';
import { body, setup } from '../test-support.js';
import { createTwilioSender, TwilioError, type TwilioSenderOptions } from './twilio.js';
import { escapeXml, sayLanguage } from './twiml.js';
import { rejection } from '../test-support.js';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = '0123456789abcdef0123456789abcdef';
const SERVICE = 'MG0123456789abcdef0123456789abcdef';
const FROM = '+3197010203040';
const NUMBER = '+31612345678';
const CODE = '482913';
const MESSAGE: CodeMessage = { phoneNumber: NUMBER, channel: 'sms', code: CODE, locale: 'nl-NL' };

interface Received {
  method: string;
  path: string;
  headers: Record<string, string>;
  form: Record<string, string>;
}

/** `endless`: the status at once, then `body` over and over, never ending. */
type Reply = { status: number; body: string; endless?: true };
type Answer = Reply | 'hang';

/** Twilio's resource ids: two letters for the kind, 32 hexadecimal digits. */
const MESSAGE_SID = 'SM0123456789abcdef0123456789abcdef';
const CALL_SID = 'CA0123456789abcdef0123456789abcdef';

const created = (sid: string, status = 'queued'): Reply => ({ status: 201, body: JSON.stringify({ sid, status }) });

/** What Twilio answers a request it takes: the message or the call it created. */
const createdFor = (request: Received): Answer =>
  created(request.path.endsWith('/Calls.json') ? CALL_SID : MESSAGE_SID);

/** Twilio's REST API as far as the sender uses it, on 127.0.0.1, keeping every request. */
async function fakeTwilio(t: TestContext, answer: (request: Received) => Answer = createdFor) {
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name] = String(value);
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const entry = { method: request.method ?? '', path: request.url ?? '', headers, form };
    received.push(entry);
    const reply = answer(entry);
    if (reply === 'hang') return;
    response.writeHead(reply.status, { 'content-type': 'application/json' });
    if (!reply.endless) return void response.end(reply.body);
    const flood = () => {
      while (response.write(reply.body));
    };
    response.on('drain', flood);
    flood();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return { apiBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

function logger(): ServerLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (line) => lines.push(line), error: (line) => lines.push(line) };
}

function sender(apiBase: string, options: Partial<TwilioSenderOptions> = {}) {
  return createTwilioSender({ accountSid: SID, authToken: TOKEN, from: FROM, apiBase, logger: logger(), ...options });
}

/** Log lines and error messages may say what failed, never what was sent. */
function assertNothingSecret(texts: string[]) {
  assert.ok(texts.length > 0, 'something was said');
  for (const text of texts)
    for (const secret of [CODE, NUMBER, NUMBER.slice(1), NUMBER.slice(-9)])
      assert.ok(!text.includes(secret), `"${text}" holds ${secret}`);
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

/**
 * A strict parser for the small XML that TwiML is: elements, double-quoted attributes, text and the five
 * predefined entities. Anything else (a bare `&` or `<`, a tag left open) throws.
 */
function parseXml(xml: string): XmlElement {
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>';
  assert.ok(xml.startsWith(declaration), 'starts with the XML declaration');
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  const decode = (text: string) =>
    text.replace(/&([a-z]*);?/g, (whole, name: string) => {
      if (!whole.endsWith(';') || !(name in entities)) throw new Error(`not an entity: ${whole}`);
      return entities[name]!;
    });
  const token = /<(\/?)([A-Za-z]+)((?:\s+[A-Za-z]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const open = [root];
  token.lastIndex = declaration.length;
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const match = token.exec(xml);
    if (!match) throw new Error(`not XML at ${at}: ${xml.slice(at, at + 20)}`);
    const [, closing, name, attributeText, selfClosing, text] = match;
    const parent = open.at(-1)!;
    if (text !== undefined) parent.children.push(decode(text));
    else if (closing) {
      if (parent.name !== name) throw new Error(`</${name}> closes <${parent.name}>`);
      open.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of (attributeText ?? '').matchAll(/([A-Za-z]+)="([^"]*)"/g))
        attributes[key!] = decode(value!);
      const element: XmlElement = { name: name!, attributes, children: [] };
      parent.children.push(element);
      if (!selfClosing) open.push(element);
    }
  }
  if (open.length !== 1) throw new Error(`<${open.at(-1)!.name}> is not closed`);
  assert.equal(root.children.length, 1, 'one root element');
  return root.children[0] as XmlElement;
}

/** The verbs of a TwiML response, each as `Say(language): text` or `Pause(seconds)`. */
function verbs(twiml: string): { verb: string; language?: string; text?: string; length?: string }[] {
  const response = parseXml(twiml);
  assert.equal(response.name, 'Response');
  return response.children.map((child) => {
    assert.ok(typeof child !== 'string', 'no text between verbs');
    if (child.name === 'Say') {
      assert.ok(child.children.every((text) => typeof text === 'string'));
      return { verb: 'Say', language: child.attributes.language, text: child.children.join('') };
    }
    assert.equal(child.name, 'Pause');
    assert.equal(child.children.length, 0);
    return { verb: 'Pause', length: child.attributes.length };
  });
}

describe('the Twilio sender', () => {
  it('sends a text message through the Messages API, ending with the one-time-code line', async (t) => {
    const twilio = await fakeTwilio(t);
    await sender(twilio.apiBase, { otpHost: 'portal.example.com' }).send(MESSAGE);

    assert.equal(twilio.received.length, 1);
    const [request] = twilio.received as [Received];
    assert.equal(request.method, 'POST');
    assert.equal(request.path, `/2010-04-01/Accounts/${SID}/Messages.json`);
    assert.equal(request.headers.authorization, `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
    assert.equal(request.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(request.headers.accept, 'application/json');
    assert.deepEqual(request.form, {
      To: NUMBER,
      From: FROM,
      Body: 'Je verificatiecode is 482913.\n\n@portal.example.com #482913',
    });
    assert.equal(request.form.Body!.split('\n').at(-1), '@portal.example.com #482913', 'the last line');
  });

  it('sends through the Messaging Service when one is given, without From', async (t) => {
    const twilio = await fakeTwilio(t);
    await sender(twilio.apiBase, { messagingServiceSid: SERVICE }).send(MESSAGE);
    await sender(twilio.apiBase, { from: undefined, messagingServiceSid: SERVICE }).send(MESSAGE);

    for (const request of twilio.received)
      assert.deepEqual(request.form, {
        To: NUMBER,
        MessagingServiceSid: SERVICE,
        Body: 'Je verificatiecode is 482913.',
      });
  });

  it('words the text message in the person’s language, English otherwise', async (t) => {
    const twilio = await fakeTwilio(t);
    const expected: [string | undefined, string][] = [
      ['en-GB', 'Your verification code is 482913.'],
      ['nl-BE', 'Je verificatiecode is 482913.'],
      ['de-AT', 'Ihr Bestätigungscode lautet 482913.'],
      ['fr-CA', 'Votre code de vérification est 482913.'],
      ['es-419', 'Tu código de verificación es 482913.'],
      ['it', 'Il tuo codice di verifica è 482913.'],
      ['pt-BR', 'O seu código de verificação é 482913.'],
      ['ja-JP', 'Your verification code is 482913.'],
      [undefined, 'Your verification code is 482913.'],
      ['not a locale!', 'Your verification code is 482913.'],
    ];
    const send = sender(twilio.apiBase);
    for (const [locale] of expected) await send.send({ ...MESSAGE, locale });
    assert.deepEqual(
      twilio.received.map((request) => request.form.Body),
      expected.map(([, text]) => text),
    );
  });

  it('calls through the Calls API with TwiML that says the code slowly, digit by digit, twice', async (t) => {
    const twilio = await fakeTwilio(t, () => created(CALL_SID));
    await sender(twilio.apiBase, { otpHost: 'portal.example.com' }).send({ ...MESSAGE, channel: 'voice' });

    const [request] = twilio.received as [Received];
    assert.equal(request.method, 'POST');
    assert.equal(request.path, `/2010-04-01/Accounts/${SID}/Calls.json`);
    assert.equal(request.headers.authorization, `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
    assert.equal(request.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(Object.keys(request.form).sort(), ['From', 'To', 'Twiml']);
    assert.equal(request.form.To, NUMBER);
    assert.equal(request.form.From, FROM);

    const said = verbs(request.form.Twiml!);
    const says = said.filter((verb) => verb.verb === 'Say');
    assert.ok(
      says.every((say) => say.language === 'nl-NL'),
      'every sentence in Dutch',
    );
    assert.deepEqual(
      says.map((say) => say.text),
      ['Je verificatiecode is:', ...CODE, 'Nog een keer, je code is:', ...CODE],
    );
    // A pause after every digit, so it can be written down.
    said.forEach((verb, index) => {
      if (verb.verb === 'Say' && verb.text!.length === 1)
        assert.deepEqual(said[index + 1], { verb: 'Pause', length: '1' });
    });
    assert.ok(!request.form.Twiml!.includes('@portal.example.com'), 'no one-time-code line in a call');
  });

  it('speaks a language Twilio’s <Say> has, in English words and voice when we have no words in it', () => {
    const cases: [string | undefined, string, string][] = [
      ['nl-NL', 'nl-NL', 'nl'],
      ['nl-BE', 'nl-NL', 'nl'],
      ['de-CH', 'de-DE', 'de'],
      ['fr', 'fr-FR', 'fr'],
      ['fr-CA', 'fr-CA', 'fr'],
      ['es', 'es-ES', 'es'],
      ['es-MX', 'es-MX', 'es'],
      ['es-419', 'es-MX', 'es'],
      ['it-IT', 'it-IT', 'it'],
      ['pt', 'pt-BR', 'pt'],
      ['pt-PT', 'pt-PT', 'pt'],
      ['en', 'en-US', 'en'],
      ['en-GB', 'en-GB', 'en'],
      ['en-AU', 'en-AU', 'en'],
      ['ja-JP', 'en-US', 'en'],
      ['sv', 'en-US', 'en'],
      [undefined, 'en-US', 'en'],
      ['not a locale!', 'en-US', 'en'],
    ];
    for (const [locale, say, words] of cases) assert.deepEqual(sayLanguage(locale), { say, words }, String(locale));
  });

  it('escapes everything it puts in the TwiML', async (t) => {
    assert.equal(
      escapeXml(`<a href="x">Tom & Jerry's</a>`),
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
    const twilio = await fakeTwilio(t);
    const code = `1<&"'>`;
    await sender(twilio.apiBase).send({ ...MESSAGE, channel: 'voice', code, locale: 'en' });

    const says = verbs(twilio.received[0]!.form.Twiml!).filter((verb) => verb.verb === 'Say');
    assert.deepEqual(
      says.map((say) => say.text),
      ['Your verification code is:', ...code, 'Once again, your code is:', ...code],
    );
  });

  it('rejects with Twilio’s error code, never the number or the code, when Twilio refuses', async (t) => {
    const twilio = await fakeTwilio(t, () => ({
      status: 400,
      body: JSON.stringify({
        code: 21211,
        message: `The 'To' number ${NUMBER} is not a valid phone number (body "Je verificatiecode is ${CODE}.").`,
        more_info: 'https://www.twilio.com/docs/errors/21211',
        status: 400,
      }),
    }));
    const log = logger();
    const error = await rejection(sender(twilio.apiBase, { logger: log }).send(MESSAGE));

    assert.ok(error instanceof TwilioError);
    assert.equal(error.status, 400);
    assert.equal(error.twilioCode, 21211);
    assert.match(
      error.message,
      /^Twilio refused the text message: error 21211, HTTP 400: The 'To' number \[redacted\]/,
    );
    assert.equal(twilio.received.length, 1, 'not asked again');
    assertNothingSecret([...log.lines, error.message]);
  });

  it('rejects on a 5xx without Twilio’s JSON, and does not ask again', async (t) => {
    const twilio = await fakeTwilio(t, () => ({ status: 503, body: '<html>Service Unavailable</html>' }));
    const log = logger();
    const error = await rejection(sender(twilio.apiBase, { logger: log }).send({ ...MESSAGE, channel: 'voice' }));

    assert.ok(error instanceof TwilioError);
    assert.equal(error.status, 503);
    assert.equal(error.twilioCode, undefined);
    assert.equal(error.message, 'Twilio refused the call: HTTP 503');
    assert.equal(twilio.received.length, 1);
    assertNothingSecret([...log.lines, error.message]);
  });

  it('rejects a success that is not the message Twilio created (a proxy’s page, a body cut short)', async (t) => {
    const answers: Reply[] = [
      { status: 200, body: '<html>Welcome to the office network</html>' },
      { status: 201, body: `{"sid":"${MESSAGE_SID}` },
      { status: 201, body: JSON.stringify({ status: 'queued' }) },
      created(CALL_SID),
      { status: 204, body: '' },
    ];
    const twilio = await fakeTwilio(t, () => answers[twilio.received.length - 1]!);
    const log = logger();
    const send = sender(twilio.apiBase, { logger: log });
    const errors: Error[] = [];
    for (const answer of answers) {
      const error = await rejection(send.send(MESSAGE));
      assert.equal(error.message, `Twilio answered HTTP ${answer.status} without the text message it created`);
      errors.push(error);
    }
    assert.equal(twilio.received.length, answers.length, 'each asked once');
    assertNothingSecret([...log.lines, ...errors.map((error) => error.message)]);
  });

  it('rejects a message or call that Twilio created failed or canceled, and takes one it accepted', async (t) => {
    const answers: Answer[] = [
      created(CALL_SID, 'failed'),
      created(CALL_SID, 'canceled'),
      created(MESSAGE_SID, 'failed'),
      created(MESSAGE_SID, 'accepted'),
      created(MESSAGE_SID.replace('SM', 'MM'), 'queued'),
    ];
    const twilio = await fakeTwilio(t, () => answers[twilio.received.length - 1]!);
    const send = sender(twilio.apiBase);
    const call = { ...MESSAGE, channel: 'voice' as const };
    assert.equal((await rejection(send.send(call))).message, `Twilio created the call ${CALL_SID} as failed`);
    assert.equal((await rejection(send.send(call))).message, `Twilio created the call ${CALL_SID} as canceled`);
    assert.equal(
      (await rejection(send.send(MESSAGE))).message,
      `Twilio created the text message ${MESSAGE_SID} as failed`,
    );
    await send.send(MESSAGE);
    await send.send(MESSAGE);
    assert.equal(twilio.received.length, 5);
  });

  it('rejects within its time-out when Twilio never answers', async (t) => {
    const twilio = await fakeTwilio(t, () => 'hang');
    const log = logger();
    const started = performance.now();
    const error = await rejection(sender(twilio.apiBase, { timeoutMs: 200, logger: log }).send(MESSAGE));

    assert.ok(performance.now() - started < 700);
    assert.equal(error.message, 'Twilio did not take the text message: no answer within 200 ms');
    assertNothingSecret([...log.lines, error.message]);
  });

  it('reads no more of an answer than Twilio’s could be, however fast it comes', async (t) => {
    // Something in Twilio's place pouring out an endless answer: held in memory until the time-out, it could take
    // the process down. It is refused once it is larger than any answer of Twilio's.
    for (const status of [201, 400]) {
      const twilio = await fakeTwilio(t, () => ({
        status,
        body: `{"sid":"${MESSAGE_SID}",${' '.repeat(65_536)}`,
        endless: true,
      }));
      const log = logger();
      const started = performance.now();
      const error = await rejection(sender(twilio.apiBase, { timeoutMs: 3000, logger: log }).send(MESSAGE));

      const took = performance.now() - started;
      assert.ok(took < 1500, `HTTP ${status}: given up after ${Math.round(took)} ms`);
      assert.doesNotMatch(error.message, /no answer within/);
      assertNothingSecret([...log.lines, error.message]);
    }
  });

  it('rejects on a network error', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const log = logger();
    const error = await rejection(sender(`http://127.0.0.1:${port}`, { logger: log }).send(MESSAGE));

    assert.equal(error.message, 'Twilio did not take the text message: network error (ECONNREFUSED)');
    assertNothingSecret([...log.lines, error.message]);
  });

  it('refuses a call without a number to call from, asking Twilio nothing', async (t) => {
    const twilio = await fakeTwilio(t);
    for (const options of [{ from: undefined, messagingServiceSid: SERVICE }, { from: 'Portal' }]) {
      const error = await rejection(sender(twilio.apiBase, options).send({ ...MESSAGE, channel: 'voice' }));
      assert.match(error.message, /calls need `from`/);
    }
    assert.equal(twilio.received.length, 0);
  });

  it('refuses at creation what cannot work, saying why', () => {
    const valid = { accountSid: SID, authToken: TOKEN, from: FROM };
    const refusals: [Partial<TwilioSenderOptions>, RegExp][] = [
      [{ accountSid: 'SK0123456789abcdef0123456789abcdef' }, /accountSid/],
      [{ authToken: '' }, /authToken/],
      [{ from: undefined }, /from or messagingServiceSid/],
      [{ from: '0612345678' }, /E\.164/],
      [{ messagingServiceSid: 'MG123' }, /messagingServiceSid/],
      [{ apiBase: 'http://api.twilio.com' }, /https:/],
      [{ otpHost: 'portal.example.com:8443' }, /host name only/],
      [{ timeoutMs: 0 }, /timeoutMs/],
    ];
    for (const [change, reason] of refusals)
      assert.throws(
        () => createTwilioSender({ ...valid, ...change }),
        (error: Error) => error instanceof ConfigurationError && reason.test(error.message),
        JSON.stringify(change),
      );
    assert.ok(createTwilioSender({ ...valid, from: 'Portal', messagingServiceSid: SERVICE }));
  });
});

describe('the Twilio sender in the handler', () => {
  it('texts a code the person can then verify', async (t) => {
    const twilio = await fakeTwilio(t);
    const server = setup({ sender: sender(twilio.apiBase, { otpHost: 'portal.example.com' }) });
    const id = await server.start(NUMBER);
    const code = /#(\d+)$/.exec(twilio.received[0]!.form.Body!)![1]!;
    assert.equal((await server.verify(id, code)).status, 204);
  });

  it('answers channel-unavailable when Twilio refuses, and logs neither the code nor the number', async (t) => {
    const twilio = await fakeTwilio(t, () => ({ status: 400, body: JSON.stringify({ code: 21614, status: 400 }) }));
    const log = logger();
    const server = setup({ sender: sender(twilio.apiBase, { logger: log }) });
    const response = await server.sendCode(NUMBER, 'voice');
    assert.equal(response.status, 422);
    assert.equal((await body(response)).error, 'channel-unavailable');
    const code = verbs(twilio.received[0]!.form.Twiml!)
      .filter((verb) => verb.text?.length === 1)
      .map((verb) => verb.text)
      .join('')
      .slice(0, 6);
    assert.match(log.lines[0]!, /error 21614/);
    assert.ok(
      [...log.lines, ...server.logged].every((line) => !line.includes(code) && !line.includes(NUMBER.slice(1))),
    );
  });
});
