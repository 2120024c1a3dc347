import type { FieldSpec, FieldType, ObjectType } from './field-type.js';
import { ANY, BOOL, MAP, STRING, f, obj, openObj } from './field-type.js';
import type { ResourceForm, ResourceKind } from '../kinds.js';
import { MESH_GATEWAY_SPEC } from './mesh-gateway.js';
import { MESH_GATEWAY_ROUTE_SPEC } from './gateway-route.js';
import { DATAPLANE_SPEC } from './dataplane.js';
import { MESH_HTTP_ROUTE_SPEC, MESH_SPEC, MESH_TCP_ROUTE_SPEC } from './policies.js';
import { isMeshScoped, isProtoKind } from '../kinds.js';

const SECRET_SPEC: FieldSpec[] = [f('data', { kind: 'bytes' }, 'The secret\'s payload, base64-encoded; for gateway certificates, a PEM bundle.')];



function specFields(kind: ResourceKind): FieldSpec[] {
  switch (kind) {
    case 'MeshGateway':
      return MESH_GATEWAY_SPEC;
    case 'MeshGatewayRoute':
      return MESH_GATEWAY_ROUTE_SPEC;
    case 'Dataplane':
      return DATAPLANE_SPEC;
    case 'Mesh':
      return MESH_SPEC;
    case 'Secret':
    case 'GlobalSecret':
      return SECRET_SPEC;
    case 'MeshHTTPRoute':
      return MESH_HTTP_ROUTE_SPEC;
    case 'MeshTCPRoute':
      return MESH_TCP_ROUTE_SPEC;
  }
}

function universalEnvelope(kind: ResourceKind): FieldSpec[] {
  const env: FieldSpec[] = [
    f('type', { kind: 'enum', name: '', values: [{ name: kind, number: null, doc: `A ${kind} resource.` }], numbers: false }, 'The resource type.', {
      required: true,
      envelope: true,
    }),
    f('name', STRING, 'Name of the resource: a lower-case RFC 1123 subdomain, at most 253 characters.', { required: true, envelope: true }),
  ];
  if (isMeshScoped(kind)) {
    env.push(f('mesh', STRING, 'The mesh this resource belongs to. Required.', { required: true, envelope: true }));
  }
  env.push(
    f('labels', MAP, 'Labels of the resource, used to select and group resources.', { envelope: true, versions: { since: '2.6' } }),
    f('creationTime', { kind: 'timestamp' }, 'When the resource was created; set by the control plane and ignored on apply.', { envelope: true }),
    f('modificationTime', { kind: 'timestamp' }, 'When the resource was last changed; set by the control plane and ignored on apply.', { envelope: true }),
    f('kri', STRING, 'The Kuma resource identifier, printed by the control plane and ignored on apply.', { envelope: true, versions: { since: '2.13' } }),
  );
  return env;
}

const METADATA = openObj('ObjectMeta', [
  f('name', STRING, 'Name of the resource.', { required: true }),
  f('namespace', STRING, 'Namespace of the resource; MeshGateway, MeshGatewayRoute and Mesh are cluster-scoped and have none.'),
  f('labels', MAP, 'Labels of the resource; `kuma.io/mesh` sets the mesh of new-style policies and Secrets.'),
  f('annotations', MAP, 'Annotations of the resource.'),
  f('generateName', STRING, 'Prefix for a generated name.'),
  f('uid', STRING, 'Unique identifier set by Kubernetes.'),
  f('resourceVersion', STRING, 'Version set by Kubernetes.'),
  f('generation', ANY, 'Generation set by Kubernetes.'),
  f('creationTimestamp', ANY, 'Creation time set by Kubernetes.'),
  f('deletionTimestamp', ANY, 'Deletion time set by Kubernetes.'),
  f('deletionGracePeriodSeconds', ANY, 'Deletion grace period set by Kubernetes.'),
  f('ownerReferences', ANY, 'Owners of the resource.'),
  f('finalizers', ANY, 'Finalizers of the resource.'),
  f('managedFields', ANY, 'Field ownership set by Kubernetes.'),
]);

function kubernetesEnvelope(kind: ResourceKind, spec: ObjectType): FieldSpec[] {
  const env: FieldSpec[] = [
    f('apiVersion', STRING, 'API group and version: `kuma.io/v1alpha1`.', { required: true, envelope: true }),
    f('kind', { kind: 'enum', name: '', values: [{ name: kind, number: null, doc: `A ${kind} resource.` }], numbers: false }, 'The resource kind.', {
      required: true,
      envelope: true,
    }),
    f('metadata', METADATA, 'Kubernetes object metadata: name, labels, annotations.', { required: true, envelope: true }),
  ];
  if (isProtoKind(kind)) {
    const meshRequired = isMeshScoped(kind);
    env.push(
      f('mesh', STRING, meshRequired ? 'The mesh this resource belongs to; a top-level field (not a label), required by Kuma\'s webhook.' : 'Not used by this kind.', {
        envelope: true,
        ...(meshRequired ? { required: true } : {}),
      }),
    );
  }
  env.push(
    f('spec', spec, `The ${kind} specification.`, { envelope: true }),
    f('status', ANY, 'Status written by the control plane; ignored on apply.', { envelope: true }),
  );
  return env;
}

const K8S_SECRET = openObj('v1.Secret', [
  f('apiVersion', STRING, 'Core API version: `v1`.', { required: true, envelope: true }),
  f('kind', STRING, 'Kind: `Secret`.', { required: true, envelope: true }),
  f('metadata', METADATA, 'Object metadata; the `kuma.io/mesh` label sets the mesh (default `default`).', { required: true, envelope: true }),
  f('type', STRING, '`system.kuma.io/secret` for a mesh Secret, `system.kuma.io/global-secret` for a GlobalSecret.', { envelope: true }),
  f('data', { kind: 'map' }, 'Payload; Kuma reads the base64-encoded `value` key.'),
  f('stringData', { kind: 'map' }, 'Payload as plain text, merged into `data` by Kubernetes.'),
  f('immutable', BOOL, 'Whether the Secret can no longer change.'),
]);

/**
 * The whole document's shape for a kind in a form: the root object type. Universal documents
 * carry the envelope next to the spec fields (new-style policies keep theirs under `spec`);
 * Kubernetes documents carry `apiVersion`, `kind`, `metadata`, `spec`, and `mesh` for legacy
 * kinds. Kubernetes Secrets are core v1 Secrets.
 */
export function documentType(kind: ResourceKind, form: ResourceForm): ObjectType {
  const key = `${kind}|${form}`;
  let type = DOCUMENT_TYPES.get(key);
  if (!type) {
    type = makeDocumentType(kind, form);
    DOCUMENT_TYPES.set(key, type);
  }
  return type;
}

// Every document of a kind and form is read against the same type, so it is made once; callers
// must not change it.
const DOCUMENT_TYPES = new Map<string, ObjectType>();

function makeDocumentType(kind: ResourceKind, form: ResourceForm): ObjectType {
  if (form === 'kubernetes') {
    if (kind === 'Secret' || kind === 'GlobalSecret') return K8S_SECRET;
    return obj(`${kind} (Kubernetes)`, kubernetesEnvelope(kind, specType(kind)));
  }
  if (isProtoKind(kind)) return obj(`${kind} (Universal)`, [...universalEnvelope(kind), ...specFields(kind)]);
  return obj(`${kind} (Universal)`, [...universalEnvelope(kind), f('spec', specType(kind), `The ${kind} specification.`, { envelope: true })]);
}

/** The spec message of a kind: the fields Kuma reads into the resource's spec. */
export function specType(kind: ResourceKind): ObjectType {
  return obj(kind, specFields(kind));
}


/** The field of an object type written as `key`, in either spelling; null when unknown. */
export function fieldByKey(type: ObjectType, key: string): FieldSpec | null {
  for (const field of type.fields) {
    if (field.name === key || field.protoName === key) return field;
  }
  return null;
}

/**
 * The field at `keys` from the document root, keys as found in the YAML: a string key in either
 * spelling, a number indexing a list. A list index gives the list field with its item type; a
 * key inside a map field gives a string field named by the key. Null when the path leaves the
 * described shape.
 */
export function fieldAtPath(kind: ResourceKind, form: ResourceForm, keys: (string | number)[]): FieldSpec | null {
  let type: FieldType = documentType(kind, form);
  let current = null as FieldSpec | null;
  for (const key of keys) {
    if (typeof key === 'number') {
      if (type.kind !== 'list' || !current) return null;
      type = type.of;
      current = { ...current, type };
      continue;
    }
    if (type.kind === 'map') {
      if (!current) return null;
      current = { name: key, type: STRING, doc: current.doc };
      type = STRING;
      continue;
    }
    if (type.kind !== 'object') return null;
    const next = fieldByKey(type, key);
    if (!next) return null;
    current = next;
    type = next.type;
  }
  return current;
}

/**
 * The fields that may be written in the object at `keys` (see `fieldAtPath`), for completion.
 * `[]` gives the document's top-level fields; a path to a list of objects gives the item's.
 */
export function childFields(kind: ResourceKind, form: ResourceForm, keys: (string | number)[]): FieldSpec[] {
  let type: FieldType;
  if (keys.length === 0) {
    type = documentType(kind, form);
  } else {
    const field = fieldAtPath(kind, form, keys);
    if (!field) return [];
    type = field.type;
  }
  while (type.kind === 'list') type = type.of;
  return type.kind === 'object' ? type.fields : [];
}
