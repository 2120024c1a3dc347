

/**
 * Whether a certificate with these SANs (as in `CertificateFacts.sans`) and common name covers a
 * listener hostname, as TLS clients decide it. Null when the hostname is `*` or empty (any name).
 *
 * Comparison ignores ASCII case and one trailing dot. A SAN `*.example.com` covers exactly one
 * more label (`foo.example.com`, not `a.b.example.com` nor `example.com`); a wildcard listener
 * hostname is covered only by the same wildcard SAN. The common name is used only when there is
 * no DNS SAN (IP address SANs do not count).
 */
export function hostnameCovered(sans: string[], commonName: string | null, hostname: string): boolean | null {
  const host = normaliseName(hostname);
  if (host === '' || host === '*') return null;
  const dnsNames = sans.filter((s) => !isIpAddress(s));
  const names = dnsNames.length > 0 ? dnsNames : commonName !== null ? [commonName] : [];
  return names.some((name) => nameCovers(normaliseName(name), host));
}

/** Node prints a name one attribute per line (RFC 2253 escaping); an empty name has no lines. */
export function splitName(name: string | undefined): string[] {
  return (name ?? '').split('\n').filter((line) => line !== '');
}

/** The last CN attribute of a name, unescaped; null when there is none. */
export function commonNameOf(lines: string[]): string | null {
  let found: string | null = null;
  for (const line of lines) {
    for (const attribute of line.split(/(?<!\\) \+ /)) {
      if (attribute.startsWith('CN=')) found = unescapeDn(attribute.slice(3));
    }
  }
  return found;
}

export function unescapeDn(value: string): string {
  return value.replace(
    /\\(?:([0-9A-Fa-f]{2})|(.))/g,
    (_, pair: string | undefined, char: string | undefined) =>
      pair !== undefined ? String.fromCharCode(parseInt(pair, 16)) : (char ?? ''),
  );
}

/**
 * The DNS names and IP addresses of Node's `subjectAltName` text (`DNS:a, IP Address:10.0.0.1`),
 * without their prefixes, in certificate order. Node writes a value with special characters as a
 * JSON string literal; other entry kinds (URI, email, ...) are left out.
 */
export function parseSubjectAltName(text: string | undefined): string[] {
  const out: string[] = [];
  if (text === undefined) return out;
  let i = 0;
  while (i < text.length) {
    const colon = text.indexOf(':', i);
    if (colon < 0) break;
    const kind = text.slice(i, colon);
    let value: string | null;
    let end: number;
    if (text[colon + 1] === '"') {
      end = closingQuote(text, colon + 2);
      const parsed: unknown = safely(() => JSON.parse(text.slice(colon + 1, end + 1)) as unknown, null);
      value = typeof parsed === 'string' ? parsed : null;
      end = end < 0 ? text.length : end + 1;
    } else {
      const comma = text.indexOf(', ', colon + 1);
      end = comma < 0 ? text.length : comma;
      value = text.slice(colon + 1, end);
    }
    if ((kind === 'DNS' || kind === 'IP Address') && typeof value === 'string') out.push(value);
    i = text.startsWith(', ', end) ? end + 2 : end + 1;
  }
  return out;
}

/** The index of the quote closing a JSON string whose body starts at `from`; -1 when none. */
export function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

export function normaliseName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

export function isIpAddress(s: string): boolean {
  return s.includes(':') || /^\d{1,3}(\.\d{1,3}){3}$/.test(s);
}

/** Both names normalised; `pattern` may be a SAN wildcard `*.rest`. */
export function nameCovers(pattern: string, host: string): boolean {
  if (pattern === '') return false;
  if (pattern === host) return true;
  if (!pattern.startsWith('*.') || host.startsWith('*')) return false;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1) === pattern.slice(2);
}

export function safely<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
