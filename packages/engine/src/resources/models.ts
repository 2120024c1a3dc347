import { decodeBase64 } from '../kuma/certificates.js';
import {
  asMap,
  asScalar,
  boolOf,
  entriesOf,
  enumOf,
  fieldOf,
  itemsOf,
  pairOf,
  stringOf,
  textOf,
  uintOf,
} from './yaml-access.js';
import type { CertificateRef, CertificateSource, DataplaneModel, GatewayModel, GatewayRouteModel, ListenerModel, PolicyRouteModel, ResourceDoc, SecretModel, Selector, Tag } from './types.js';
import type { YNode } from '../syntax/tree.js';

/** Protocol enum of MeshGateway listeners, indexed by number (2, UDP, does not exist). */
export const PROTOCOLS = ['NONE', 'TCP', '', 'TLS', 'HTTP', 'HTTPS'] as const;
export const TLS_MODES = ['NONE', 'TERMINATE', 'PASSTHROUGH'] as const;
export const GATEWAY_TYPES = ['DELEGATED', 'BUILTIN'] as const;

/** Tags of a map<string,string> field; a non-string value reads as "" (Kuma cannot parse it). */
export function tagsOf(node: YNode | null): Tag[] {
  return entriesOf(node).map((p) => ({
    key: textOf(p.key),
    value: stringOf(p.value),
    keySpan: p.key.span,
    valueSpan: p.value.span,
  }));
}

export function selectorsOf(spec: YNode | null): Selector[] {
  return itemsOf(fieldOf(spec, 'selectors')).map((item, index) => ({
    index,
    span: item.span,
    match: tagsOf(fieldOf(item, 'match')),
  }));
}

function certificateSourceOf(node: YNode): CertificateSource {
  const secret = pairOf(node, 'secret');
  if (secret) return { kind: 'secret', name: stringOf(secret.value) };
  const file = pairOf(node, 'file');
  if (file) return { kind: 'file', path: stringOf(file.value) };
  const inline = pairOf(node, 'inline');
  if (inline) return { kind: 'inline', base64: stringOf(inline.value) };
  const inlineString = pairOf(node, 'inlineString', 'inline_string');
  if (inlineString) return { kind: 'inlineString', text: stringOf(inlineString.value) };
  return { kind: 'empty' };
}

export function listenersOf(spec: YNode | null): ListenerModel[] {
  const conf = fieldOf(spec, 'conf');
  return itemsOf(fieldOf(conf, 'listeners')).map((item, index): ListenerModel => {
    const port = pairOf(item, 'port');
    const protocol = pairOf(item, 'protocol');
    const hostname = pairOf(item, 'hostname');
    const tlsPair = pairOf(item, 'tls');
    const crossMesh = pairOf(item, 'crossMesh');
    const resources = fieldOf(item, 'resources');
    const limit = pairOf(resources, 'connectionLimit', 'connection_limit');
    let tls: ListenerModel['tls'] = null;
    if (tlsPair) {
      const mode = pairOf(tlsPair.value, 'mode');
      const certificates: CertificateRef[] = itemsOf(fieldOf(tlsPair.value, 'certificates')).map((c, i) => ({
        index: i,
        span: c.span,
        source: certificateSourceOf(c),
      }));
      tls = {
        mode: enumOf(mode?.value, TLS_MODES, 'NONE'),
        modeSpan: mode ? mode.value.span : null,
        span: tlsPair.key.span,
        certificates,
      };
    }
    const host = stringOf(hostname?.value);
    return {
      index,
      span: item.span,
      port: uintOf(port?.value),
      portSpan: port ? port.value.span : null,
      protocol: enumOf(protocol?.value, PROTOCOLS, 'NONE'),
      protocolSpan: protocol ? protocol.value.span : null,
      hostname: host === '' ? '*' : host,
      hostnameSpan: hostname ? hostname.value.span : null,
      tls,
      tags: tagsOf(fieldOf(item, 'tags')),
      crossMesh: boolOf(crossMesh?.value),
      crossMeshSpan: crossMesh ? crossMesh.value.span : null,
      connectionLimit: uintOf(limit?.value),
      connectionLimitSpan: limit ? limit.value.span : null,
    };
  });
}

export function gatewayModel(doc: ResourceDoc): GatewayModel | null {
  if (doc.kind !== 'MeshGateway' || !doc.name) return null;
  return {
    doc,
    mesh: doc.mesh ?? 'default',
    name: doc.name,
    selectors: selectorsOf(doc.spec),
    tags: tagsOf(fieldOf(doc.spec, 'tags')),
    listeners: listenersOf(doc.spec),
  };
}

export function dataplaneModel(doc: ResourceDoc): DataplaneModel | null {
  if (doc.kind !== 'Dataplane' || !doc.name) return null;
  const networking = fieldOf(doc.spec, 'networking');
  const gateway = fieldOf(networking, 'gateway');
  return {
    doc,
    mesh: doc.mesh ?? 'default',
    name: doc.name,
    address: stringOf(fieldOf(networking, 'address')) || null,
    builtin: !!gateway && enumOf(fieldOf(gateway, 'type'), GATEWAY_TYPES, 'DELEGATED') === 'BUILTIN',
    gatewayTags: tagsOf(fieldOf(gateway, 'tags')),
  };
}

export function secretModel(doc: ResourceDoc): SecretModel | null {
  if ((doc.kind !== 'Secret' && doc.kind !== 'GlobalSecret') || !doc.name) return null;
  const data =
    doc.form === 'kubernetes' ? pairOf(fieldOf(doc.root, 'data'), 'value') : pairOf(doc.root, 'data');
  const raw = asScalar(data?.value);
  return {
    doc,
    kind: doc.kind,
    mesh: doc.kind === 'GlobalSecret' ? null : doc.mesh ?? 'default',
    name: doc.name,
    data: raw && raw.type === 'string' ? decodeBase64(raw.value as string) : null,
    dataSpan: data ? data.value.span : null,
  };
}

export function gatewayRouteModel(doc: ResourceDoc): GatewayRouteModel | null {
  if (doc.kind !== 'MeshGatewayRoute' || !doc.name) return null;
  const conf = fieldOf(doc.spec, 'conf');
  const http = fieldOf(conf, 'http');
  const protocol = http ? 'http' : fieldOf(conf, 'tcp') ? 'tcp' : null;
  return {
    doc,
    mesh: doc.mesh ?? 'default',
    name: doc.name,
    selectors: selectorsOf(doc.spec),
    protocol,
    hostnames: itemsOf(fieldOf(http, 'hostnames')).map((h) => ({ value: stringOf(h), span: h.span })),
  };
}

export function policyRouteModel(doc: ResourceDoc): PolicyRouteModel | null {
  if ((doc.kind !== 'MeshHTTPRoute' && doc.kind !== 'MeshTCPRoute') || !doc.name) return null;
  const targetRef = asMap(fieldOf(doc.spec, 'targetRef'));
  if (stringOf(fieldOf(targetRef, 'kind')) !== 'MeshGateway') return null;
  const name = pairOf(targetRef, 'name');
  const hostnames: string[] = [];
  for (const to of itemsOf(fieldOf(doc.spec, 'to'))) {
    for (const h of itemsOf(fieldOf(to, 'hostnames'))) hostnames.push(stringOf(h));
  }
  return {
    doc,
    kind: doc.kind,
    mesh: doc.mesh ?? 'default',
    name: doc.name,
    gatewayName: stringOf(name?.value),
    gatewayNameSpan: name ? name.value.span : null,
    tags: tagsOf(fieldOf(targetRef, 'tags')),
    hostnames,
  };
}
