import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { certificateBlocks, decodeBase64, hostnameCovered, readPemBundle } from '@meshgw/engine/testing';
import type { PemBundleFacts, PemProblem } from '@meshgw/engine/testing';

const FIXTURES = new URL('../fixtures/certs/', import.meta.url);
const NOW = new Date('2026-01-01T00:00:00Z');
const NOT_AFTER = '2099-12-31T23:59:59.000Z';

function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'latin1');
}

function fingerprintOf(name: string): string {
  return new X509Certificate(readFileSync(new URL(name, FIXTURES))).fingerprint256;
}

/** The problems as `[code, message, fatal]`, the form every case below asserts. */
function problemsOf(facts: PemBundleFacts): [string, string, boolean][] {
  return facts.problems.map((p: PemProblem) => [p.code, p.message, p.fatal]);
}

/** Reads `text` and checks the problems exactly; Kuma's messages are compared word for word. */
function check(text: string, problems: [string, string, boolean][], now: Date = NOW): PemBundleFacts {
  const facts = readPemBundle(text, now);
  const seen = problemsOf(facts);
  expect(seen.map(([code, message, fatal]) => [code, fatal ? message : expect.any(String), fatal])).toEqual(
    problems,
  );
  return facts;
}

const KEY_FIXTURES = [
  'bundle-rsa.pem',
  'bundle-ecdsa.pem',
  'key-first.pem',
  'ca-first.pem',
  'two-keys.pem',
  'ec-parameters.pem',
  'ed25519.pem',
  'encrypted-key.pem',
  'encrypted-key-legacy.pem',
  'mismatched-key.pem',
  'odd-names.pem',
  'rsa-leaf.key',
  'ecdsa-leaf.key',
];

describe('readPemBundle: bundles Kuma accepts', () => {
  it('reads an RSA leaf, its CA and its key', () => {
    const facts = check(fixture('bundle-rsa.pem'), []);
    expect(facts.privateKeyCount).toBe(1);
    expect(facts.privateKeyType).toBe('RSA');
    expect(facts.keyMatchesLeaf).toBe(true);
    expect(facts.certificates).toEqual([
      {
        subject: 'CN=foo.example.com, O=meshgw test',
        commonName: 'foo.example.com',
        issuer: 'CN=meshgw test CA, O=meshgw test',
        sans: ['foo.example.com', '*.apps.example.com', '10.0.0.1'],
        serialNumber: '1001',
        notBefore: '2025-01-01T00:00:00.000Z',
        notAfter: NOT_AFTER,
        daysLeft: 27027,
        expired: false,
        keyType: 'RSA',
        keyBits: 2048,
        curve: null,
        selfSigned: false,
        fingerprint256: fingerprintOf('rsa-leaf.crt'),
      },
      {
        subject: 'CN=meshgw test CA, O=meshgw test',
        commonName: 'meshgw test CA',
        issuer: 'CN=meshgw test CA, O=meshgw test',
        sans: [],
        serialNumber: '1000',
        notBefore: '2025-01-01T00:00:00.000Z',
        notAfter: NOT_AFTER,
        daysLeft: 27027,
        expired: false,
        keyType: 'RSA',
        keyBits: 2048,
        curve: null,
        selfSigned: true,
        fingerprint256: fingerprintOf('ca.crt'),
      },
    ]);
  });

  it('reads an ECDSA P-256 leaf with a SEC1 key', () => {
    const facts = check(fixture('bundle-ecdsa.pem'), []);
    expect(facts.privateKeyType).toBe('ECDSA');
    expect(facts.keyMatchesLeaf).toBe(true);
    expect(facts.certificates).toHaveLength(1);
    expect(facts.certificates[0]).toMatchObject({
      commonName: 'ec.example.com',
      sans: ['ec.example.com'],
      keyType: 'ECDSA',
      keyBits: 256,
      curve: 'prime256v1',
      selfSigned: false,
    });
  });

  it('accepts the key before the certificate, in PKCS#1 form', () => {
    const facts = check(fixture('key-first.pem'), []);
    expect(facts.privateKeyType).toBe('RSA');
    expect(facts.keyMatchesLeaf).toBe(true);
    expect(facts.certificates.map((c) => c.commonName)).toEqual(['foo.example.com']);
  });

  it('accepts CRLF line endings and text around the blocks', () => {
    const text = `Bundle for foo.example.com\r\n${fixture('bundle-rsa.pem').replace(/\n/g, '\r\n')}trailing words\r\n`;
    expect(check(text, []).certificates).toHaveLength(2);
  });

  it('unescapes the common name and keeps unusual SANs as Node prints them', () => {
    const facts = check(fixture('odd-names.pem'), []);
    expect(facts.certificates[0]).toMatchObject({
      subject: 'O=multi + CN=we\\,ird, OU=unit',
      commonName: 'we,ird',
      sans: ['a,b.example.com', 'Odd.Example.com', 'FE80:0:0:0:0:0:0:1'],
      keyType: 'ECDSA',
      keyBits: 384,
      curve: 'secp384r1',
      selfSigned: true,
    });
  });
});

describe("readPemBundle: Kuma's errors", () => {
  it('reports a certificate without a key', () => {
    const facts = check(fixture('cert-only.pem'), [['missing-private-key', 'missing private key', true]]);
    expect(facts.privateKeyCount).toBe(0);
    expect(facts.privateKeyType).toBeNull();
    expect(facts.keyMatchesLeaf).toBeNull();
  });

  it('reports a key without a certificate', () => {
    const facts = check(fixture('rsa-leaf.key'), [
      ['missing-certificate', 'missing server certificate', true],
    ]);
    expect(facts.privateKeyType).toBe('RSA');
    expect(facts.certificates).toEqual([]);
  });

  it.each([
    ['random bytes', fixture('not-pem.bin')],
    ['plain text', 'hello, world'],
    ['an empty string', ''],
    ['a BEGIN line with no END', '-----BEGIN CERTIFICATE-----\nMIIB\n'],
  ])("reports %s as not PEM with Kuma's message", (_, text) => {
    const facts = check(text, [['not-pem', 'missing server certificate', true]]);
    expect(facts.certificates).toEqual([]);
    expect(facts.privateKeyCount).toBe(0);
  });

  it('reports a second private key at its block index', () => {
    const facts = check(fixture('two-keys.pem'), [
      ['multiple-private-keys', 'secret[2]: secret contains multiple private keys', true],
    ]);
    expect(facts.privateKeyCount).toBe(2);
    expect(facts.privateKeyType).toBe('RSA');
    expect(facts.keyMatchesLeaf).toBe(true);
  });

  it('reports the EC PARAMETERS block openssl ecparam writes', () => {
    const facts = check(fixture('ec-parameters.pem'), [
      ['unsupported-pem-block', 'secret[0]: unsupported PEM block "EC PARAMETERS"', true],
    ]);
    expect(facts.privateKeyType).toBe('ECDSA');
    expect(facts.keyMatchesLeaf).toBe(true);
  });

  it('reports an Ed25519 key with the Go type name', () => {
    const facts = check(fixture('ed25519.pem'), [
      ['unsupported-private-key-type', 'secret[1]: unsupported private key type ed25519.PrivateKey', true],
    ]);
    expect(facts.privateKeyType).toBe('Ed25519');
    expect(facts.certificates[0]).toMatchObject({
      commonName: 'ed.example.com',
      keyType: 'Ed25519',
      keyBits: null,
      curve: null,
      selfSigned: true,
    });
  });

  it.each(['encrypted-key.pem', 'encrypted-key-legacy.pem'])(
    'cannot parse the encrypted key in %s',
    (name) => {
      const facts = check(fixture(name), [
        ['unparseable-private-key', 'secret[1]: failed to parse private key', true],
      ]);
      expect(facts.privateKeyCount).toBe(1);
      expect(facts.privateKeyType).toBeNull();
      expect(facts.keyMatchesLeaf).toBeNull();
    },
  );

  it('reports only the first error, as Kuma stops there', () => {
    const text = fixture('ecdsa-leaf-with-params.key') + fixture('rsa-leaf.key');
    check(text, [['unsupported-pem-block', 'secret[0]: unsupported PEM block "EC PARAMETERS"', true]]);
  });

  it('numbers blocks as pem.Decode finds them, skipping malformed ones', () => {
    const badBase64 = '-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n';
    const wrongEnd = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END KEY-----\n';
    const text =
      badBase64 +
      wrongEnd +
      fixture('rsa-leaf.crt') +
      '-----BEGIN FOO BAR-----\nAAAA\n-----END FOO BAR-----\n';
    check(text, [['unsupported-pem-block', 'secret[1]: unsupported PEM block "FOO BAR"', true]]);
  });

  it('quotes the block type as Go does', () => {
    const text = fixture('bundle-rsa.pem') + '-----BEGIN A"B\tC-----\nAAAA\n-----END A"B\tC-----\n';
    check(text, [['unsupported-pem-block', 'secret[3]: unsupported PEM block "A\\"B\\tC"', true]]);
  });

  it('treats any type ending in PRIVATE KEY as a key and in CERTIFICATE as a certificate', () => {
    const key = fixture('rsa-leaf.key').replace(/PRIVATE KEY/g, 'FANCY PRIVATE KEY');
    const cert = fixture('rsa-leaf.crt').replace(/CERTIFICATE/g, 'X509 CERTIFICATE');
    const facts = check(cert + key, []);
    expect(facts.keyMatchesLeaf).toBe(true);
  });
});

describe('readPemBundle: findings beyond Kuma', () => {
  it('reports a leaf that is not first when the key matches a later certificate', () => {
    const facts = check(fixture('ca-first.pem'), [['leaf-not-first', '', false]]);
    expect(facts.keyMatchesLeaf).toBe(false);
    expect(facts.problems[0].message).toContain('secret[1]');
    expect(facts.certificates.map((c) => c.commonName)).toEqual(['meshgw test CA', 'foo.example.com']);
  });

  it('reports a CA before an end-entity certificate when there is no key to compare', () => {
    check(fixture('ca.crt') + fixture('rsa-leaf.crt'), [
      ['missing-private-key', 'missing private key', true],
      ['leaf-not-first', '', false],
    ]);
  });

  it('reports a key that belongs to no certificate', () => {
    const facts = check(fixture('mismatched-key.pem'), [['key-does-not-match-leaf', '', false]]);
    expect(facts.keyMatchesLeaf).toBe(false);
    expect(facts.privateKeyType).toBe('RSA');
  });

  it('compares key types that differ without failing', () => {
    const facts = check(fixture('rsa-leaf.crt') + fixture('ecdsa-leaf.key'), [
      ['key-does-not-match-leaf', '', false],
    ]);
    expect(facts.keyMatchesLeaf).toBe(false);
  });

  it('reports a certificate block that is not X.509, and does not guess a leaf', () => {
    const junk = '-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n';
    const facts = check(junk + fixture('bundle-rsa.pem'), [['unparseable-certificate', '', false]]);
    expect(facts.problems[0].message).toContain('secret[0]');
    expect(facts.certificates.map((c) => c.commonName)).toEqual(['foo.example.com', 'meshgw test CA']);
    expect(facts.keyMatchesLeaf).toBeNull();
  });

  it('reads an empty certificate block as unparseable', () => {
    const empty = '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n';
    check(fixture('bundle-rsa.pem') + empty, [['unparseable-certificate', '', false]]);
  });
});

describe('readPemBundle: dates', () => {
  it.each([
    ['2099-12-30T23:59:59.000Z', 1, false],
    ['2099-12-30T23:59:59.001Z', 0, false],
    ['2099-12-31T00:00:00.000Z', 0, false],
    [NOT_AFTER, 0, false],
    ['2099-12-31T23:59:59.001Z', -1, true],
    ['2100-01-01T00:00:00.000Z', -1, true],
    ['2100-01-02T00:00:00.000Z', -2, true],
  ])('at %s: daysLeft %i, expired %s', (now, daysLeft, expired) => {
    const leaf = readPemBundle(fixture('bundle-rsa.pem'), new Date(now)).certificates[0];
    expect([leaf.daysLeft, leaf.expired]).toEqual([daysLeft, expired]);
  });
});

describe('readPemBundle: never throws and never keeps key material', () => {
  it.each(KEY_FIXTURES)('keeps nothing of the key in %s', (name) => {
    const text = fixture(name);
    const json = JSON.stringify(readPemBundle(text, NOW));
    expect(json).not.toContain('PRIVATE KEY');
    for (const body of keyBodies(text)) {
      for (let i = 0; i + 40 <= body.length; i++) {
        if (json.includes(body.slice(i, i + 40))) throw new Error(`result of ${name} holds key text at ${i}`);
      }
    }
  });

  it('survives truncation at every line of a bundle', () => {
    const text = fixture('bundle-rsa.pem') + fixture('ec-parameters.pem');
    for (let end = 0; end <= text.length; end += 7) {
      const facts = readPemBundle(text.slice(0, end), NOW);
      expect(facts.problems.filter((p) => p.fatal).length).toBeLessThanOrEqual(1);
    }
  });

  it('survives arbitrary text and bytes', () => {
    const base = fixture('bundle-rsa.pem');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
          fc
            .tuple(fc.nat(base.length), fc.nat(base.length), fc.string({ maxLength: 20 }))
            .map(([a, b, insert]) => base.slice(0, Math.min(a, b)) + insert + base.slice(Math.max(a, b))),
        ),
        (text) => {
          const facts = readPemBundle(text, NOW);
          expect(Array.isArray(facts.problems)).toBe(true);
          certificateBlocks(text);
          decodeBase64(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays fast on large malformed input', () => {
    const parts = [
      '-----BEGIN X-----\n'.repeat(100_000),
      '-----END X-----' + ' '.repeat(200_000) + 'x\n',
      '-----BEGIN CERTIFICATE-----\n' + 'A'.repeat(1_000_000),
      Buffer.from(Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
    ];
    const started = Date.now();
    for (const text of [...parts, parts.join('')]) {
      expect(readPemBundle(text, NOW).problems[0].fatal).toBe(true);
      expect(certificateBlocks(text)).toEqual([]);
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('certificateBlocks', () => {
  it('returns the certificates of a bundle, normalised, without the key', () => {
    expect(certificateBlocks(fixture('bundle-rsa.pem'))).toEqual([
      fixture('rsa-leaf.crt'),
      fixture('ca.crt'),
    ]);
    expect(certificateBlocks(fixture('key-first.pem'))).toEqual([fixture('rsa-leaf.crt')]);
  });

  it('re-wraps lines, drops CRLF, headers and surrounding text', () => {
    const cert = fixture('rsa-leaf.crt');
    const body = cert.split('\n').slice(1, -2).join('');
    const messy = `note\r\n-----BEGIN CERTIFICATE-----\r\nComment: x\r\n\r\n${body}\r\n-----END CERTIFICATE-----  \r\n`;
    expect(certificateBlocks(messy)).toEqual([cert]);
  });

  it('returns nothing but CERTIFICATE blocks', () => {
    expect(certificateBlocks(fixture('rsa-leaf.key'))).toEqual([]);
    expect(certificateBlocks(fixture('ec-parameters.pem'))).toEqual([fixture('ecdsa-leaf.crt')]);
    expect(certificateBlocks(fixture('rsa-leaf.crt').replace(/CERTIFICATE/g, 'TRUSTED CERTIFICATE'))).toEqual(
      [],
    );
    expect(certificateBlocks('no blocks here')).toEqual([]);
  });

  // A PKCS#1 key holds the public modulus, which the certificate holds too; a run of text that
  // the input's certificates contain is public, so only runs found nowhere else count.
  it.each(KEY_FIXTURES)('keeps nothing of the key in %s', (name) => {
    const text = fixture(name);
    const joined = certificateBlocks(text)
      .map((block) => block.split('\n').slice(1, -2).join(''))
      .join(' ');
    const certificateText = bodies(text, 'CERTIFICATE').join(' ');
    expect(certificateBlocks(text).join('')).not.toContain('PRIVATE KEY');
    for (const body of keyBodies(text)) {
      for (let i = 0; i + 40 <= body.length; i++) {
        const run = body.slice(i, i + 40);
        if (joined.includes(run) && !certificateText.includes(run)) {
          throw new Error(`blocks of ${name} hold key text at ${i}`);
        }
      }
    }
  });
});

describe('hostnameCovered', () => {
  const leaf = ['foo.example.com', '*.apps.example.com', '10.0.0.1'];
  it.each([
    ['*', leaf, null, null],
    ['', leaf, null, null],
    ['foo.example.com', leaf, null, true],
    ['FOO.Example.COM', leaf, null, true],
    ['foo.example.com.', leaf, null, true],
    ['bar.example.com', leaf, null, false],
    ['a.apps.example.com', leaf, null, true],
    ['a.b.apps.example.com', leaf, null, false],
    ['apps.example.com', leaf, null, false],
    ['*.apps.example.com', leaf, null, true],
    ['*.example.com', leaf, null, false],
    ['*.example.com', ['foo.example.com'], null, false],
    ['*.example.com', ['*.com'], null, false],
    ['foo.example.com', [], 'foo.example.com', true],
    ['foo.example.com', [], '*.example.com', true],
    ['foo.example.com', ['10.0.0.1'], 'foo.example.com', true],
    ['foo.example.com', ['bar.example.com'], 'foo.example.com', false],
    ['foo.example.com', [], null, false],
    ['foo.example.com', ['f*.example.com'], null, false],
    ['foo.example.com', ['*'], null, false],
  ] as [string, string[], string | null, boolean | null][])(
    '%s with %j, CN %s: %s',
    (host, sans, cn, expected) => {
      expect(hostnameCovered(sans, cn, host)).toBe(expected);
    },
  );
});

describe('decodeBase64', () => {
  it.each([
    ['aGVsbG8=', 'hello'],
    ['aGVsbG8', 'hello'],
    [' aGVs\n bG8=\r\n', 'hello'],
    ['', ''],
    ['w6k=', 'é'],
    ['/w==', '\u00ff'],
    ['_w', '\u00ff'],
    ['-_8', '\u00fb\u00ff'],
    ['aGVsbG8*', null],
    ['aGVsbG8=x', null],
    ['aGVsbG8===', null],
    ['a', null],
    ['aG=', null],
    ['+_==', null],
    ['é', null],
  ] as [string, string | null][])('%j -> %j', (input, expected) => {
    expect(decodeBase64(input)).toBe(expected);
  });

  it('decodes a PEM file that was base64-encoded', () => {
    const text = fixture('bundle-rsa.pem');
    expect(decodeBase64(Buffer.from(text).toString('base64'))).toBe(text);
  });
});

/** The base64 bodies of the key blocks of a PEM text, lines joined. */
function keyBodies(text: string): string[] {
  return bodies(text, 'PRIVATE KEY');
}

/** The base64 bodies of the blocks whose type ends in `suffix`, header lines left out. */
function bodies(text: string, suffix: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`-----BEGIN ([A-Z ]*${suffix})-----\\r?\\n([\\s\\S]*?)-----END \\1-----`, 'g');
  for (const m of text.matchAll(re)) {
    out.push(
      m[2]
        .split(/\r?\n/)
        .filter((line) => line !== '' && !line.includes(':'))
        .join(''),
    );
  }
  return out;
}
