import type { Diagnostic } from '../base/diagnostic.js';
import type { Location } from '../base/types.js';
import type { PemBundleFacts } from '../kuma/certificate-types.js';
import type { CertificateSource } from '../resources/types.js';
import type { PemProblem } from '../kuma/certificate-types.js';

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
  /**
   * The problems that stop Kuma from using the bundle, given what the caller could read (a
   * missing private key is not one when the client dropped the keys); empty when usable.
   */
  blocking: PemProblem[];
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
  /**
   * The bound dataplanes on which the route attaches, when it attaches on only some of them
   * (their final tags differ); absent when it attaches on every one.
   */
  dataplanes?: string[];
}

/** A tag whose final value differs between the bound dataplanes of a gateway. */
export interface VaryingTag {
  key: string;
  /** The distinct values, sorted. */
  values: string[];
  /** How many bound dataplanes have the tag at all. */
  dataplanes: number;
}

export interface MergedListener {
  index: number;
  location: Location;
  port: number;
  protocol: string;
  hostname: string;
  tlsMode: string | null;
  crossMesh: boolean;
  /**
   * The final tags that hold on every bound dataplane (same key and value on each); with none
   * bound, what the gateway's selector guarantees.
   */
  finalTags: FinalTag[];
  /** Each bound dataplane's own final tags for this listener, by dataplane name. */
  finalTagsByDataplane: Record<string, FinalTag[]>;
  /** The tags left out of `finalTags` because their value differs between dataplanes. */
  varyingTags: VaryingTag[];
  routes: AttachedRoute[];
  certificates: CertificateUse[];
  /** The port and protocol as written, when Kuma would not read them as a valid value. */
  written: { port: string | null; protocol: string | null } | null;
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
  /** Dataplanes a selector of this gateway matches but another gateway wins, and why. */
  lostDataplanes: { name: string; winner: string; reason: string }[];
  /** False when Kuma refuses the gateway itself: then nothing binds to it or attaches. */
  admitted: boolean;
  /** Kuma's admission errors for the gateway (path and message), when it is refused. */
  admissionErrors: { path: string | null; message: string }[];
  /** Other documents with the same kind, mesh and name; this one is what applying leaves. */
  duplicates: Location[];
  /** True when no bound dataplane is known and final tags come from the selector. */
  dataplaneLayerFromSelector: boolean;
  diagnostics: Diagnostic[];
}

/**
 * How much of each Secret the caller could give: 'full' (files), 'certificates-only' (private
 * keys dropped by a control-plane client), or 'none' (admin-only and not readable).
 */
export type SecretAccess = 'full' | 'certificates-only' | 'none';
