import type { VersionRange } from './versions.js';

/** The resource kinds the engine knows, each as Kuma spells its `type` (Universal) and `kind`. */
export type ResourceKind =
  | 'Mesh'
  | 'MeshGateway'
  | 'MeshGatewayRoute'
  | 'Dataplane'
  | 'Secret'
  | 'GlobalSecret'
  | 'MeshHTTPRoute'
  | 'MeshTCPRoute';

export type ResourceForm = 'universal' | 'kubernetes';

/** Every kind, in the order completion offers them. */
export const RESOURCE_KINDS: readonly ResourceKind[] = [
  'MeshGateway',
  'MeshGatewayRoute',
  'Dataplane',
  'Secret',
  'Mesh',
  'GlobalSecret',
  'MeshHTTPRoute',
  'MeshTCPRoute',
];

const KIND_SET: ReadonlySet<string> = new Set(RESOURCE_KINDS);

/** The kinds newer than Kuma 2.0, with the versions whose resource registry has them. */
const KIND_VERSIONS: Partial<Record<ResourceKind, VersionRange>> = {
  MeshHTTPRoute: { since: '2.1' },
  MeshTCPRoute: { since: '2.3' },
};

/** The Kuma versions that have the kind; undefined: every version. */
export function kindVersions(kind: ResourceKind): VersionRange | undefined {
  return KIND_VERSIONS[kind];
}

/** Whether `name` is a kind the engine knows, spelled exactly. */
export function isResourceKind(name: string): name is ResourceKind {
  return KIND_SET.has(name);
}

/** The `apiVersion` group of Kuma's Kubernetes resources. */
export const KUMA_API_GROUP = 'kuma.io/';

/**
 * Kinds that exist as Kubernetes custom resources of `kuma.io`: Secrets are plain Kubernetes
 * Secrets there, recognised by their `type`.
 */
export function isKubernetesCustomKind(kind: ResourceKind): boolean {
  return kind !== 'Secret' && kind !== 'GlobalSecret';
}

const PROTO_KINDS: ReadonlySet<ResourceKind> = new Set<ResourceKind>(['Mesh', 'MeshGateway', 'MeshGatewayRoute', 'Dataplane', 'Secret', 'GlobalSecret']);

/** Whether the kind is a protobuf message read with protobuf-JSON (names or numbers for enums). */
export function isProtoKind(kind: ResourceKind): boolean {
  return PROTO_KINDS.has(kind);
}

const MESH_SCOPED_KINDS: ReadonlySet<ResourceKind> = new Set<ResourceKind>(['MeshGateway', 'MeshGatewayRoute', 'Dataplane', 'Secret', 'MeshHTTPRoute', 'MeshTCPRoute']);

/** Whether resources of the kind belong to a mesh (and so carry `mesh`). */
export function isMeshScoped(kind: ResourceKind): boolean {
  return MESH_SCOPED_KINDS.has(kind);
}

/**
 * Kuma kinds meshgw does not check: the rest of Kuma v2.14.3's resource registry, the
 * Kubernetes-only kinds of `kuma.io`, and Kong Mesh's own policies. A document of one of these is
 * a real resource, not a misspelling.
 */
export const UNCHECKED_KUMA_KINDS: readonly string[] = [
  'CircuitBreaker', 'Config', 'DataplaneInsight', 'DataplaneOverview', 'ExternalService', 'FaultInjection', 'HealthCheck',
  'HostnameGenerator', 'MeshAccessLog', 'MeshCircuitBreaker', 'MeshExternalService', 'MeshFaultInjection', 'MeshHealthCheck',
  'MeshIdentity', 'MeshInsight', 'MeshLoadBalancingStrategy', 'MeshMetric', 'MeshMultiZoneService', 'MeshOpenTelemetryBackend',
  'MeshPassthrough', 'MeshProxyPatch', 'MeshRateLimit', 'MeshRetry', 'MeshService', 'MeshTLS', 'MeshTimeout', 'MeshTrace',
  'MeshTrafficPermission', 'MeshTrust', 'MeshZoneAddress', 'ProxyTemplate', 'RateLimit', 'Retry', 'ServiceInsight',
  'ServiceOverview', 'Timeout', 'TrafficLog', 'TrafficPermission', 'TrafficRoute', 'TrafficTrace', 'VirtualOutbound',
  'Workload', 'Zone', 'ZoneEgress', 'ZoneEgressInsight', 'ZoneEgressOverview', 'ZoneIngress', 'ZoneIngressInsight',
  'ZoneIngressOverview', 'ZoneInsight', 'ZoneOverview',
  'MeshGatewayInstance', 'MeshGatewayConfig', 'ContainerPatch',
  'MeshOPA', 'MeshGlobalRateLimit', 'OPAPolicy', 'AccessRole', 'AccessRoleBinding',
];

const UNCHECKED_KINDS: ReadonlySet<string> = new Set(UNCHECKED_KUMA_KINDS);

/** Whether `name` is a Kuma (or Kong Mesh) kind that meshgw knows exists but does not check. */
export function isUncheckedKumaKind(name: string): boolean {
  return UNCHECKED_KINDS.has(name);
}
