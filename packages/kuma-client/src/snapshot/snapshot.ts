import { setMaxListeners } from 'node:events';
import type { KumaClient } from '../client.js';
import { targetsMeshGateway } from '../resources/gateways.js';
import { clientError } from '../errors.js';
import type { CallOptions, ClientError, GatewayDataplane, RawResource, Result, SecretsState } from '../types.js';

/** Who answered, and in which role. */
export interface ControlPlaneInfo {
  /** The base URL without credentials. */
  url: string;
  /** `product` (or 2.0's `tagline`) from `GET /`. */
  product: string;
  version: string;
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
}

const ROUTE_TYPES = ['MeshGatewayRoute', 'MeshHTTPRoute', 'MeshTCPRoute'] as const;

function fail<T>(error: ClientError): Result<T> {
  return { ok: false, error };
}

/**
 * Loads everything gateway views need in one refresh. Requests: `/`, `/config`, `/_resources`,
 * `/meshes`, then per mesh the lists of MeshGateways, MeshGatewayRoutes, MeshHTTPRoutes,
 * MeshTCPRoutes, builtin gateway dataplanes (with insights) and, when asked, Secrets; each list
 * with `size=1000` plus one request per further page. That is 4 + 6 per mesh, whatever the
 * number of gateways, proxies or secrets. Route kinds that `/_resources` does not list are not
 * requested. Fails as a whole on the first failure of anything but `/config` (403 or 404
 * tolerated) and Secrets (any failure becomes the mesh's `secrets` state).
 */
export async function loadControlPlaneSnapshot(client: KumaClient, options: SnapshotOptions = {}): Promise<Result<ControlPlaneSnapshot>> {
  const { signal } = options;
  const notes: string[] = [];
  const [index, config, types] = await Promise.all([
    client.getIndex({ signal }),
    client.getConfig({ signal }),
    client.getResourceTypes({ signal }),
  ]);
  if (!index.ok) return index;
  if (!config.ok) {
    if (config.error.kind !== 'forbidden' && config.error.kind !== 'not-found') return config;
    notes.push(`The control plane mode and zone are unknown: GET /config answered ${config.error.status ?? 'with an error'}.`);
  }
  let gatewaySupport: ControlPlaneInfo['gatewaySupport'] = 'unknown';
  const knownTypes = new Set<string>();
  if (types.ok) {
    for (const type of types.value) knownTypes.add(type.name);
    if (!knownTypes.has('MeshGateway')) {
      return fail(
        clientError(
          'no-gateway-support',
          `The control plane at ${client.url} (${index.value.product} ${index.value.version}) has no builtin MeshGateway: /_resources does not list it. Kuma 2.14 is the last release with MeshGateway.`,
          { path: '/_resources' },
        ),
      );
    }
    gatewaySupport = 'yes';
  } else if (types.error.kind === 'not-found') {
    notes.push('This control plane predates /_resources (Kuma 2.6); resource support was not checked up front.');
  } else {
    return types;
  }
  const hasType = (name: (typeof ROUTE_TYPES)[number]): boolean => gatewaySupport === 'unknown' || knownTypes.has(name);

  const meshes = await client.listMeshes({ signal });
  if (!meshes.ok) return meshes;

  // The first failure cancels the requests still running: their results would be dropped.
  const inner = new AbortController();
  // Every request in flight or queued listens on this signal; that many listeners is expected.
  setMaxListeners(0, inner.signal);
  const forward = (): void => inner.abort();
  signal?.addEventListener('abort', forward, { once: true });
  const first: { error: ClientError | null } = { error: null };
  const check = <T>(result: Result<T>): Result<T> => {
    if (!result.ok && first.error === null) {
      first.error = result.error;
      inner.abort();
    }
    return result;
  };
  const call = { signal: inner.signal };

  /** Lists a route kind; before 2.6 a kind may not exist yet, and its 404 reads as "none". */
  const routes = async (name: (typeof ROUTE_TYPES)[number], load: () => Promise<Result<RawResource[]>>): Promise<Result<RawResource[]>> => {
    if (!hasType(name)) return { ok: true, value: [] };
    const response = await load();
    if (!response.ok && gatewaySupport === 'unknown' && response.error.kind === 'not-found') return { ok: true, value: [] };
    return check(response);
  };

  const perMesh = await Promise.all(
    meshes.value.map(async (mesh): Promise<MeshSnapshot | null> => {
      const name = mesh.name;
      const [gateways, gatewayRoutes, httpRoutes, tcpRoutes, dataplanes, secrets] = await Promise.all([
        client.listMeshGateways(name, call).then(check),
        routes('MeshGatewayRoute', () => client.listMeshGatewayRoutes(name, call)),
        routes('MeshHTTPRoute', () => client.listMeshHttpRoutes(name, call)),
        routes('MeshTCPRoute', () => client.listMeshTcpRoutes(name, call)),
        client.listGatewayDataplanes(name, call).then(check),
        options.includeSecrets === true ? client.listSecrets(name, call) : Promise.resolve<SecretsState>({ state: 'not-requested' }),
      ]);
      if (!gateways.ok || !gatewayRoutes.ok || !httpRoutes.ok || !tcpRoutes.ok || !dataplanes.ok) return null;
      return {
        name,
        mesh,
        gateways: gateways.value,
        gatewayRoutes: gatewayRoutes.value,
        httpRoutes: httpRoutes.value.filter(targetsMeshGateway),
        tcpRoutes: tcpRoutes.value.filter(targetsMeshGateway),
        dataplanes: dataplanes.value,
        secrets,
      };
    }),
  );
  signal?.removeEventListener('abort', forward);
  if (first.error !== null) return fail(first.error);
  const out = perMesh.filter((entry): entry is MeshSnapshot => entry !== null);
  if (signal?.aborted === true || out.length !== perMesh.length) {
    return fail(clientError('aborted', 'The refresh was cancelled.'));
  }

  const cp = config.ok ? config.value : null;
  return {
    ok: true,
    value: {
      controlPlane: {
        url: client.url,
        product: index.value.product,
        version: index.value.version,
        mode: cp?.mode ?? null,
        zone: cp !== null && cp.mode !== 'global' ? cp.zone : null,
        environment: cp?.environment ?? null,
        federated: cp !== null && cp.mode === 'zone' && cp.globalAddress !== null,
        gatewaySupport,
      },
      meshes: out,
      notes,
    },
  };
}
