/** What may go into a log line: never a code, a whole phone number, an email address or a bearer token. */

/** Something shaped like an email address: a mailer's error often names the recipient. */
const EMAIL = /[^\s@<>()[\]{}"'`,;:]+@[^\s@<>()[\]{}"'`,;:]+/g;
/** A credential after its scheme (`Bearer ...`, `Basic ...`), and a JSON Web Token wherever it stands. */
const CREDENTIAL = /\b(Bearer|Basic)\s+[^\s,;)]+/gi;
const JWT = /\beyJ[\w-]*\.[\w-]*(?:\.[\w-]*)?/g;
/** How much of a message is read: more than the 300 characters a line keeps, so what replacing shortens is there. */
const MAX_READ = 1000;

/**
 * Replaces email addresses, credentials, and every run of six or more digits (a code, a phone number, however
 * spaced) with `[redacted]`.
 */
export function redact(text: string): string {
  // Only the start is kept, and read: the patterns above take time that grows with the square of a long run of
  // text, so a message of a megabyte would hold the process for hours. The word cut in two at the end goes, as a
  // number cut short would no longer look like one.
  const start = text.length > MAX_READ ? text.slice(0, MAX_READ).replace(/\S*$/, '') : text;
  return start
    .replace(EMAIL, '[redacted]')
    .replace(CREDENTIAL, '$1 [redacted]')
    .replace(JWT, '[redacted]')
    .replace(/\+?\d(?:[\s().-]*\d){5,}/g, '[redacted]')
    .slice(0, 300);
}

/** A thrown value as one safe line: its name and its redacted message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return redact(`${error.name}: ${error.message}`);
  return typeof error;
}
