import { describe, expect, it } from 'vitest';
import { childFields, documentType, fieldAtPath } from '@meshgw/engine/testing';
import type { FieldSpec, FieldType, ObjectType, ResourceForm, ResourceKind } from '@meshgw/engine/testing';

const KINDS: ResourceKind[] = ['Mesh', 'MeshGateway', 'MeshGatewayRoute', 'Dataplane', 'Secret', 'GlobalSecret', 'MeshHTTPRoute', 'MeshTCPRoute'];
const FORMS: ResourceForm[] = ['universal', 'kubernetes'];

type Keys = (string | number)[];

/** [kind, form, keys, expected JSON name, expected type kind] */
const FOUND: [ResourceKind, ResourceForm, Keys, string, FieldType['kind']][] = [
  ['MeshGateway', 'universal', ['conf', 'listeners', 0, 'hostname'], 'hostname', 'string'],
  ['MeshGateway', 'universal', ['conf', 'listeners', 0, 'resources', 'connection_limit'], 'connectionLimit', 'uint32'],
  ['MeshGateway', 'universal', ['conf', 'listeners', 0, 'resources', 'connectionLimit'], 'connectionLimit', 'uint32'],
  ['MeshGateway', 'universal', ['conf', 'listeners', 0, 'tls', 'certificates', 1, 'inlineString'], 'inlineString', 'string'],
  ['MeshGateway', 'universal', ['conf', 'listeners', 0, 'tls', 'certificates', 0, 'inline'], 'inline', 'bytes'],
  ['MeshGateway', 'universal', ['conf', 'listeners', 0], 'listeners', 'object'],
  ['MeshGateway', 'universal', ['conf', 'listeners'], 'listeners', 'list'],
  ['MeshGateway', 'universal', ['tags', 'kuma.io/service'], 'kuma.io/service', 'string'],
  ['MeshGateway', 'universal', ['selectors', 0, 'match'], 'match', 'map'],
  ['MeshGateway', 'universal', ['name'], 'name', 'string'],
  ['MeshGateway', 'universal', ['creationTime'], 'creationTime', 'timestamp'],
  ['MeshGateway', 'kubernetes', ['spec', 'conf', 'listeners', 0, 'protocol'], 'protocol', 'enum'],
  ['MeshGateway', 'kubernetes', ['metadata', 'name'], 'name', 'string'],
  ['MeshGateway', 'kubernetes', ['mesh'], 'mesh', 'string'],
  ['MeshGatewayRoute', 'universal', ['conf', 'http', 'rules', 0, 'matches', 0, 'query_parameters', 0, 'value'], 'value', 'string'],
  ['MeshGatewayRoute', 'universal', ['conf', 'http', 'rules', 0, 'matches', 0, 'method'], 'method', 'enum'],
  ['MeshGatewayRoute', 'universal', ['conf', 'http', 'rules', 0, 'filters', 0, 'redirect', 'status_code'], 'statusCode', 'uint32'],
  ['MeshGatewayRoute', 'universal', ['conf', 'http', 'rules', 0, 'filters', 0, 'rewrite', 'replace_prefix_match'], 'replacePrefixMatch', 'string'],
  ['MeshGatewayRoute', 'universal', ['conf', 'http', 'rules', 0, 'filters', 0, 'mirror', 'percentage'], 'percentage', 'double'],
  ['MeshGatewayRoute', 'universal', ['conf', 'http', 'rules', 0, 'backends', 0, 'destination'], 'destination', 'map'],
  ['MeshGatewayRoute', 'kubernetes', ['spec', 'conf', 'tcp', 'rules', 0, 'backends', 0, 'weight'], 'weight', 'uint32'],
  ['Dataplane', 'universal', ['networking', 'gateway', 'type'], 'type', 'enum'],
  ['Dataplane', 'universal', ['networking', 'transparent_proxying', 'ipFamilyMode'], 'ipFamilyMode', 'enum'],
  ['Dataplane', 'universal', ['networking', 'inbound', 0, 'serviceProbe', 'unhealthy_threshold'], 'unhealthyThreshold', 'uint32'],
  ['Dataplane', 'universal', ['networking', 'inbound', 0, 'serviceProbe', 'interval'], 'interval', 'duration'],
  ['Dataplane', 'universal', ['probes', 'endpoints', 0, 'inbound_path'], 'inboundPath', 'string'],
  ['Dataplane', 'kubernetes', ['spec', 'networking', 'admin', 'port'], 'port', 'uint32'],
  ['Mesh', 'universal', ['mtls'], 'mtls', 'any'],
  ['Mesh', 'kubernetes', ['spec', 'skipCreatingInitialPolicies'], 'skipCreatingInitialPolicies', 'list'],
  ['Secret', 'universal', ['data'], 'data', 'bytes'],
  ['Secret', 'kubernetes', ['data', 'value'], 'value', 'string'],
  ['MeshHTTPRoute', 'universal', ['spec', 'to', 0, 'rules', 0, 'default', 'backendRefs', 0, 'weight'], 'weight', 'integer'],
  ['MeshHTTPRoute', 'kubernetes', ['spec', 'targetRef', 'kind'], 'kind', 'enum'],
  ['MeshHTTPRoute', 'kubernetes', ['spec', 'to', 0, 'rules', 0, 'default', 'filters', 0, 'requestMirror', 'percentage'], 'percentage', 'intOrString'],
  ['MeshTCPRoute', 'universal', ['spec', 'to', 0, 'rules', 0, 'default', 'backendRefs', 0, 'name'], 'name', 'string'],
];

const NOT_FOUND: [ResourceKind, ResourceForm, Keys][] = [
  ['MeshGateway', 'universal', ['conf', 'listeners', 0, 'hostnmae']],
  ['MeshGateway', 'universal', ['conf', 'listeners', 'port']],
  ['MeshGateway', 'universal', ['conf', 0]],
  ['MeshGateway', 'universal', ['conf', 'listeners', 0, 'cross_mesh']],
  ['MeshGateway', 'kubernetes', ['conf']],
  ['MeshGateway', 'universal', ['apiVersion']],
  ['MeshHTTPRoute', 'universal', ['targetRef']],
  ['MeshHTTPRoute', 'kubernetes', ['mesh']],
  ['Mesh', 'universal', ['mesh']],
];

/** Pairs of spellings Kuma's protobuf-JSON decoder accepts for one field: [kind, path to the object, JSON, proto]. */
const SPELLINGS: [ResourceKind, Keys, string, string][] = [
  ['MeshGateway', ['conf', 'listeners', 0, 'resources'], 'connectionLimit', 'connection_limit'],
  ['MeshGatewayRoute', ['conf', 'http', 'rules', 0, 'matches', 0], 'queryParameters', 'query_parameters'],
  ['MeshGatewayRoute', ['conf', 'http', 'rules', 0, 'filters', 0, 'redirect'], 'statusCode', 'status_code'],
  ['MeshGatewayRoute', ['conf', 'http', 'rules', 0, 'filters', 0], 'requestHeader', 'request_header'],
  ['MeshGatewayRoute', ['conf', 'http', 'rules', 0, 'filters', 0], 'responseHeader', 'response_header'],
  ['MeshGatewayRoute', ['conf', 'http', 'rules', 0, 'filters', 0, 'rewrite'], 'replaceFull', 'replace_full'],
  ['MeshGatewayRoute', ['conf', 'http', 'rules', 0, 'filters', 0, 'rewrite'], 'replacePrefixMatch', 'replace_prefix_match'],
  ['MeshGatewayRoute', ['conf', 'http', 'rules', 0, 'filters', 0, 'rewrite'], 'hostToBackendHostname', 'host_to_backend_hostname'],
  ['Dataplane', ['networking'], 'transparentProxying', 'transparent_proxying'],
  ['Dataplane', ['networking', 'transparentProxying'], 'redirectPortInbound', 'redirect_port_inbound'],
];

function names(fields: FieldSpec[]): string[] {
  return fields.map((f) => f.name);
}

/** Every object type reachable from a root, each once per path. */
function objects(type: FieldType, out: ObjectType[] = []): ObjectType[] {
  if (type.kind === 'list') return objects(type.of, out);
  if (type.kind !== 'object') return out;
  out.push(type);
  for (const field of type.fields) objects(field.type, out);
  return out;
}

describe('fieldAtPath', () => {
  it.each(FOUND)('%s %s %j', (kind, form, keys, name, typeKind) => {
    const field = fieldAtPath(kind, form, keys);
    expect(field?.name).toBe(name);
    expect(field?.type.kind).toBe(typeKind);
    expect(field?.doc).toMatch(/\S/);
  });

  it.each(NOT_FOUND)('%s %s %j is not a field', (kind, form, keys) => {
    expect(fieldAtPath(kind, form, keys)).toBeNull();
  });

  it.each(SPELLINGS)('%s: %s and %s are one field', (kind, path, json, proto) => {
    const a = fieldAtPath(kind, 'universal', [...path, json]);
    const b = fieldAtPath(kind, 'universal', [...path, proto]);
    expect(a).not.toBeNull();
    expect(a).toBe(b);
    expect(a).toMatchObject({ name: json, protoName: proto });
  });

  it('describes listener fields for a hover', () => {
    expect(fieldAtPath('MeshGateway', 'universal', ['conf', 'listeners', 0, 'hostname'])?.doc).toContain('Empty or `*` means any host');
    expect(fieldAtPath('MeshGateway', 'universal', ['conf', 'listeners', 0, 'port'])).toMatchObject({ required: true, type: { kind: 'uint32', min: 1, max: 65535 } });
  });

  it('gives enums their names and numbers', () => {
    const protocol = fieldAtPath('MeshGateway', 'universal', ['conf', 'listeners', 0, 'protocol'])?.type;
    expect(protocol).toMatchObject({ kind: 'enum', numbers: true, name: 'kuma.mesh.v1alpha1.MeshGateway.Listener.Protocol' });
    expect(protocol?.kind === 'enum' && protocol.values.map((v) => [v.name, v.number])).toEqual([
      ['NONE', 0],
      ['TCP', 1],
      ['UDP', 2],
      ['TLS', 3],
      ['HTTP', 4],
      ['HTTPS', 5],
    ]);
    const mode = fieldAtPath('MeshGateway', 'universal', ['conf', 'listeners', 0, 'tls', 'mode'])?.type;
    expect(mode?.kind === 'enum' && mode.values.map((v) => [v.name, v.number])).toEqual([
      ['NONE', 0],
      ['TERMINATE', 1],
      ['PASSTHROUGH', 2],
    ]);
    const gatewayType = fieldAtPath('Dataplane', 'universal', ['networking', 'gateway', 'type'])?.type;
    expect(gatewayType?.kind === 'enum' && gatewayType.values.map((v) => [v.name, v.number])).toEqual([
      ['DELEGATED', 0],
      ['BUILTIN', 1],
    ]);
    const kind = fieldAtPath('MeshHTTPRoute', 'universal', ['spec', 'targetRef', 'kind'])?.type;
    expect(kind).toMatchObject({ kind: 'enum', numbers: false });
  });

  it('marks oneofs and the unsupported file datasource', () => {
    const certificate = fieldAtPath('MeshGateway', 'universal', ['conf', 'listeners', 0, 'tls', 'certificates', 0])?.type;
    expect(certificate?.kind === 'object' && certificate.oneofs).toEqual([{ name: 'type', fields: ['secret', 'file', 'inline', 'inlineString'], required: false }]);
    expect(fieldAtPath('MeshGateway', 'universal', ['conf', 'listeners', 0, 'tls', 'certificates', 0, 'file'])?.deprecated).toMatch(/not supported by the builtin gateway/);
    const conf = fieldAtPath('MeshGatewayRoute', 'universal', ['conf'])?.type;
    expect(conf?.kind === 'object' && conf.oneofs).toEqual([{ name: 'route', fields: ['tcp', 'http'], required: true }]);
    const filter = fieldAtPath('MeshGatewayRoute', 'universal', ['conf', 'http', 'rules', 0, 'filters', 0])?.type;
    expect(filter?.kind === 'object' && filter.oneofs?.[0].fields).toEqual(['requestHeader', 'mirror', 'redirect', 'rewrite', 'responseHeader']);
  });
});

describe('childFields', () => {
  it.each<[ResourceKind, ResourceForm, Keys, string[]]>([
    ['MeshGateway', 'universal', ['conf', 'listeners', 0], ['hostname', 'port', 'protocol', 'tls', 'tags', 'crossMesh', 'resources']],
    ['MeshGateway', 'universal', ['conf', 'listeners'], ['hostname', 'port', 'protocol', 'tls', 'tags', 'crossMesh', 'resources']],
    ['MeshGateway', 'universal', [], ['type', 'name', 'mesh', 'labels', 'creationTime', 'modificationTime', 'kri', 'selectors', 'tags', 'conf']],
    ['MeshGateway', 'kubernetes', [], ['apiVersion', 'kind', 'metadata', 'mesh', 'spec', 'status']],
    ['MeshGateway', 'kubernetes', ['spec'], ['selectors', 'tags', 'conf']],
    ['MeshGatewayRoute', 'universal', ['conf'], ['tcp', 'http']],
    ['Dataplane', 'universal', ['networking'], ['address', 'advertisedAddress', 'gateway', 'inbound', 'outbound', 'transparentProxying', 'admin', 'listeners']],
    ['Mesh', 'universal', [], ['type', 'name', 'labels', 'creationTime', 'modificationTime', 'kri', 'mtls', 'tracing', 'logging', 'metrics', 'networking', 'routing', 'constraints', 'skipCreatingInitialPolicies', 'meshServices']],
    ['MeshHTTPRoute', 'kubernetes', [], ['apiVersion', 'kind', 'metadata', 'spec', 'status']],
    ['MeshGateway', 'universal', ['conf', 'listeners', 0, 'port'], []],
    ['MeshGateway', 'universal', ['nope'], []],
  ])('%s %s %j', (kind, form, keys, expected) => {
    expect(names(childFields(kind, form, keys))).toEqual(expected);
  });
});

describe('the field description', () => {
  const roots = KINDS.flatMap((kind) => FORMS.map((form) => [kind, form, documentType(kind, form)] as const));

  it.each(roots)('%s %s is plain data with a doc for every field', (_kind, _form, root) => {
    expect(JSON.parse(JSON.stringify(root))).toEqual(root);
    for (const type of objects(root)) {
      const spellings = type.fields.flatMap((f) => (f.protoName ? [f.name, f.protoName] : [f.name]));
      expect(new Set(spellings).size, type.name).toBe(spellings.length);
      for (const field of type.fields) {
        expect(field.doc, `${type.name}.${field.name}`).toMatch(/^\S.*[.)]$/);
        if (field.protoName) {
          expect(field.protoName).toMatch(/^[a-z]+(_[a-z0-9]+)+$/);
          expect(field.protoName.replace(/_(.)/g, (_m, c: string) => c.toUpperCase())).toBe(field.name);
        }
        if (field.type.kind === 'enum') for (const v of field.type.values) expect(v.doc).toMatch(/\S/);
      }
      for (const group of type.oneofs ?? []) {
        for (const member of group.fields) expect(type.fields.find((f) => f.name === member)?.oneof).toBe(group.name);
      }
      for (const field of type.fields) {
        if (field.oneof) expect(type.oneofs?.find((g) => g.name === field.oneof)?.fields).toContain(field.name);
      }
    }
  });
});
