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
import { decodePemBlocks } from './pem-decode.js';
import { commonNameOf, parseSubjectAltName, splitName } from './x509-names.js';
import { safely } from './x509-names.js';

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
