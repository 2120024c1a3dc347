import type { KumaVersion } from '../kuma/versions.js';
import type { Diagnostic } from '../base/diagnostic.js';
import type { MergedGateway } from '../merge/types.js';
import type { ResourceDoc } from '../resources/types.js';
import type { ParsedFile } from '../syntax/tree.js';
import type { SecretAccess } from '../merge/types.js';
import type { DataplaneModel, GatewayModel, GatewayRouteModel, PolicyRouteModel, SecretModel } from '../resources/types.js';


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
  /**
   * The Kuma version whose rules apply (admission, warnings, the fields and enum values it
   * knows). Default: the newest supported minor, `DEFAULT_KUMA_VERSION`.
   */
  kumaVersion?: KumaVersion;
  /**
   * Live state of dataplanes keyed by `mesh/name`, when a control plane told it. Giving it (even
   * empty) says the workspace holds a control plane's state, which enables the findings that
   * exist only against it (`no-live-dataplane.ts`).
   */
  dataplaneStatus?: Record<string, { online: boolean; zone: string | null }>;
  /**
   * The zone of the control plane the files are laid over (`multizone.zone.name` of a zone
   * control plane; null on global): Kuma sets the gateway tag `kuma.io/zone` to it on every
   * gateway Dataplane it stores, so a file's Dataplane gets it too (see `zone-tag.ts`).
   */
  controlPlaneZone?: string | null;
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

/** The typed views of every admitted-or-not resource of the workspace, by kind. */
export interface WorkspaceModels {
  gateways: GatewayModel[];
  dataplanes: DataplaneModel[];
  routes: GatewayRouteModel[];
  policies: PolicyRouteModel[];
  secrets: SecretModel[];
}
