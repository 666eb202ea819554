/**
 * The traffic of the server benchmarks: distinct client addresses and valid mobile numbers by index, the answers
 * they expect, and the command line. Nothing here depends on a version of the server.
 */

/** Mobile ranges that libphonenumber-js's `max` metadata takes as mobile for every index below ten million each. */
const MOBILE_RANGES: readonly ((local: string) => string)[] = [
  (local) => `+3161${local}`, // NL, 06-1
  (local) => `+49151${local.padStart(8, '0')}`, // DE, 0151
  (local) => `+4479${local.padStart(8, '0')}`, // GB, 079
  (local) => `+3361${local}`, // FR, 06 1
  (local) => `+3247${local}`, // BE, 047
];

/** The `index`-th number: a different one for every index below 50 million, spread over five countries in turn. */
export function phoneNumberAt(index: number): string {
  const range = MOBILE_RANGES[index % MOBILE_RANGES.length]!;
  return range(String(Math.floor(index / MOBILE_RANGES.length)).padStart(7, '0'));
}

/** The `index`-th client address: a different IPv4 address for every index below 2^24. */
export function clientAt(index: number): string {
  return `10.${(index >>> 16) & 255}.${(index >>> 8) & 255}.${index & 255}`;
}

export const BASE = 'http://portal.bench/api/security-info';

function post(index: number, path: string, body: unknown): Request {
  return new Request(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bench-user': `user-${index}`, 'x-bench-client': clientAt(index) },
    body: JSON.stringify(body),
  });
}

/** The `index`-th user asks, from the `index`-th address, for a text message to the `index`-th number. */
export const sendRequest = (index: number) =>
  post(index, '/phone/challenges', { phoneNumber: phoneNumberAt(index), channel: 'sms' });

/** The `index`-th user enters `code` for `challengeId`. */
export const verifyRequest = (index: number, challengeId: string, code: string) =>
  post(index, `/phone/challenges/${challengeId}/verify`, { code });

/** A sender that delivers nothing and keeps each code until the benchmark takes it, so that it can verify. */
export function codeKeeper() {
  const codes = new Map<string, string>();
  return {
    sender: {
      send: async (message: { phoneNumber: string; code: string }) => void codes.set(message.phoneNumber, message.code),
    },
    /** The code sent to the `index`-th number; forgotten once taken. */
    takeCode(index: number): string {
      const number = phoneNumberAt(index);
      const code = codes.get(number);
      if (code === undefined) throw new Error(`no code was sent to ${number}`);
      codes.delete(number);
      return code;
    },
  };
}

/** The challenge id of a send's answer; throws on anything but 201, since every benchmark send must go through. */
export async function challengeIdOf(response: Response): Promise<string> {
  const text = await response.text();
  if (response.status !== 201) throw new Error(`a send answered ${response.status}: ${text}`);
  return (JSON.parse(text) as { challengeId: string }).challengeId;
}

/** A code other than `code`, of the same length. */
export const wrongCode = (code: string) => (code.startsWith('0') ? '1' : '0') + code.slice(1);

/** The number after `--name` on the command line, or `fallback`. */
export function numberArgument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]?.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a whole number above 0`);
  return value;
}

export const hasFlag = (name: string) => process.argv.includes(`--${name}`);
