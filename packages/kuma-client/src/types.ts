/**
 * The client's data types. Everything here is plain, JSON-safe data: what a refresh returns can
 * be cached, compared, sent over a pipe or printed. No type here holds a private key.
 */

/** Why a call failed. Each kind has one meaning; the message says it in a sentence. */
export type ClientErrorKind =
  /** No TCP connection, or the connection broke (refused, reset, unknown host). */
  | 'unreachable'
  /** No complete answer within the request timeout. */
  | 'timeout'
  /** The caller's AbortSignal fired. */
  | 'aborted'
  /** The server's certificate could not be verified, or the TLS handshake failed. */
  | 'tls'
  /** 401: the token is missing, invalid, expired or revoked. */
  | 'unauthorized'
  /** 403: the identity may not read this resource. */
  | 'forbidden'
  /** 404 on a resource or mesh. */
  | 'not-found'
  /** The control plane has no builtin MeshGateway type. */
  | 'no-gateway-support'
  /** A 2xx body that is not JSON. */
  | 'invalid-json'
  /** A 2xx JSON body that does not have the shape Kuma answers with. */
  | 'bad-shape'
  /** Any other HTTP status, or a body larger than the client accepts. */
  | 'http'
  /** Paging did not end: too many pages, a repeated or unusable `next`. */
  | 'paging'
  /** The connection settings could not be resolved (kumactl config, flags, files). */
  | 'config';

/**
 * A failure as a value. `message` is a sentence meant for the user; it never contains the token
 * or any key material. `path` is the request path (no scheme, host or credentials).
 */
export interface ClientError {
  kind: ClientErrorKind;
  message: string;
  path?: string;
  /** The HTTP status when the server answered. */
  status?: number;
  /** Kuma's error `title` and `detail` (or legacy `details`) when the body was a Kuma error. */
  title?: string;
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ClientError };

/** Options every call takes. The signal aborts the call and everything it started. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * A resource exactly as the API returned it (Universal form: legacy kinds keep their spec fields
 * at top level, new policy kinds nest them under `spec`). Only `name` is checked; unknown fields
 * are kept.
 */
export interface RawResource {
  type?: string;
  mesh?: string;
  name: string;
  labels?: Record<string, string>;
  [field: string]: unknown;
}

/**
 * `GET /`: which product and version answers. `product` falls back to 2.0's `tagline`.
 * `basedOnKuma` is the Kuma version a product built on Kuma (Kong Mesh) reports; Kuma leaves it out.
 */
export interface ControlPlaneIndex {
  product: string;
  version: string;
  hostname: string | null;
  instanceId: string | null;
  clusterId: string | null;
  gui: string | null;
  basedOnKuma: string | null;
}

/** The parts of `GET /config` the client reads. Absent fields are null. */
export interface ControlPlaneConfig {
  /** `global`, `zone` or `standalone` (2.5 and older default); other strings kept as sent. */
  mode: string | null;
  environment: string | null;
  /** `multizone.zone.name`. */
  zone: string | null;
  /** `multizone.zone.globalAddress`; a zone with one is federated. */
  globalAddress: string | null;
  storeType: string | null;
  readOnly: boolean | null;
}

/** One entry of `GET /_resources` (2.6+). */
export interface ResourceTypeInfo {
  name: string;
  path: string;
  scope: string | null;
  readOnly: boolean | null;
}

/** One entry of `GET /meshes/{m}/meshgateways/{n}/dataplanes`. */
export interface DataplaneRef {
  mesh: string;
  name: string;
}

/** A builtin gateway proxy as the overview list shows it, joined with its insight. */
export interface GatewayDataplane {
  mesh: string;
  name: string;
  address: string | null;
  /** `BUILTIN`, or `DELEGATED` when the type is omitted (the enum default). */
  gatewayType: 'BUILTIN' | 'DELEGATED';
  /** `networking.gateway.tags`. */
  tags: Record<string, string>;
  labels: Record<string, string>;
  /** True when some subscription has a `connectTime` and no `disconnectTime`. */
  online: boolean;
  /** `labels["kuma.io/zone"]`, else the `kuma.io/zone` gateway tag, else null. */
  zone: string | null;
  /** The newest subscription's connect time, when there is one. */
  connectTime: string | null;
  /** `version.kumaDp.version` of the newest subscription. */
  kumaDpVersion: string | null;
}

/** A Secret reduced to its certificates: the private key and the rest of `data` are dropped. */
export interface SecretCertificates {
  mesh: string | null;
  name: string;
  labels: Record<string, string>;
  modificationTime: string | null;
  /** The `-----BEGIN CERTIFICATE-----` blocks of the decoded `data`, in order (leaf first). */
  certificates: string[];
  /** False when `data` was missing or not base64 text. */
  readable: boolean;
}

/**
 * Secrets are admin-only, so `forbidden` is an ordinary state: the refresh goes on without them.
 * `error` is any other failure of the secrets call; it does not fail the refresh either.
 */
export type SecretsState =
  | { state: 'ok'; secrets: SecretCertificates[] }
  | { state: 'forbidden'; message: string }
  | { state: 'not-requested' }
  | { state: 'error'; error: ClientError };

/** How the client verifies and authenticates TLS. PEM texts, already read from their files. */
export interface TlsSettings {
  /** The CAs to trust instead of the system roots; null means the system roots. */
  caCertificates: string | null;
  /** A client certificate chain and its key, presented for mutual TLS; both or neither. */
  clientCertificate: string | null;
  clientKey: string | null;
  /** Skips verification of the server certificate. Only ever true when the user asked for it. */
  insecureSkipVerify: boolean;
}

/**
 * Where and how to reach a control plane, resolved from flags, the environment and the kumactl
 * config (see `resolveConnection`). Holds the token: print it only through
 * `describeConnection`, which leaves it out.
 */
export interface ConnectionSettings {
  /** The API server's base URL; it may carry a path prefix. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`; null sends none. */
  token: string | null;
  /** Where the token came from, for display. */
  tokenSource: 'flag' | 'env' | 'kumactl' | null;
  /** Extra headers sent with every request (kumactl `headers`). */
  headers: Record<string, string>;
  tls: TlsSettings;
  source: ConnectionSource;
  /** The context's `defaults.mesh`, when it names one. */
  defaultMesh: string | null;
  /** Sentences about settings that were ignored or look risky. */
  warnings: string[];
}

export type ConnectionSource =
  | { kind: 'flag' }
  | { kind: 'kumactl'; file: string; context: string; controlPlane: string }
  | { kind: 'default'; file: string };
