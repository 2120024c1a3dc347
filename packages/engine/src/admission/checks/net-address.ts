/**
 * Address syntax as the Dataplane validator sees it: Go's `net.ParseIP` (dotted IPv4 without
 * leading zeros, IPv6 with `::` and an optional trailing IPv4, no zone) and govalidator's
 * `IsDNSName`.
 */

/** The 16 bytes of an address (IPv4 as IPv4-mapped IPv6), or null when it is not one. */
export function parseIP(text: string): number[] | null {
  const v4 = parseIPv4(text);
  if (v4) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4];
  return parseIPv6(text);
}

function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

function parseIPv6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  // Only the last group of the address may be an embedded IPv4 address.
  const head = groups(halves[0], halves.length === 1);
  const tail = halves.length === 2 ? groups(halves[1], true) : [];
  if (!head || !tail) return null;
  const words = [...head, ...tail];
  const count = words.reduce((n, g) => n + g.length / 2, 0);
  if (halves.length === 1 ? count !== 8 : count > 7) return null;
  const headBytes = head.flat();
  const tailBytes = tail.flat();
  const zeros = new Array<number>(16 - headBytes.length - tailBytes.length).fill(0);
  return [...headBytes, ...zeros, ...tailBytes];
}

/** Colon-separated groups as byte pairs; a final dotted IPv4 group gives four bytes. */
function groups(text: string, allowV4: boolean): number[][] | null {
  if (text === '') return [];
  const parts = text.split(':');
  const out: number[][] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (i === parts.length - 1 && allowV4 && p.includes('.')) {
      const v4 = parseIPv4(p);
      if (!v4) return null;
      out.push(v4);
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return null;
    const n = parseInt(p, 16);
    out.push([n >> 8, n & 0xff]);
  }
  return out;
}

export function isIP(text: string): boolean {
  return parseIP(text) !== null;
}

/** `IP.IsUnspecified`: 0.0.0.0 or ::. */
export function isUnspecified(ip: number[]): boolean {
  const v4zero = ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff && ip.slice(12).every((b) => b === 0);
  return v4zero || ip.every((b) => b === 0);
}

export function sameIP(a: number[], b: number[]): boolean {
  return a.every((x, i) => x === b[i]);
}

const DNS_NAME = /^([a-zA-Z0-9_]{1}[a-zA-Z0-9_-]{0,62}){1}(\.[a-zA-Z0-9_]{1}[a-zA-Z0-9_-]{0,62})*[._]?$/;

/** govalidator's `IsDNSName`. */
export function isDNSName(text: string): boolean {
  if (text === '' || text.replaceAll('.', '').length > 255) return false;
  return !isIP(text) && DNS_NAME.test(text);
}
