import type { CertificateUse, TagLayer } from '../merge/types.js';

/**
 * What applying resource files would change in what Kuma does with each MeshGateway: the
 * merged model before (the control plane alone) against after (the control plane overlaid by
 * the files). Plain data; `diffGateways` builds it, `diffLines` and `diffSummary` put it in words,
 * and `meshgw diff --format json` prints it (version 1: fields are only ever added).
 */

/** A value before and after; either side is null where the thing does not exist there. */
export interface ValueChange<T> {
  before: T | null;
  after: T | null;
}

/** `added`: only after; `removed`: only before; `changed`: on both sides, with a difference. */
export type ChangeStatus = 'added' | 'removed' | 'changed';

export interface GatewayDiff {
  mesh: string;
  name: string;
  status: ChangeStatus | 'unchanged';
  /** Where the gateway is written before (a control plane's `cp:` file) and after. */
  file: ValueChange<string>;
  /**
   * Present when Kuma's verdict changes: admitted before and refused after, or the other way
   * round, or a new gateway Kuma refuses (`before` null). Refused after means applying fails.
   */
  admitted?: ValueChange<boolean>;
  /** Kuma's admission errors after, when it refuses the gateway (applying then fails). */
  admissionErrors: { path: string | null; message: string }[];
  /** Dataplanes bound to the gateway after and not before, and the other way round (names, sorted). */
  dataplanes: { added: string[]; removed: string[] };
  /** The ports whose merged settings change, by port number. */
  ports: PortDiff[];
  /** The listeners that change, identified as Kuma does by port and hostname. */
  listeners: ListenerDiff[];
}

export interface PortDiff {
  port: number;
  status: ChangeStatus;
  /** The port's protocol (its first listener's), when it changes. */
  protocol?: ValueChange<string>;
  /** The hostnames served on the port, as sets (the order is Kuma's, derived from them). */
  hostnames: { added: string[]; removed: string[] };
  /** 0 means unlimited. */
  connectionLimit?: ValueChange<number>;
  crossMesh?: ValueChange<boolean>;
}

export interface ListenerDiff {
  port: number;
  /** `*` for a listener without a hostname. */
  hostname: string;
  status: ChangeStatus;
  /** The listener's index in the gateway's listeners, before and after. */
  index: ValueChange<number>;
  protocol?: ValueChange<string>;
  tlsMode?: ValueChange<string>;
  certificates: CertificateChange[];
  /** Final tag changes, per bound dataplane (`dataplane: null`: what the selector guarantees
   * when no dataplane is bound). Only dataplanes with a change are listed. */
  tags: DataplaneTagChanges[];
  routes: RouteChange[];
}

/** The facts of a certificate that matter to what Kuma serves. */
export interface CertificateState {
  state: CertificateUse['state'];
  subject: string | null;
  sans: string[];
  issuer: string | null;
  keyType: string | null;
  keyBits: number | null;
  notAfter: string | null;
  daysLeft: number | null;
  coversHostname: boolean | null;
  /** Why Kuma cannot use the bundle; empty when usable. */
  blocking: string[];
  /** One line for people: `secret edge-tls: RSA 2048, 120 days left (2027-04-01)`. */
  summary: string;
}

export interface CertificateChange extends ValueChange<CertificateState> {
  /** How the listener names it: `secret NAME`, `inline #2`, `file PATH`. */
  source: string;
}

export interface TagState {
  value: string;
  from: TagLayer;
}

export interface TagChange extends ValueChange<TagState> {
  key: string;
}

export interface DataplaneTagChanges {
  dataplane: string | null;
  changes: TagChange[];
}

export interface RouteState {
  effective: boolean;
  /** The bound dataplanes it attaches on, when only some of them. */
  dataplanes?: string[];
}

export interface RouteChange extends ValueChange<RouteState> {
  kind: string;
  name: string;
}
