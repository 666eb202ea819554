/** What may go into a log line: never a code or a whole phone number. */

/** Replaces every run of six or more digits (a code, a phone number, however spaced) with `[redacted]`. */
export function redact(text: string): string {
  return text.replace(/\+?\d(?:[\s().-]*\d){5,}/g, '[redacted]').slice(0, 300);
}

/** A thrown value as one safe line: its name and its redacted message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return redact(`${error.name}: ${error.message}`);
  return typeof error;
}
