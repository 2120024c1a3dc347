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
