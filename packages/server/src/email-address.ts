/** Email addresses with their domain in ASCII (IDNA's `xn--` form), for sending and for comparing. */
import { domainToASCII } from 'node:url';

/**
 * `domain` in ASCII (`xn--`), or as written when it has none (`domainToASCII` answers '' for a domain it refuses).
 * Lowercase only as `domainToASCII` does: a domain it refuses keeps its case.
 */
export function asciiDomain(domain: string): string {
  return domainToASCII(domain) || domain;
}

/**
 * `address` with its domain in ASCII: every SMTP server takes it, where a Unicode domain needs SMTPUTF8, and two
 * writings of one domain compare equal. The local part stays as it is (`checkEmail` allows only ASCII there), or
 * with `lowercase` is lowercased, as the domain is then before it is converted.
 */
export function asciiAddress(address: string, { lowercase = false }: { lowercase?: boolean } = {}): string {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  return lowercase ? `${local.toLowerCase()}@${asciiDomain(domain.toLowerCase())}` : `${local}@${asciiDomain(domain)}`;
}
