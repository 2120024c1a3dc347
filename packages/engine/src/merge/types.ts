import type { Diagnostic } from '../base/diagnostic.js';
import type { Location } from '../base/types.js';
import type { PemBundleFacts } from '../kuma/certificate-types.js';
import type { CertificateSource } from '../resources/types.js';

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

/**
 * How much of each Secret the caller could give: 'full' (files), 'certificates-only' (private
 * keys dropped by a control-plane client), or 'none' (admin-only and not readable).
 */
export type SecretAccess = 'full' | 'certificates-only' | 'none';
