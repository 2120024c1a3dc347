/**
 * PEM bundles as Kuma's builtin gateway reads them (`NewServerSecret` in
 * `pkg/plugins/runtime/gateway/filter_chain_generator.go`, v2.14.3), plus facts about each
 * certificate computed with `node:crypto` at a given `now`.
 *
 * Invariant: no function here throws, whatever the input. Invariant: private key material never
 * reaches a result; results say only whether a key was there, its type and whether it matches.
 */
import { Buffer } from 'node:buffer';
import { goQuote } from '../base/go-quote.js';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { CertificateFacts, KeyType, PemBundleFacts, PemProblem } from './certificate-types.js';

/** One block as Go's `pem.Decode` returns it: the type from the BEGIN line and the decoded body. */
interface PemBlock {
  type: string;
  bytes: Buffer;
}

/** A certificate block that `X509Certificate` could read, with what the bundle checks need. */
interface ReadCertificate {
  blockIndex: number;
  facts: CertificateFacts;
  x509: X509Certificate;
  ca: boolean;
}

/** What Kuma makes of the first private key block, and the key when `node:crypto` can read it. */
interface KeyReading {
  kuma: 'rsa' | 'ecdsa' | 'ed25519' | 'unparseable';
  type: KeyType | null;
  key: KeyObject | null;
}

const MS_PER_DAY = 86_400_000;

/** EC curves Go's `crypto/x509` parses, by OpenSSL name; keys on other curves fail in Kuma. */
const GO_EC_CURVES = new Set(['secp224r1', 'prime256v1', 'secp384r1', 'secp521r1']);

const CURVE_BITS: Record<string, number> = {
  secp224r1: 224,
  prime256v1: 256,
  secp256k1: 256,
  secp384r1: 384,
  secp521r1: 521,
};

/**
 * Reads a PEM bundle the way Kuma's `NewServerSecret` does and describes what it holds.
 *
 * Blocks are found exactly as Go's `pem.Decode` finds them (text before, between and after blocks
 * is skipped; a malformed block is skipped, not counted) and are numbered from 0 in that order;
 * `secret[i]` in Kuma's messages uses that number.
 *
 * `problems` holds at most one `fatal` problem: the error Kuma returns for this bundle, word for
 * word (Kuma stops at the first one, so later faults have no Kuma message). Non-fatal problems
 * follow, in block order: certificate blocks `X509Certificate` cannot read, a leaf that is not
 * the first certificate, and a key that does not match the leaf.
 *
 * `certificates` has one entry per certificate block that could be read, in bundle order. The
 * leaf is the first certificate block, the one Envoy serves; `keyMatchesLeaf` is null when that
 * block cannot be read, when there is no key block, or when the first key block cannot be read.
 * Only the first key block is ever decoded (Kuma rejects any second one unread).
 *
 * `now` must be a valid date; it is the moment `daysLeft` and `expired` are measured at.
 */
export function readPemBundle(text: string, now: Date): PemBundleFacts {
  const blocks = decodePemBlocks(text);
  const certificates: ReadCertificate[] = [];
  const ourProblems: PemProblem[] = [];
  let fatal: PemProblem | null = null;
  let privateKeyCount = 0;
  let firstCertificateBlock = -1;
  let keyReading: KeyReading | null = null;

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.type.endsWith('PRIVATE KEY')) {
      privateKeyCount++;
      if (privateKeyCount === 1) {
        keyReading = readPrivateKey(block.bytes);
        if (fatal === null && keyReading.kuma === 'unparseable') {
          fatal = kumaBlockProblem('unparseable-private-key', i, 'failed to parse private key');
        } else if (fatal === null && keyReading.kuma === 'ed25519') {
          fatal = kumaBlockProblem(
            'unsupported-private-key-type',
            i,
            'unsupported private key type ed25519.PrivateKey',
          );
        }
      } else if (fatal === null) {
        fatal = kumaBlockProblem('multiple-private-keys', i, 'secret contains multiple private keys');
      }
    } else if (block.type.endsWith('CERTIFICATE')) {
      if (firstCertificateBlock < 0) firstCertificateBlock = i;
      const read = readCertificate(block.bytes, i, now);
      if (read === null) {
        ourProblems.push({
          code: 'unparseable-certificate',
          message:
            `Block secret[${i}] (${goQuote(block.type)}) is not a readable X.509 certificate; ` +
            'Envoy rejects a certificate chain that contains it.',
          fatal: false,
        });
      } else {
        certificates.push(read);
      }
    } else if (fatal === null) {
      fatal = kumaBlockProblem('unsupported-pem-block', i, `unsupported PEM block ${goQuote(block.type)}`);
    }
  }

  if (fatal === null && firstCertificateBlock < 0) {
    fatal = {
      code: blocks.length === 0 ? 'not-pem' : 'missing-certificate',
      message: 'missing server certificate',
      fatal: true,
    };
  }
  if (fatal === null && privateKeyCount === 0) {
    fatal = { code: 'missing-private-key', message: 'missing private key', fatal: true };
  }

  const chain = checkChain(certificates, firstCertificateBlock, keyReading?.key ?? null);
  ourProblems.push(...chain.problems);

  return {
    certificates: certificates.map((c) => c.facts),
    privateKeyCount,
    privateKeyType: keyReading?.type ?? null,
    keyMatchesLeaf: chain.keyMatchesLeaf,
    problems: fatal === null ? ourProblems : [fatal, ...ourProblems],
  };
}

/**
 * The certificate blocks of a PEM bundle (type exactly `CERTIFICATE`), in bundle order, each
 * re-encoded as `-----BEGIN CERTIFICATE-----`, base64 in 64-character lines and
 * `-----END CERTIFICATE-----`, ending with a newline. Headers and text around blocks are dropped,
 * and no other block type (in particular no key) is ever returned.
 */
export function certificateBlocks(text: string): string[] {
  const out: string[] = [];
  for (const block of decodePemBlocks(text)) {
    if (block.type !== 'CERTIFICATE') continue;
    const base64 = block.bytes.toString('base64');
    const lines: string[] = [];
    for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
    out.push(['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----', ''].join('\n'));
  }
  return out;
}

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

/**
 * Decodes base64 (standard or URL-safe alphabet, padding optional, whitespace ignored) to text:
 * UTF-8 when the bytes are valid UTF-8, otherwise one character per byte (latin1), so that binary
 * data keeps its byte values. Null when a character outside the alphabet appears, when padding is
 * misplaced, or when the length cannot be base64.
 */
export function decodeBase64(text: string): string | null {
  const compact = text.replace(/[\s]+/g, '');
  const match = /^([A-Za-z0-9+/_-]*)(={0,2})$/.exec(compact);
  if (match === null) return null;
  const [, body, padding] = match;
  if (/[+/]/.test(body) && /[-_]/.test(body)) return null;
  if (body.length % 4 === 1) return null;
  if (padding.length > 0 && (body.length + padding.length) % 4 !== 0) return null;
  const bytes = Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytesToText(bytes);
}

function bytesToText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/**
 * Checks the order of the chain and the key against the leaf, the first certificate block
 * (`firstBlock`). With a readable key, a mismatch is `leaf-not-first` when a later certificate
 * matches and `key-does-not-match-leaf` otherwise; without one, a CA first and an end-entity
 * certificate later is `leaf-not-first`. Nothing is checked when the leaf could not be read.
 */
function checkChain(
  certificates: ReadCertificate[],
  firstBlock: number,
  key: KeyObject | null,
): { keyMatchesLeaf: boolean | null; problems: PemProblem[] } {
  const leaf = certificates.length > 0 && certificates[0].blockIndex === firstBlock ? certificates[0] : null;
  if (leaf === null) return { keyMatchesLeaf: null, problems: [] };
  const others = certificates.slice(1);
  if (key !== null) {
    if (keyMatches(leaf.x509, key)) return { keyMatchesLeaf: true, problems: [] };
    const matching = others.find((c) => keyMatches(c.x509, key));
    const problem: PemProblem =
      matching !== undefined
        ? leafNotFirst(
            `The private key belongs to the certificate in block secret[${matching.blockIndex}], but Envoy ` +
              `serves the first certificate (block secret[${leaf.blockIndex}]) as the leaf; put the server ` +
              'certificate first.',
          )
        : {
            code: 'key-does-not-match-leaf',
            message:
              `The private key does not belong to the first certificate (block secret[${leaf.blockIndex}]), ` +
              'which Envoy serves as the leaf; TLS handshakes will fail.',
            fatal: false,
          };
    return { keyMatchesLeaf: false, problems: [problem] };
  }
  const endEntity = leaf.ca ? others.find((c) => !c.ca) : undefined;
  if (endEntity === undefined) return { keyMatchesLeaf: null, problems: [] };
  const problem = leafNotFirst(
    `The first certificate (block secret[${leaf.blockIndex}]) is a CA certificate and the one in block ` +
      `secret[${endEntity.blockIndex}] is not; Envoy serves the first certificate as the leaf, so put the ` +
      'server certificate first.',
  );
  return { keyMatchesLeaf: null, problems: [problem] };
}

function kumaBlockProblem(code: PemProblem['code'], index: number, message: string): PemProblem {
  return { code, message: `secret[${index}]: ${message}`, fatal: true };
}

function leafNotFirst(message: string): PemProblem {
  return { code: 'leaf-not-first', message, fatal: false };
}

/**
 * Reads a private key the way Kuma's `tls.ParsePrivateKey` does: PKCS#1, then SEC1, then PKCS#8.
 * Kuma accepts RSA and ECDSA on the curves Go knows, rejects Ed25519 with its own message, and
 * fails on anything else (other algorithms, encrypted keys). The returned KeyObject is for the
 * leaf check only and must not be stored.
 */
function readPrivateKey(der: Buffer): KeyReading {
  let parsed: KeyObject | null = null;
  for (const type of ['pkcs1', 'sec1', 'pkcs8'] as const) {
    parsed = safely(() => createPrivateKey({ key: der, format: 'der', type }), null);
    if (parsed !== null) break;
  }
  der.fill(0);
  if (parsed === null) return { kuma: 'unparseable', type: null, key: null };
  const key = parsed;
  const algorithm = safely(() => key.asymmetricKeyType, undefined);
  if (algorithm === 'rsa') return { kuma: 'rsa', type: 'RSA', key };
  if (algorithm === 'ec') {
    const curve = safely(() => key.asymmetricKeyDetails?.namedCurve, undefined);
    const known = curve !== undefined && GO_EC_CURVES.has(curve);
    return { kuma: known ? 'ecdsa' : 'unparseable', type: 'ECDSA', key };
  }
  if (algorithm === 'ed25519') return { kuma: 'ed25519', type: 'Ed25519', key };
  return { kuma: 'unparseable', type: 'other', key };
}

function keyMatches(cert: X509Certificate, key: KeyObject): boolean {
  return safely(() => cert.checkPrivateKey(key), false);
}

function readCertificate(der: Buffer, blockIndex: number, now: Date): ReadCertificate | null {
  try {
    const x509 = new X509Certificate(der);
    const notBefore = Date.parse(x509.validFrom);
    const notAfter = Date.parse(x509.validTo);
    if (Number.isNaN(notBefore) || Number.isNaN(notAfter)) return null;
    const subjectLines = splitName(x509.subject);
    const issuerLines = splitName(x509.issuer);
    const subject = subjectLines.join(', ');
    const issuer = issuerLines.join(', ');
    const publicKey = safely(() => x509.publicKey, null);
    const algorithm = publicKey?.asymmetricKeyType;
    const details = publicKey === null ? undefined : safely(() => publicKey.asymmetricKeyDetails, undefined);
    const curve = algorithm === 'ec' ? (details?.namedCurve ?? null) : null;
    const keyBits = curve !== null ? (CURVE_BITS[curve] ?? null) : (details?.modulusLength ?? null);
    const selfSigned =
      subject === issuer && publicKey !== null && safely(() => x509.verify(publicKey), false);
    const facts: CertificateFacts = {
      subject,
      commonName: commonNameOf(subjectLines),
      issuer,
      sans: parseSubjectAltName(x509.subjectAltName),
      serialNumber: x509.serialNumber,
      notBefore: new Date(notBefore).toISOString(),
      notAfter: new Date(notAfter).toISOString(),
      daysLeft: Math.floor((notAfter - now.getTime()) / MS_PER_DAY),
      expired: now.getTime() > notAfter,
      keyType: keyTypeOf(algorithm),
      keyBits,
      curve,
      selfSigned,
      fingerprint256: x509.fingerprint256,
    };
    return { blockIndex, facts, x509, ca: x509.ca };
  } catch {
    return null;
  }
}

function keyTypeOf(algorithm: string | undefined): KeyType {
  if (algorithm === 'rsa') return 'RSA';
  if (algorithm === 'ec') return 'ECDSA';
  if (algorithm === 'ed25519') return 'Ed25519';
  return 'other';
}

/** Node prints a name one attribute per line (RFC 2253 escaping); an empty name has no lines. */
function splitName(name: string | undefined): string[] {
  return (name ?? '').split('\n').filter((line) => line !== '');
}

/** The last CN attribute of a name, unescaped; null when there is none. */
function commonNameOf(lines: string[]): string | null {
  let found: string | null = null;
  for (const line of lines) {
    for (const attribute of line.split(/(?<!\\) \+ /)) {
      if (attribute.startsWith('CN=')) found = unescapeDn(attribute.slice(3));
    }
  }
  return found;
}

function unescapeDn(value: string): string {
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
function parseSubjectAltName(text: string | undefined): string[] {
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
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function normaliseName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function isIpAddress(s: string): boolean {
  return s.includes(':') || /^\d{1,3}(\.\d{1,3}){3}$/.test(s);
}

/** Both names normalised; `pattern` may be a SAN wildcard `*.rest`. */
function nameCovers(pattern: string, host: string): boolean {
  if (pattern === '') return false;
  if (pattern === host) return true;
  if (!pattern.startsWith('*.') || host.startsWith('*')) return false;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1) === pattern.slice(2);
}

function safely<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

// ---------------------------------------------------------------------------------------------
// PEM decoding: a port of Go's `encoding/pem.Decode`, applied repeatedly as Kuma does. Searches
// for BEGIN and END markers go through `Finder` so that malformed input stays linear in time.

const PEM_START = '\n-----BEGIN ';
const PEM_END = '\n-----END ';
const PEM_END_OF_LINE = '-----';

/** `indexOf(needle, from)` on one text; from offsets that never decrease, linear in total. */
type Finder = (from: number) => number;

/** Remembers the last answer: it stays right for any later start up to the match it found. */
function makeFinder(text: string, needle: string): Finder {
  let lastFrom = -1;
  let lastAt = -1;
  return (from) => {
    if (lastFrom >= 0 && from >= lastFrom && (lastAt === -1 || lastAt >= from)) return lastAt;
    lastFrom = from;
    lastAt = text.indexOf(needle, from);
    return lastAt;
  };
}

/** Decodes every PEM block of `text`, in order, with Go's rules for what a block is. */
function decodePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const starts = makeFinder(text, PEM_START);
  const ends = makeFinder(text, PEM_END);
  const endLineBlank = new Map<number, boolean>();
  let data = 0;
  for (;;) {
    const decoded = decodeOne(text, data, starts, ends, endLineBlank);
    if (decoded === null) return blocks;
    blocks.push(decoded.block);
    data = decoded.rest;
  }
}

/** One call of Go's `pem.Decode` on `text` from offset `data`; null when it finds no block. */
function decodeOne(
  text: string,
  data: number,
  starts: Finder,
  ends: Finder,
  endLineBlank: Map<number, boolean>,
): { block: PemBlock; rest: number } | null {
  let rest = data;
  for (;;) {
    if (text.startsWith(PEM_START.slice(1), rest)) {
      rest += PEM_START.length - 1;
    } else {
      const at = starts(rest);
      if (at < 0) return null;
      rest = at + PEM_START.length;
    }

    const typeLine = getLine(text, rest);
    rest = typeLine.next;
    if (!typeLine.line.endsWith(PEM_END_OF_LINE)) continue;
    const type = typeLine.line.slice(0, -PEM_END_OF_LINE.length);

    let hasHeaders = false;
    for (;;) {
      // Go stops decoding the whole input, not just this block, when the text ends in the headers.
      if (rest >= text.length) return null;
      const line = getLine(text, rest);
      if (!line.line.includes(':')) break;
      hasHeaders = true;
      rest = line.next;
    }

    let endIndex: number;
    let endTrailerIndex: number;
    if (!hasHeaders && text.startsWith(PEM_END.slice(1), rest)) {
      endIndex = rest;
      endTrailerIndex = rest + PEM_END.length - 1;
    } else {
      endIndex = ends(rest);
      endTrailerIndex = endIndex + PEM_END.length;
    }
    if (endIndex < 0) continue;

    const trailerLength = type.length + PEM_END_OF_LINE.length;
    if (text.length - endTrailerIndex < trailerLength) continue;
    if (text.slice(endTrailerIndex, endTrailerIndex + trailerLength) !== type + PEM_END_OF_LINE) continue;
    if (!restOfLineBlank(text, endTrailerIndex + trailerLength, endLineBlank)) continue;

    const bytes = decodeGoBase64(text, rest, endIndex);
    if (bytes === null) continue;
    return { block: { type, bytes }, rest: getLine(text, endIndex + PEM_END.length - 1).next };
  }
}

/** Go's `getLine`: the line from `from` without its `\n` and trailing spaces, tabs and `\r`. */
function getLine(text: string, from: number): { line: string; next: number } {
  const newline = text.indexOf('\n', from);
  const end = newline < 0 ? text.length : newline;
  let trimmed = end;
  while (trimmed > from && isSpaceTabOrCr(text.charCodeAt(trimmed - 1))) trimmed--;
  return { line: text.slice(from, trimmed), next: newline < 0 ? text.length : newline + 1 };
}

/** Whether the line from `from` holds only spaces, tabs and `\r`; answers are cached by offset. */
function restOfLineBlank(text: string, from: number, cache: Map<number, boolean>): boolean {
  const cached = cache.get(from);
  if (cached !== undefined) return cached;
  let blank = true;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) break;
    if (!isSpaceTabOrCr(c)) {
      blank = false;
      break;
    }
  }
  cache.set(from, blank);
  return blank;
}

function isSpaceTabOrCr(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/**
 * Decodes `text[from, to)` as Go's `pem.Decode` does: spaces and tabs removed, then standard
 * base64 with padding, ignoring `\r` and `\n`. Null on the first character that makes it invalid.
 */
function decodeGoBase64(text: string, from: number, to: number): Buffer | null {
  const chars: string[] = [];
  let count = 0;
  let padding = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (c === 61 /* = */) {
      padding++;
      if (padding > 2) return null;
    } else if (padding > 0 || !isStandardBase64(c)) {
      return null;
    }
    count++;
    chars.push(text[i]);
  }
  if (count % 4 !== 0) return null;
  return Buffer.from(chars.join(''), 'base64');
}

function isStandardBase64(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    c === 43 /* + */ ||
    c === 47 /* / */
  );
}
