/**
 * The engine's data types. Everything here is plain data: no classes, no functions, JSON-safe
 * except where a field says otherwise. Offsets are UTF-16 code units into the file text, the
 * unit JavaScript strings and LSP both use; line/character positions are computed at the edge
 * by `span.ts`.
 */

/** A half-open range of UTF-16 offsets `[start, end)` into one file's text. */
export interface Span {
  start: number;
  end: number;
}

/** A 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A place in the workspace: a file (as the caller named it) and a span in its text. */
export interface Location {
  file: string;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// The YAML tree. `parse.ts` turns the `yaml` package's nodes into this plain tree, aliases
// expanded (within a budget), so that rules and the model never touch `yaml` classes.

export type YNode = YMap | YSeq | YScalar;

export interface YMap {
  kind: 'map';
  span: Span;
  pairs: YPair[];
}

/**
 * One `key: value` entry. `span` runs from the key's start to the value's end (the `yaml`
 * package gives a Pair no range of its own). A key written with no value (`key:`) has a null
 * scalar as value whose span is empty and sits right after the colon.
 */
export interface YPair {
  key: YScalar;
  value: YNode;
  span: Span;
}

export interface YSeq {
  kind: 'seq';
  span: Span;
  items: YNode[];
}

/**
 * A scalar as YAML 1.2 core schema resolves it: `type` tells how it was written
 * (`"8080"` is a string, `8080` a number, `true` a boolean, `~`/empty a null).
 * `source` is the text as written, without quotes for quoted scalars.
 */
export interface YScalar {
  kind: 'scalar';
  span: Span;
  type: 'string' | 'number' | 'boolean' | 'null';
  value: string | number | boolean | null;
  source: string;
  quoted: boolean;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A text edit in one file, used by quick fixes. */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** Identifies a resource the way Kuma does: type, mesh and name (null where not given). */
export interface ResourceRef {
  type: string;
  mesh: string | null;
  name: string | null;
}

export interface RelatedInformation {
  location: Location;
  message: string;
}

/**
 * One finding. `code` is stable (see `codes.ts`); tests assert it and the span. `admission` is
 * true exactly for the errors Kuma itself prints when the resource is applied, and then `path`
 * and `message` are Kuma's, word for word (path with the `spec.` prefix in Kubernetes form).
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  admission: boolean;
  path: string | null;
  message: string;
  file: string;
  span: Span;
  resource: ResourceRef | null;
  related?: RelatedInformation[];
  fixes?: Fix[];
}

// ---------------------------------------------------------------------------------------------
// Parsed files and recognised resources

/** One YAML document of a file (between `---` markers). */
export interface ParsedDocument {
  index: number;
  span: Span;
  /** The document's content; null for an empty document. */
  root: YNode | null;
}

export interface ParsedFile {
  file: string;
  text: string;
  /** Offsets at which each line starts; `lineStarts[0]` is 0. */
  lineStarts: number[];
  documents: ParsedDocument[];
  /** Syntax errors, duplicate keys, tabs, alias limits, size limits. */
  diagnostics: Diagnostic[];
}

export type ResourceKind =
  | 'Mesh'
  | 'MeshGateway'
  | 'MeshGatewayRoute'
  | 'Dataplane'
  | 'Secret'
  | 'GlobalSecret'
  | 'MeshHTTPRoute'
  | 'MeshTCPRoute';

export type ResourceForm = 'universal' | 'kubernetes';

/**
 * A document recognised as a Kuma resource. `spec` is the map holding the spec fields: the
 * whole document in Universal form, the `spec:` map in Kubernetes form (null when absent).
 * `pathPrefix` is what Kuma puts before spec paths: '' (Universal) or 'spec.' (Kubernetes).
 */
export interface ResourceDoc {
  kind: ResourceKind;
  form: ResourceForm;
  file: string;
  docIndex: number;
  span: Span;
  root: YMap;
  spec: YMap | null;
  pathPrefix: '' | 'spec.';
  name: string | null;
  nameNode: YScalar | null;
  /** The mesh as written; null when absent (Kubernetes Secrets default to `default`). */
  mesh: string | null;
  meshNode: YScalar | null;
  /** `creationTime` when present (API exports carry it); used for gateway selection ties. */
  creationTime: string | null;
}

// ---------------------------------------------------------------------------------------------
// Typed views of the resources, each value with its span (see `model.ts`).

export interface Located<T> {
  value: T;
  span: Span;
}

export interface Tag {
  key: string;
  value: string;
  keySpan: Span;
  valueSpan: Span;
}

export interface Selector {
  index: number;
  span: Span;
  match: Tag[];
}

export type ListenerProtocol = 'HTTP' | 'HTTPS' | 'TCP' | 'TLS' | 'NONE';
export type TlsMode = 'TERMINATE' | 'PASSTHROUGH' | 'NONE';

export type CertificateSource =
  | { kind: 'secret'; name: string }
  | { kind: 'file'; path: string }
  | { kind: 'inline'; base64: string }
  | { kind: 'inlineString'; text: string }
  | { kind: 'empty' };

export interface CertificateRef {
  index: number;
  span: Span;
  source: CertificateSource;
}

export interface ListenerModel {
  index: number;
  span: Span;
  port: number;
  portSpan: Span | null;
  /** Protocol as Kuma reads it; an out-of-enum number reads as its string form. */
  protocol: ListenerProtocol | string;
  protocolSpan: Span | null;
  /** Hostname with "" and absent mapped to `*`. */
  hostname: string;
  hostnameSpan: Span | null;
  tls: { mode: TlsMode | string; modeSpan: Span | null; span: Span; certificates: CertificateRef[] } | null;
  tags: Tag[];
  crossMesh: boolean;
  crossMeshSpan: Span | null;
  connectionLimit: number;
  connectionLimitSpan: Span | null;
}

export interface GatewayModel {
  doc: ResourceDoc;
  mesh: string;
  name: string;
  selectors: Selector[];
  tags: Tag[];
  listeners: ListenerModel[];
}

export interface DataplaneModel {
  doc: ResourceDoc;
  mesh: string;
  name: string;
  address: string | null;
  builtin: boolean;
  gatewayTags: Tag[];
}

export interface SecretModel {
  doc: ResourceDoc;
  kind: 'Secret' | 'GlobalSecret';
  mesh: string | null;
  name: string;
  /** The decoded payload as text, or null when it is not valid base64. Never rendered. */
  data: string | null;
  dataSpan: Span | null;
}

export interface GatewayRouteModel {
  doc: ResourceDoc;
  mesh: string;
  name: string;
  selectors: Selector[];
  /** `http` wins over `tcp` when both are present, as in Kuma. */
  protocol: 'http' | 'tcp' | null;
  hostnames: Located<string>[];
}

/** A MeshHTTPRoute or MeshTCPRoute whose top-level `targetRef.kind` is `MeshGateway`. */
export interface PolicyRouteModel {
  doc: ResourceDoc;
  kind: 'MeshHTTPRoute' | 'MeshTCPRoute';
  mesh: string;
  name: string;
  gatewayName: string;
  gatewayNameSpan: Span | null;
  tags: Tag[];
  hostnames: string[];
}

// ---------------------------------------------------------------------------------------------
// Certificates

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

// ---------------------------------------------------------------------------------------------
// The merged model: what the control plane will make of a gateway.

export type TagLayer = 'dataplane' | 'gateway' | 'listener' | 'selector';

export interface FinalTag {
  key: string;
  value: string;
  /** Which layer set the value that wins. `selector` means: guaranteed by the gateway selector
   * because no bound dataplane is in the workspace. */
  from: TagLayer;
  /** Where the winning value is written; null when it comes from the control plane. */
  location: Location | null;
  /** Earlier layers whose value for this key was overridden. */
  overridden: { from: TagLayer; value: string }[];
}

export interface CertificateUse {
  index: number;
  source: CertificateSource;
  location: Location;
  /** 'ok': the bundle was read; 'not-found': no such secret in the workspace/mesh; 'file': a
   * `file` datasource, unreadable here and unsupported by the gateway; 'unreadable': admin-only
   * or otherwise not available; 'empty': `{}`. */
  state: 'ok' | 'not-found' | 'file' | 'unreadable' | 'empty';
  secret: { name: string; location: Location | null } | null;
  bundle: PemBundleFacts | null;
  /** Whether the leaf's SANs cover the listener hostname; null when unknown or `*`. */
  coversHostname: boolean | null;
}

export interface AttachedRoute {
  kind: 'MeshGatewayRoute' | 'MeshHTTPRoute' | 'MeshTCPRoute';
  mesh: string;
  name: string;
  location: Location;
  /** For MeshGatewayRoutes: the index of the first selector that matched. */
  selectorIndex: number | null;
  /** False when Kuma ignores this route on this listener (a Mesh*Route applies). */
  effective: boolean;
}

export interface MergedListener {
  index: number;
  location: Location;
  port: number;
  protocol: string;
  hostname: string;
  tlsMode: string | null;
  crossMesh: boolean;
  finalTags: FinalTag[];
  routes: AttachedRoute[];
  certificates: CertificateUse[];
}

/** All listeners of one port, merged as Kuma merges them. */
export interface MergedPort {
  port: number;
  /** The protocol of the first listener on the port (Kuma takes it from there). */
  protocol: string;
  /** Hostnames ordered most specific first, as Kuma orders them. */
  hostnames: string[];
  /** Listener indexes on this port, in declaration order. */
  listeners: number[];
  /** The limit that applies: the first listener's; 0 means unlimited. */
  connectionLimit: number;
  crossMesh: boolean;
}

export interface BoundDataplane {
  mesh: string;
  name: string;
  address: string | null;
  location: Location | null;
  tags: Record<string, string>;
  /** Index of the winning selector of this gateway. */
  selectorIndex: number;
  /** Online state when known (from a control plane); null for files. */
  online: boolean | null;
  zone: string | null;
}

export interface MergedGateway {
  mesh: string;
  name: string;
  location: Location;
  ports: MergedPort[];
  listeners: MergedListener[];
  dataplanes: BoundDataplane[];
  /** Dataplanes a selector of this gateway matches but another gateway wins. */
  lostDataplanes: { name: string; winner: string }[];
  /** True when no bound dataplane is known and final tags come from the selector. */
  dataplaneLayerFromSelector: boolean;
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------------------------
// Workspace analysis

export type SecretAccess = 'full' | 'certificates-only' | 'none';

export interface AnalyzeOptions {
  /** Days before notAfter at which a certificate is reported as expiring. Default 30. */
  certificateWarningDays?: number;
  /** Report fields Kuma would silently drop. Default true. */
  reportUnknownFields?: boolean;
  /** Files larger than this many UTF-16 units are skipped with one diagnostic. Default 5 MiB. */
  maxFileSize?: number;
  /**
   * How much of each Secret the caller could give: 'full' (files), 'certificates-only' (a
   * control-plane client that dropped the private keys: key checks are skipped), or 'none'
   * (secrets are admin-only and were not readable: references are 'unreadable', not missing).
   * A record gives the access per mesh; meshes it does not name have 'full'.
   */
  secretAccess?: SecretAccess | Record<string, SecretAccess>;
  /** Live state of dataplanes keyed by `mesh/name`, when a control plane told it. */
  dataplaneStatus?: Record<string, { online: boolean; zone: string | null }>;
}

export interface FileInput {
  file: string;
  text: string;
}

export interface FileAnalysis {
  file: string;
  parsed: ParsedFile;
  resources: ResourceDoc[];
  diagnostics: Diagnostic[];
}

export interface WorkspaceAnalysis {
  files: FileAnalysis[];
  gateways: MergedGateway[];
  /** All diagnostics by file, including cross-file ones. */
  diagnosticsByFile: Map<string, Diagnostic[]>;
}
