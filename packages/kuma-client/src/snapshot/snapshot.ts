import type { KumaClient } from '../client.js';
import { ok } from '../result.js';
import type { CallOptions, ControlPlaneIndex, GatewayDataplane, RawResource, Result, SecretsState } from '../types.js';
import { loadMeshSnapshots } from './mesh-snapshots.js';
import { probeControlPlane, type Probe } from './probe.js';

/** Who answered, and in which role. */
export interface ControlPlaneInfo {
  /** The base URL without credentials. */
  url: string;
  /** `product` (or 2.0's `tagline`) from `GET /`. */
  product: string;
  /** `version` from `GET /`: the product's own version (Kong Mesh numbers its releases itself). */
  version: string;
  /**
   * The Kuma version the control plane runs: `basedOnKuma` from `GET /` when the product is
   * built on Kuma (Kong Mesh), else `version` when the product is Kuma itself; null for another
   * product that does not say which Kuma it is.
   */
  kumaVersion: string | null;
  /** `global`, `zone` or `standalone`; null when `/config` is forbidden or absent. */
  mode: string | null;
  /** The zone name of a zone control plane; null on global or when unknown. */
  zone: string | null;
  environment: string | null;
  /** A zone connected to a global control plane. */
  federated: boolean;
  /** `yes` when `/_resources` lists MeshGateway; `unknown` before 2.6, which lacks `/_resources`. */
  gatewaySupport: 'yes' | 'unknown';
}

/** One mesh's gateway-related resources. Lists keep the API's order (by name). */
export interface MeshSnapshot {
  name: string;
  /** The Mesh resource as returned. */
  mesh: RawResource;
  gateways: RawResource[];
  /** Legacy MeshGatewayRoutes. */
  gatewayRoutes: RawResource[];
  /** MeshHTTPRoutes whose `spec.targetRef.kind` is `MeshGateway`. */
  httpRoutes: RawResource[];
  /** MeshTCPRoutes whose `spec.targetRef.kind` is `MeshGateway`. */
  tcpRoutes: RawResource[];
  /** Builtin gateway proxies with their online state. Binding to gateways is not computed here. */
  dataplanes: GatewayDataplane[];
  secrets: SecretsState;
}

export interface ControlPlaneSnapshot {
  controlPlane: ControlPlaneInfo;
  meshes: MeshSnapshot[];
  /** Sentences about things that were skipped or tolerated (old versions, forbidden `/config`). */
  notes: string[];
}

export interface SnapshotOptions extends CallOptions {
  /** Also list each mesh's Secrets (admin only; a 403 becomes the `forbidden` state). */
  includeSecrets?: boolean;
  /**
   * Lets an app show what is read while the rest loads. Called once every mesh's MeshGateways are
   * listed, with every mesh `pending`; then once the first mesh by name (code-point order) that
   * has a MeshGateway is read in full, with the others `pending`: that mesh is read before the
   * others, whose other lists are requested just before this second call (with one mesh, nothing
   * is pending then, and the load returns what this call had). A pending mesh has its
   * MeshGateways only: its other lists empty, its Secrets `not-requested`. Not called once the
   * load has failed.
   */
  onPartial?: (partial: PartialSnapshot) => void;
}

/** A snapshot read so far: the meshes named in `pending` have only their MeshGateways listed. */
export interface PartialSnapshot extends ControlPlaneSnapshot {
  pending: string[];
}

/**
 * Loads everything gateway views need in one refresh. Requests: `/`, `/config`, `/_resources`
 * and `/meshes` at once, then per mesh the lists of MeshGateways, MeshGatewayRoutes, MeshHTTPRoutes,
 * MeshTCPRoutes, builtin gateway dataplanes (with insights) and, when asked, Secrets; each list
 * with `size=1000` plus one request per further page. That is 4 + 6 per mesh, whatever the
 * number of gateways, proxies or secrets. Route kinds that `/_resources` does not list are not
 * requested. Fails as a whole on the first failure of anything but `/config` (403 or 404
 * tolerated) and Secrets (any failure becomes the mesh's `secrets` state).
 */
export async function loadControlPlaneSnapshot(client: KumaClient, options: SnapshotOptions = {}): Promise<Result<ControlPlaneSnapshot>> {
  const { signal } = options;
  // The mesh list does not depend on the probe: both are asked for at once, one round trip less.
  const [probe, meshes] = await Promise.all([probeControlPlane(client, signal), client.listMeshes({ signal })]);
  if (!probe.ok) return probe;
  if (!meshes.ok) return meshes;
  const { onPartial, ...rest } = options;
  const controlPlane = controlPlaneInfo(client.url, probe.value);
  const notes = probe.value.notes;
  const loaded = await loadMeshSnapshots(client, meshes.value, probe.value, {
    ...rest,
    ...(onPartial ? { onPartial: (partial: MeshSnapshot[], pending: string[]) => onPartial({ controlPlane, meshes: partial, notes, pending }) } : {}),
  });
  if (!loaded.ok) return loaded;
  return ok({ controlPlane, meshes: loaded.value, notes });
}

function kumaVersionOf(index: ControlPlaneIndex): string | null {
  if (index.basedOnKuma !== null && index.basedOnKuma !== '') return index.basedOnKuma;
  return index.product === 'Kuma' ? index.version : null;
}

/** Who answered, from the probe: a zone is named only off global, federation needs a global address. */
function controlPlaneInfo(url: string, probe: Probe): ControlPlaneInfo {
  const cp = probe.config;
  return {
    url,
    product: probe.index.product,
    version: probe.index.version,
    kumaVersion: kumaVersionOf(probe.index),
    mode: cp?.mode ?? null,
    zone: cp !== null && cp.mode !== 'global' ? cp.zone : null,
    environment: cp?.environment ?? null,
    federated: cp !== null && cp.mode === 'zone' && cp.globalAddress !== null,
    gatewaySupport: probe.gatewaySupport,
  };
}
