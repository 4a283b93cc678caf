/** An inclusive IPv4 address range, each end as an unsigned 32-bit integer. */
export type Ipv4Range = { first: number; last: number };

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Parses a dotted-quad IPv4 address into an unsigned integer; null when malformed. */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => OCTET.test(part))) return null;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

/**
 * Parses `a.b.c.d/n` into the range it denotes. Host bits set below the
 * prefix are ignored, as EC2 does when it normalises a rule's CIDR.
 */
export function parseCidr(text: string): Ipv4Range | null {
  const [address, prefixText, extra] = text.trim().split('/');
  if (address === undefined || prefixText === undefined || extra !== undefined) {
    return null;
  }
  if (!/^\d{1,2}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  const base = parseIpv4(address);
  if (base === null || prefix > 32) return null;

  const size = 2 ** (32 - prefix);
  const first = Math.floor(base / size) * size;
  return { first, last: first + size - 1 };
}

/** True when every address of `inner` lies in `outer`; false when either is malformed. */
export function cidrCovers(outer: string, inner: string): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(inner);
  return a !== null && b !== null && a.first <= b.first && b.last <= a.last;
}

/** True when the two ranges share at least one address; false when either is malformed. */
export function cidrOverlaps(left: string, right: string): boolean {
  const a = parseCidr(left);
  const b = parseCidr(right);
  return a !== null && b !== null && a.first <= b.last && b.first <= a.last;
}

const NON_PUBLIC = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
];

/**
 * True when the range lies wholly inside address space that is never routed
 * on the internet (RFC 1918, shared address space, loopback, link-local), so
 * it cannot contain a public AWS service endpoint.
 */
export function isNonPublicCidr(cidr: string): boolean {
  return NON_PUBLIC.some((block) => cidrCovers(block, cidr));
}

/** True when the inclusive port range [from, to] contains every port of [low, high]. */
export function portsCover(from: number, to: number, low: number, high: number): boolean {
  return from <= low && high <= to;
}

/** True when the inclusive port ranges [from, to] and [low, high] share a port. */
export function portsOverlap(
  from: number,
  to: number,
  low: number,
  high: number,
): boolean {
  return from <= high && low <= to;
}
