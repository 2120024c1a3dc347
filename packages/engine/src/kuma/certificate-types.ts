export type KeyType = 'RSA' | 'ECDSA' | 'Ed25519' | 'other';

/** Facts about one X.509 certificate, computed with `node:crypto` at a given `now`. */
export interface CertificateFacts {
  subject: string;
  commonName: string | null;
  issuer: string;
  sans: string[];
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** Whole days from `now` until notAfter, rounded down; negative once expired. */
  daysLeft: number;
  expired: boolean;
  keyType: KeyType;
  /** RSA modulus bits or EC curve size in bits; null when unknown. */
  keyBits: number | null;
  curve: string | null;
  selfSigned: boolean;
  fingerprint256: string;
}

/**
 * What a PEM bundle (a Secret's payload, an inline datasource) holds, read the way Kuma's
 * `NewServerSecret` reads it. `problems` carries Kuma's own error text where Kuma has one
 * (`secret[2]: unsupported PEM block "EC PARAMETERS"`, `missing private key`). The private key
 * itself is never kept: only whether there was one, its type and whether it matches the leaf.
 */
export interface PemBundleFacts {
  certificates: CertificateFacts[];
  privateKeyCount: number;
  privateKeyType: KeyType | null;
  keyMatchesLeaf: boolean | null;
  problems: PemProblem[];
}

export type PemProblemCode =
  | 'not-pem'
  | 'missing-certificate'
  | 'missing-private-key'
  | 'multiple-private-keys'
  | 'unparseable-private-key'
  | 'unsupported-private-key-type'
  | 'unsupported-pem-block'
  | 'unparseable-certificate'
  | 'leaf-not-first'
  | 'key-does-not-match-leaf';

export interface PemProblem {
  code: PemProblemCode;
  /** A sentence; for problems Kuma reports at config generation it is Kuma's text. */
  message: string;
  /** True when Kuma itself rejects the bundle (config generation for the proxy fails). */
  fatal: boolean;
}
