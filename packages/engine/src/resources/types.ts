import type { Span } from '../base/types.js';
import type { ListenerProtocol, TlsMode } from '../kuma/enums.js';
import type { ResourceForm, ResourceKind } from '../kuma/kinds.js';
import type { YMap, YScalar } from '../syntax/tree.js';

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
  /**
   * The port and protocol as written when Kuma would not read them as a valid value (a port
   * outside 1..65535, a protocol that is not TCP, TLS, HTTP or HTTPS): their text, or null when
   * not written. Null when both are valid.
   */
  written: { port: string | null; protocol: string | null } | null;
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
