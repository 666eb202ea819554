/** A local SMTP server that keeps every message it is given, decoded enough to check it exactly: for the tests. */
import type { TestContext } from 'node:test';
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ReceivedEmail {
  /** The envelope: `MAIL FROM` and `RCPT TO`. */
  mailFrom: string;
  rcptTo: string[];
  /** Header names in lower case, values unfolded and decoded (RFC 2047 encoded words). */
  headers: Record<string, string>;
  /** The body, decoded from its transfer encoding. */
  text: string;
  raw: string;
}

/** `=?UTF-8?Q?...?=` and `=?UTF-8?B?...?=` words of a header, decoded. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, word: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(word, 'base64').toString('utf8')
        : decodeQuotedPrintable(word.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parse(raw: string): Pick<ReceivedEmail, 'headers' | 'text'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4).replace(/\r\n$/, '');
  const encoding = headers['content-transfer-encoding']?.toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { headers, text: text.replace(/\r\n/g, '\n') };
}

/** How the sink plays a slow or broken server: how long it waits before it answers, and whether it hangs up. */
export interface SinkConduct {
  /** Before the greeting, and before answering MAIL FROM and RCPT TO. */
  stepMs?: number;
  /** Before answering the "." that ends a message (which it keeps as soon as the "." arrives). */
  endMs?: number;
  /** Drops the connection instead of answering the "." (the message kept, as a server that fails then may). */
  hangUpAtEnd?: boolean;
}

/**
 * Listens on 127.0.0.1 without TLS (a loopback server may be spoken to in clear text), takes any sender without
 * authentication unless `options` say otherwise, and keeps what it received: `received` holds every message whose
 * "." arrived, `closed` counts the connections that ended.
 */
export async function smtpSink(t: TestContext, options: Partial<SMTPServerOptions> = {}, delays: SinkConduct = {}) {
  const received: ReceivedEmail[] = [];
  const state = { closed: 0 };
  // An answer held back does not keep the test's process alive once the client has gone.
  const later = (ms: number | undefined, answer: () => void) => (ms ? void setTimeout(answer, ms).unref() : answer());
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    // Before its greeting the server looks up the client's name in the DNS, waiting up to 1.5 s: a time that
    // depends on the machine's resolver, spent inside the senders' time-outs.
    disableReverseLookup: true,
    onConnect: (_session, callback) => later(delays.stepMs, callback),
    onMailFrom: (_address, _session, callback) => later(delays.stepMs, callback),
    onRcptTo: (_address, _session, callback) => later(delays.stepMs, callback),
    onClose: () => void state.closed++,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((to) => to.address),
          raw,
          ...parse(raw),
        });
        if (delays.hangUpAtEnd) for (const socket of sockets) socket.destroy();
        else later(delays.endMs, callback);
      });
    },
    ...options,
  });
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    get closed() {
      return state.closed;
    },
  };
}
