/**
 * What the test control plane holds: every item already in the REST form of its Kuma version,
 * either as the recording has it (the recorder's data set) or a test's own data set rendered
 * through the version's recorded shapes (`fake-cp-shapes.ts`).
 */
import type { KumaRecording } from './kuma-recording.js';
import { clone, type Item, type ProxyKind, type VersionShapes } from './fake-cp-shapes.js';

/** Any resource: metadata (`mesh`, `name`, `labels`) and spec fields side by side. */
export interface FakeResource {
  mesh: string;
  name: string;
  labels?: Record<string, string>;
  [field: string]: unknown;
}

export interface FakeMesh {
  name: string;
  labels?: Record<string, string>;
  [field: string]: unknown;
}

export interface FakeDataplane {
  mesh: string;
  name: string;
  address?: string;
  /** Absent: a sidecar. `type` absent or `DELEGATED`: a delegated gateway. */
  gateway?: { type?: 'BUILTIN' | 'DELEGATED'; tags: Record<string, string> };
  inbound?: unknown[];
  labels?: Record<string, string>;
  /** Online: one open subscription. Offline: the last subscription has a disconnectTime. */
  online: boolean;
  /** No `dataplaneInsight` at all, as Kuma answers for a proxy that never connected. */
  noInsight?: boolean;
}

export interface FakeSecret {
  /** Absent for global secrets. */
  mesh?: string;
  name: string;
  /** The PEM text; the server base64-encodes it into `data`. */
  pem: string;
  labels?: Record<string, string>;
}

export interface FakeDataSet {
  meshes: FakeMesh[];
  /** MeshGateways in Universal shape: `selectors`, `conf.listeners`, optional `tags`. */
  gateways: FakeResource[];
  /** Legacy MeshGatewayRoutes: `selectors`, `conf`. */
  gatewayRoutes?: FakeResource[];
  /** MeshHTTPRoutes: `spec.targetRef`, `spec.to`. */
  httpRoutes?: FakeResource[];
  /** MeshTCPRoutes: `spec.targetRef`, `spec.to`. */
  tcpRoutes?: FakeResource[];
  dataplanes: FakeDataplane[];
  secrets: FakeSecret[];
  globalSecrets?: FakeSecret[];
}

export const COLLECTIONS = ['meshgateways', 'meshgatewayroutes', 'meshhttproutes', 'meshtcproutes', 'dataplanes', 'dataplanes+insights', 'secrets'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** The recorded list each collection path answered with (`size=1000`). */
export const COLLECTION_LABELS: Record<Collection, string> = {
  meshgateways: 'mesh gateways',
  meshgatewayroutes: 'mesh gateway routes (client path)',
  meshhttproutes: 'MeshHTTPRoutes',
  meshtcproutes: 'MeshTCPRoutes',
  dataplanes: 'dataplanes',
  'dataplanes+insights': 'dataplanes with insights',
  secrets: 'secrets',
};

/** Items in creation order (the order Kuma's memory store keeps without paging). */
export interface FakeStore {
  meshes: Item[];
  lists: Map<string, Record<Collection, Item[]>>;
  globalSecrets: Item[];
}

function emptyLists(): Record<Collection, Item[]> {
  return Object.fromEntries(COLLECTIONS.map((collection) => [collection, []])) as unknown as Record<Collection, Item[]>;
}

function byCreationTime(a: Item, b: Item): number {
  return String(a.creationTime) < String(b.creationTime) ? -1 : String(a.creationTime) > String(b.creationTime) ? 1 : 0;
}

/**
 * The recorder's data set as the recording has it. Only `default` was filled; the other meshes
 * it created (`payments`, `other`) hold nothing.
 */
export function recordedStore(recording: KumaRecording): FakeStore {
  const meshes = clone(recording.items('meshes (client page size)')).sort(byCreationTime);
  const lists = new Map(meshes.map((mesh) => [String(mesh.name), emptyLists()]));
  const defaults = lists.get('default') ?? emptyLists();
  for (const collection of COLLECTIONS) {
    const recorded = recording.find(COLLECTION_LABELS[collection]);
    if (recorded?.status === 200) defaults[collection] = clone(recording.items(COLLECTION_LABELS[collection])).sort(byCreationTime);
  }
  lists.set('default', defaults);
  return { meshes, lists, globalSecrets: clone(recording.items('global secrets')).sort(byCreationTime) };
}

const SUBSCRIPTION_TIMES = { connect: '2026-12-05T08:00:00Z', disconnect: '2026-12-05T09:00:00Z', update: '2026-12-05T08:00:05Z' };

/**
 * A connected proxy's insight. No recording has one (the recorded proxies never connected), so
 * this follows the overviews of Kuma's own API server tests
 * (pkg/api-server/testdata/meshes_mesh1_dataplanes_insights*.json): one subscription with
 * `connectTime`, plus `disconnectTime` when it ended, its status and the versions it reported.
 */
function insight(recording: KumaRecording, dp: FakeDataplane): Item {
  const index = recording.call('index').body as Item;
  const subscription: Item = {
    id: `stream-${dp.name}`,
    controlPlaneInstanceId: index.instanceId,
    connectTime: SUBSCRIPTION_TIMES.connect,
  };
  if (!dp.online) subscription.disconnectTime = SUBSCRIPTION_TIMES.disconnect;
  subscription.status = { lastUpdateTime: SUBSCRIPTION_TIMES.update, total: { responsesSent: '12', responsesAcknowledged: '12' }, cds: {}, eds: {}, lds: {}, rds: {} };
  subscription.version = {
    kumaDp: { version: recording.version, gitTag: `${recording.version}`, gitCommit: 'unknown', buildDate: 'unknown' },
    envoy: { version: 'unknown', build: 'unknown', kumaDpCompatible: true },
  };
  return { subscriptions: [subscription] };
}

function proxyKind(dp: FakeDataplane): ProxyKind {
  if (dp.gateway === undefined) return 'sidecar';
  return dp.gateway.type === 'BUILTIN' ? 'builtin' : 'delegated';
}

function specOf(resource: Record<string, unknown>): Item {
  const spec: Item = {};
  for (const [key, value] of Object.entries(resource)) {
    if (!['type', 'mesh', 'name', 'labels', 'creationTime', 'modificationTime', 'kri'].includes(key)) spec[key] = value;
  }
  return spec;
}

function metaOf(type: string, resource: { mesh?: unknown; name: string; labels?: Record<string, string>; creationTime?: unknown; modificationTime?: unknown }) {
  return {
    type,
    mesh: typeof resource.mesh === 'string' ? resource.mesh : undefined,
    name: resource.name,
    labels: resource.labels,
    creationTime: typeof resource.creationTime === 'string' ? resource.creationTime : undefined,
    modificationTime: typeof resource.modificationTime === 'string' ? resource.modificationTime : undefined,
  };
}

/** A test's data set in the REST form of the shapes' version; items keep the data set's order. */
export function storeFromData(shapes: VersionShapes, data: FakeDataSet): FakeStore {
  const meshes = data.meshes.map((mesh) => shapes.resource(metaOf('Mesh', { ...mesh, mesh: undefined }), specOf(mesh)));
  const lists = new Map(data.meshes.map((mesh) => [mesh.name, emptyLists()]));
  const listOf = (mesh: string, collection: Collection): Item[] => {
    let entry = lists.get(mesh);
    if (entry === undefined) {
      // A resource in a mesh the data set does not list exists in the store but not in /meshes.
      entry = emptyLists();
      lists.set(mesh, entry);
    }
    return entry[collection];
  };
  const kinds: [Collection, string, FakeResource[] | undefined][] = [
    ['meshgateways', 'MeshGateway', data.gateways],
    ['meshgatewayroutes', 'MeshGatewayRoute', data.gatewayRoutes],
    ['meshhttproutes', 'MeshHTTPRoute', data.httpRoutes],
    ['meshtcproutes', 'MeshTCPRoute', data.tcpRoutes],
  ];
  for (const [collection, type, resources] of kinds) {
    for (const resource of resources ?? []) listOf(resource.mesh, collection).push(shapes.resource(metaOf(type, resource), specOf(resource)));
  }
  for (const dp of data.dataplanes) {
    const kind = proxyKind(dp);
    const meta = metaOf('Dataplane', dp);
    const networking = shapes.networking(kind, { address: dp.address ?? '10.0.0.1', gateway: dp.gateway, inbound: dp.inbound });
    listOf(dp.mesh, 'dataplanes').push(shapes.dataplane(kind, meta, networking, { overview: false }));
    const overview = shapes.dataplane(kind, { ...meta, type: 'DataplaneOverview' }, networking, { overview: true });
    if (dp.noInsight !== true) overview.dataplaneInsight = insight(shapes.recording, dp);
    listOf(dp.mesh, 'dataplanes+insights').push(overview);
  }
  const secret = (type: 'Secret' | 'GlobalSecret', s: FakeSecret): Item =>
    shapes.resource(metaOf(type, { ...s, mesh: type === 'Secret' ? (s.mesh ?? 'default') : undefined }), { data: Buffer.from(s.pem, 'utf8').toString('base64') });
  for (const s of data.secrets) listOf(s.mesh ?? 'default', 'secrets').push(secret('Secret', s));
  return { meshes, lists, globalSecrets: (data.globalSecrets ?? []).map((s) => secret('GlobalSecret', s)) };
}
