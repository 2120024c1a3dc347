import { setMaxListeners } from 'node:events';
import type { KumaClient } from '../client.js';
import { clientError } from '../errors.js';
import { targetsMeshGateway } from '../resources/gateways.js';
import { fail, ok } from '../result.js';
import type { ClientError, RawResource, Result, SecretsState } from '../types.js';
import type { Probe } from './probe.js';
import type { MeshSnapshot, SnapshotOptions } from './snapshot.js';

const ROUTE_TYPES = ['MeshGatewayRoute', 'MeshHTTPRoute', 'MeshTCPRoute'] as const;

/**
 * Loads the lists of every mesh in parallel: MeshGateways, the three route kinds (those the
 * control plane serves), builtin gateway dataplanes and, when asked, Secrets. The first failure
 * of anything but Secrets cancels the requests still running and fails the whole.
 */
export async function loadMeshSnapshots(
  client: KumaClient,
  meshes: RawResource[],
  probe: Pick<Probe, 'gatewaySupport' | 'knownTypes'>,
  options: SnapshotOptions,
): Promise<Result<MeshSnapshot[]>> {
  const { signal } = options;
  const { gatewaySupport, knownTypes } = probe;
  const hasType = (name: (typeof ROUTE_TYPES)[number]): boolean => gatewaySupport === 'unknown' || knownTypes.has(name);

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
    meshes.map(async (mesh): Promise<MeshSnapshot | null> => {
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
  return ok(out);
}
