import { setMaxListeners } from 'node:events';
import type { KumaClient } from '../client.js';
import { clientError } from '../errors.js';
import { targetsMeshGateway } from '../resources/gateways.js';
import { fail, ok } from '../result.js';
import type { ClientError, GatewayDataplane, RawResource, Result, SecretsState } from '../types.js';
import type { Probe } from './probe.js';
import type { MeshSnapshot, SnapshotOptions } from './snapshot.js';

const ROUTE_TYPES = ['MeshGatewayRoute', 'MeshHTTPRoute', 'MeshTCPRoute'] as const;

/** A mesh's lists but its MeshGateways: the three route kinds, its gateway proxies, its Secrets. */
type Lists = [Result<RawResource[]>, Result<RawResource[]>, Result<RawResource[]>, Result<GatewayDataplane[]>, SecretsState];

/** The lists of a mesh not read yet. */
const notRead = (): Lists => [ok([]), ok([]), ok([]), ok([]), { state: 'not-requested' }];

/** A mesh's snapshot from its lists; null when one of them (Secrets aside) failed. */
function snapshotOf(mesh: RawResource, gateways: Result<RawResource[]>, [gatewayRoutes, httpRoutes, tcpRoutes, dataplanes, secrets]: Lists): MeshSnapshot | null {
  if (!gateways.ok || !gatewayRoutes.ok || !httpRoutes.ok || !tcpRoutes.ok || !dataplanes.ok) return null;
  return {
    name: mesh.name,
    mesh,
    gateways: gateways.value,
    gatewayRoutes: gatewayRoutes.value,
    httpRoutes: httpRoutes.value.filter(targetsMeshGateway),
    tcpRoutes: tcpRoutes.value.filter(targetsMeshGateway),
    dataplanes: dataplanes.value,
    secrets,
  };
}

/** The first mesh by name, in code-point order. */
function firstByName(meshes: RawResource[]): RawResource {
  return meshes.reduce((a, b) => (b.name < a.name ? b : a));
}

/**
 * Loads the lists of every mesh in parallel: MeshGateways, the three route kinds (those the
 * control plane serves), builtin gateway dataplanes and, when asked, Secrets. The first failure
 * of anything but Secrets cancels the requests still running and fails the whole.
 * `options.onPartial` (see SnapshotOptions) is called here with the meshes as they then stand.
 */
export async function loadMeshSnapshots(
  client: KumaClient,
  meshes: RawResource[],
  probe: Pick<Probe, 'gatewaySupport' | 'knownTypes'>,
  options: Omit<SnapshotOptions, 'onPartial'> & { onPartial?: (meshes: MeshSnapshot[], pending: string[]) => void },
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

  /** Everything of a mesh but its MeshGateways. */
  const listsOf = (name: string): Promise<Lists> =>
    Promise.all([
      routes('MeshGatewayRoute', () => client.listMeshGatewayRoutes(name, call)),
      routes('MeshHTTPRoute', () => client.listMeshHttpRoutes(name, call)),
      routes('MeshTCPRoute', () => client.listMeshTcpRoutes(name, call)),
      client.listGatewayDataplanes(name, call).then(check),
      options.includeSecrets === true ? client.listSecrets(name, call) : Promise.resolve<SecretsState>({ state: 'not-requested' }),
    ]);
  // Every mesh's MeshGateways at once. With `onPartial`, the other lists of the first mesh that
  // has a MeshGateway (its rows come first in a list by mesh) next, and the other meshes' once
  // those are read: requested just before that mesh is reported, so that the control plane
  // answers them while the caller works on it.
  const gatewayLists = new Map(meshes.map((mesh) => [mesh, client.listMeshGateways(mesh.name, call)]));
  // A MeshGateway list's failure is judged once all are in, in mesh order, so that a fault every
  // mesh shares (a control plane without the kind) names the same mesh on every run.
  const listed = Promise.all(gatewayLists.values()).then((results) => {
    const failed = results.find((result) => !result.ok);
    if (failed !== undefined) check(failed);
    return results;
  });
  const report = options.onPartial;
  const lists = new Map<RawResource, Promise<Lists>>();
  const listsFor = (mesh: RawResource): Promise<Lists> => {
    let pending = lists.get(mesh);
    if (pending === undefined) lists.set(mesh, (pending = listsOf(mesh.name)));
    return pending;
  };
  /** Reports the meshes with the lists read so far (`read`), the others with their MeshGateways only. */
  const reportWith = async (read: Map<RawResource, Lists>): Promise<void> => {
    if (report === undefined || first.error !== null || inner.signal.aborted) return;
    const partial: MeshSnapshot[] = [];
    for (const mesh of meshes) {
      const gateways = await (gatewayLists.get(mesh) as Promise<Result<RawResource[]>>);
      const snapshot = snapshotOf(mesh, gateways, read.get(mesh) ?? notRead());
      if (snapshot === null) return;
      partial.push(snapshot);
    }
    report(partial, meshes.filter((m) => !read.has(m)).map((m) => m.name));
  };
  // `gate`: the lists may be requested; `announced`: every mesh's MeshGateways are reported.
  let gate: Promise<unknown> = Promise.resolve();
  let announced: Promise<unknown> = Promise.resolve();
  if (report !== undefined) {
    announced = listed.then(() => reportWith(new Map()));
    // Usually the first mesh by name is the one: its lists are asked for at once. With one mesh,
    // the second report holds all of it: an app can show part of it while it analyses the rest.
    if (meshes.length > 0) void listsFor(firstByName(meshes));
    gate = Promise.all([listed, announced]).then(async ([results]) => {
      if (first.error !== null || inner.signal.aborted || meshes.length === 0) return;
      const withGateways = meshes.filter((_, i) => {
        const listedHere = results[i];
        return listedHere.ok && listedHere.value.length > 0;
      });
      const leading = firstByName(withGateways.length > 0 ? withGateways : meshes);
      const read = await listsFor(leading);
      if (first.error !== null || inner.signal.aborted) return;
      for (const mesh of meshes) void listsFor(mesh);
      await reportWith(new Map([[leading, read]]));
    });
  }
  let perMesh: (MeshSnapshot | null)[];
  try {
    perMesh = await Promise.all(
      meshes.map(async (mesh): Promise<MeshSnapshot | null> => {
        await gate;
        const [gateways, read] = await Promise.all([gatewayLists.get(mesh) as Promise<Result<RawResource[]>>, listsFor(mesh)]);
        return snapshotOf(mesh, gateways, read);
      }),
    );
    await Promise.all([listed, announced]);
  } finally {
    // Also when `onPartial` threw: no request is left running.
    inner.abort();
    signal?.removeEventListener('abort', forward);
  }
  if (first.error !== null) return fail(first.error);
  const out = perMesh.filter((entry): entry is MeshSnapshot => entry !== null);
  if (signal?.aborted === true || out.length !== perMesh.length) {
    return fail(clientError('aborted', 'The refresh was cancelled.'));
  }
  return ok(out);
}
