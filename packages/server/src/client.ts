/**
 * Who is asking, for the per-client limits: the network address a request came from, never a header a client can
 * set. IPv6 addresses count per /64 (what one subscriber usually holds), IPv4-mapped IPv6 as the IPv4 they are.
 */

/** What the runtime knows about the connection: Node's socket, Deno's `info.remoteAddr`, Bun's `requestIP`. */
export interface ConnectionInfo {
  remoteAddress?: string | undefined;
}

/** Names the client of a request for the per-client limits; `undefined` when it cannot be told. */
export type ClientKey = (request: Request, connection: ConnectionInfo) => string | undefined;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4(text: string): string | undefined {
  const parts = IPV4.exec(text);
  if (!parts) return undefined;
  const bytes = parts.slice(1).map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes.join('.') : undefined;
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail included), or `undefined`. */
function ipv6Groups(text: string): number[] | undefined {
  let address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!/^[0-9a-f:.]+$/i.test(address) || address.length > 45) return undefined;
  const dotted = /(?<=:)\d+\.[\d.]+$/.exec(address);
  if (dotted) {
    const v4 = ipv4(dotted[0]);
    if (!v4) return undefined;
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
    address = `${address.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':'));
  const left = parse(halves[0]!);
  const right = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  return groups.map((group) => parseInt(group, 16));
}

/**
 * The key of an address: an IPv4 address as itself, an IPv4-mapped IPv6 address as its IPv4, any other IPv6 address
 * as its /64 prefix. Anything else is not an address: `undefined`.
 */
export function addressKey(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const trimmed = address.trim();
  const v4 = ipv4(trimmed);
  if (v4) return v4;
  const groups = ipv6Groups(trimmed);
  if (!groups) return undefined;
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The client is the connection's address: the default of the Node adapters. */
export const connectionAddress: ClientKey = (_request, connection) => addressKey(connection.remoteAddress);

/**
 * Behind `hops` proxies you trust (a load balancer, a CDN), each appending to `X-Forwarded-For`: the address the
 * nearest untrusted hop connected from. Entries further left were written by the client and are ignored.
 */
export function forwardedFor(hops: number): ClientKey {
  if (!Number.isInteger(hops) || hops < 0) throw new RangeError('forwardedFor(hops): hops is a whole number >= 0');
  return (request, connection) => {
    if (hops === 0) return addressKey(connection.remoteAddress);
    const chain = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    // The connection itself is the last proxy; the proxies before it appended hops - 1 entries.
    const entry = chain[chain.length - hops];
    return addressKey(entry);
  };
}
