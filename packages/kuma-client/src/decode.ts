import type {
  ControlPlaneConfig,
  ControlPlaneIndex,
  DataplaneRef,
  GatewayDataplane,
  RawResource,
  ResourceTypeInfo,
} from './types.js';

/**
 * Decoders from parsed JSON to the client's types. Each returns null when the value does not have
 * the shape Kuma answers with; the caller turns that into a `bad-shape` error. Every field is
 * treated as optional except the few that identify a thing, and unknown fields are ignored, so
 * that versions 2.0 to 2.14 all decode.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A string-to-string map; non-string values are dropped, a non-object gives `{}`. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') out[key] = entry;
  }
  return out;
}

export function decodeIndex(json: unknown): ControlPlaneIndex | null {
  if (!isObject(json)) return null;
  const version = stringOrNull(json.version);
  if (version === null) return null;
  return {
    product: stringOrNull(json.product) ?? stringOrNull(json.tagline) ?? 'Kuma',
    version,
    hostname: stringOrNull(json.hostname),
    instanceId: stringOrNull(json.instanceId),
    clusterId: stringOrNull(json.clusterId),
    gui: stringOrNull(json.gui),
    basedOnKuma: stringOrNull(json.basedOnKuma),
  };
}

export function decodeConfig(json: unknown): ControlPlaneConfig | null {
  if (!isObject(json)) return null;
  const multizone = isObject(json.multizone) ? json.multizone : {};
  const zone = isObject(multizone.zone) ? multizone.zone : {};
  const store = isObject(json.store) ? json.store : {};
  const apiServer = isObject(json.apiServer) ? json.apiServer : {};
  const zoneName = stringOrNull(zone.name);
  const globalAddress = stringOrNull(zone.globalAddress);
  return {
    mode: stringOrNull(json.mode),
    environment: stringOrNull(json.environment),
    zone: zoneName === '' ? null : zoneName,
    globalAddress: globalAddress === '' ? null : globalAddress,
    storeType: stringOrNull(store.type),
    readOnly: typeof apiServer.readOnly === 'boolean' ? apiServer.readOnly : null,
  };
}

export function decodeResourceTypes(json: unknown): ResourceTypeInfo[] | null {
  if (!isObject(json) || !Array.isArray(json.resources)) return null;
  const out: ResourceTypeInfo[] = [];
  for (const entry of json.resources) {
    if (!isObject(entry) || typeof entry.name !== 'string') return null;
    out.push({
      name: entry.name,
      path: stringOrNull(entry.path) ?? '',
      scope: stringOrNull(entry.scope),
      readOnly: typeof entry.readOnly === 'boolean' ? entry.readOnly : null,
    });
  }
  return out;
}

/** One page of a list: `items` (null reads as empty), `next` (absent reads as null). */
export interface ListPage {
  items: unknown[];
  next: string | null;
}

export function decodeListPage(json: unknown): ListPage | null {
  if (!isObject(json)) return null;
  const items = json.items === null ? [] : json.items;
  if (!Array.isArray(items)) return null;
  if (json.next !== undefined && json.next !== null && typeof json.next !== 'string') return null;
  return { items, next: typeof json.next === 'string' && json.next !== '' ? json.next : null };
}

/** A resource item: any object with a string `name`, kept as it is. */
export function decodeResource(item: unknown): RawResource | null {
  if (!isObject(item) || typeof item.name !== 'string') return null;
  return item as RawResource;
}

export function decodeDataplaneRefs(json: unknown): DataplaneRef[] | null {
  if (!isObject(json)) return null;
  const items = json.items === null || json.items === undefined ? [] : json.items;
  if (!Array.isArray(items)) return null;
  const out: DataplaneRef[] = [];
  for (const item of items) {
    if (!isObject(item) || !isObject(item.dataplane)) return null;
    const { mesh, name } = item.dataplane;
    if (typeof name !== 'string') return null;
    out.push({ mesh: typeof mesh === 'string' ? mesh : '', name });
  }
  return out;
}

/**
 * Online as Kuma decides it for gateway proxies (`DataplaneOverview.Status()`): some
 * subscription has a `connectTime` and no `disconnectTime`. No insight means offline.
 */
export function isOnline(insight: unknown): boolean {
  if (!isObject(insight) || !Array.isArray(insight.subscriptions)) return false;
  return insight.subscriptions.some(
    (subscription) =>
      isObject(subscription) &&
      typeof subscription.connectTime === 'string' &&
      subscription.connectTime !== '' &&
      (subscription.disconnectTime === undefined || subscription.disconnectTime === null || subscription.disconnectTime === ''),
  );
}

/** A `DataplaneOverview` item reduced to what gateway views need; null without a name. */
export function decodeGatewayDataplane(item: unknown, fallbackMesh: string): GatewayDataplane | null {
  if (!isObject(item) || typeof item.name !== 'string') return null;
  const dataplane = isObject(item.dataplane) ? item.dataplane : {};
  const networking = isObject(dataplane.networking) ? dataplane.networking : {};
  const gateway = isObject(networking.gateway) ? networking.gateway : null;
  const tags = stringMap(gateway?.tags);
  const labels = stringMap(item.labels);
  const insight = isObject(item.dataplaneInsight) ? item.dataplaneInsight : null;
  const subscriptions = insight !== null && Array.isArray(insight.subscriptions) ? insight.subscriptions.filter(isObject) : [];
  const last = subscriptions.length > 0 ? subscriptions[subscriptions.length - 1] : null;
  const version = last !== null && isObject(last.version) ? last.version : {};
  const kumaDp = isObject(version.kumaDp) ? version.kumaDp : {};
  const zone = labels['kuma.io/zone'] ?? tags['kuma.io/zone'] ?? null;
  return {
    mesh: stringOrNull(item.mesh) ?? fallbackMesh,
    name: item.name,
    address: stringOrNull(networking.address),
    gatewayType: gateway !== null && (gateway.type === 'BUILTIN' || gateway.type === 1) ? 'BUILTIN' : 'DELEGATED',
    tags,
    labels,
    online: isOnline(insight),
    zone: zone === '' ? null : zone,
    connectTime: last !== null ? stringOrNull(last.connectTime) : null,
    kumaDpVersion: stringOrNull(kumaDp.version),
  };
}
