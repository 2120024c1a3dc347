import { asScalar, listField, messageField, pairOf, stringField, stringOf, valueSpanOf } from './decode.js';
import { isBuiltinGateway } from './dataplane.js';
import { readGateway } from './gateway.js';
import type { ListenerRead } from './gateway.js';
import { readRoute } from './gateway-route.js';
import { gatewayTargetRef, readTargetRef } from './policy-route.js';
import type {
  CertificateRef,
  CertificateSource,
  DataplaneModel,
  GatewayModel,
  GatewayRouteModel,
  ListenerModel,
  PolicyRouteModel,
  ResourceDoc,
  SecretModel,
  Selector,
  Tag,
} from './types.js';
import { decodeBase64 } from '../kuma/certificates.js';
import { PROTOCOL_ENUM, TLS_MODE_ENUM, enumName } from '../kuma/enums.js';
import type { YNode } from '../syntax/tree.js';
import { fieldOf, tagEntries } from './decode.js';

/**
 * The typed views the merge and the editor features read: built from the same field readers as
 * the admission rules (`decode.ts` and the per-kind readers), so that every face sees the values
 * Kuma's decoder sees.
 */

/** Tags of a map<string,string> node as Kuma reads them, in the order they are written. */
export function tagsOf(node: YNode | null, options: { loose?: boolean } = {}): Tag[] {
  return tagEntries(node, { ...options, written: true }).map((e) => ({ key: e.key, value: e.value, keySpan: e.pair.key.span, valueSpan: e.pair.value.span }));
}

export function selectorsOf(spec: YNode | null): Selector[] {
  return listField(spec, 'selectors').value.map((item, index) => ({
    index,
    span: item.span,
    match: tagsOf(fieldOf(item, 'match')),
  }));
}

/** The datasource's member as written: the first of secret, file, inline, inlineString. */
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

function listenerModel(l: ListenerRead): ListenerModel {
  const tlsPair = pairOf(l.node, 'tls');
  const certificates: CertificateRef[] = l.certificates.value.map((c, i) => ({ index: i, span: c.span, source: certificateSourceOf(c) }));
  const host = l.hostname.value;
  return {
    index: l.index,
    span: l.node.span,
    port: l.port.value,
    portSpan: valueSpanOf(l.port),
    protocol: enumName(PROTOCOL_ENUM, l.protocol.value),
    protocolSpan: valueSpanOf(l.protocol),
    written: writtenIfInvalid(l),
    hostname: host === '' ? '*' : host,
    hostnameSpan: valueSpanOf(l.hostname),
    tls: tlsPair
      ? { mode: enumName(TLS_MODE_ENUM, l.mode.value), modeSpan: valueSpanOf(l.mode), span: tlsPair.key.span, certificates }
      : null,
    tags: tagsOf(fieldOf(l.node, 'tags')),
    crossMesh: l.crossMesh.value,
    crossMeshSpan: valueSpanOf(l.crossMesh),
    connectionLimit: l.connectionLimit.value,
    connectionLimitSpan: valueSpanOf(l.connectionLimit),
  };
}

const VALID_PROTOCOLS: ReadonlySet<string> = new Set(['TCP', 'TLS', 'HTTP', 'HTTPS']);

function textOfField(field: { pair: { value: YNode } | null }): string | null {
  const v = field.pair?.value;
  if (!v || (v.kind === 'scalar' && v.type === 'null')) return null;
  return v.kind === 'scalar' ? v.source : v.kind === 'map' ? '{…}' : '[…]';
}

function writtenIfInvalid(l: ListenerRead): ListenerModel['written'] {
  const portOk = l.port.value >= 1 && l.port.value <= 65535;
  const protocolOk = VALID_PROTOCOLS.has(enumName(PROTOCOL_ENUM, l.protocol.value));
  if (portOk && protocolOk) return null;
  return { port: textOfField(l.port), protocol: textOfField(l.protocol) };
}

export function listenersOf(doc: ResourceDoc): ListenerModel[] {
  return readGateway(doc).items.map(listenerModel);
}

export function gatewayModel(doc: ResourceDoc): GatewayModel | null {
  if (doc.kind !== 'MeshGateway' || !doc.name) return null;
  return {
    doc,
    mesh: doc.mesh ?? 'default',
    name: doc.name,
    selectors: selectorsOf(doc.spec),
    tags: tagsOf(fieldOf(doc.spec, 'tags')),
    listeners: listenersOf(doc),
  };
}

export function dataplaneModel(doc: ResourceDoc): DataplaneModel | null {
  if (doc.kind !== 'Dataplane' || !doc.name) return null;
  const networking = messageField(doc.spec, 'networking').value;
  const gateway = messageField(networking, 'gateway').value;
  return {
    doc,
    mesh: doc.mesh ?? 'default',
    name: doc.name,
    address: stringField(networking, 'address').value || null,
    builtin: isBuiltinGateway(doc),
    gatewayTags: tagsOf(fieldOf(gateway, 'tags')),
  };
}

export function secretModel(doc: ResourceDoc): SecretModel | null {
  if ((doc.kind !== 'Secret' && doc.kind !== 'GlobalSecret') || !doc.name) return null;
  const data = doc.form === 'kubernetes' ? pairOf(messageField(doc.root, 'data').value, 'value') : pairOf(doc.root, 'data');
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
  const route = readRoute(doc);
  return {
    doc,
    mesh: doc.mesh ?? 'default',
    name: doc.name,
    selectors: selectorsOf(doc.spec),
    protocol: route.route,
    hostnames: listField(route.http.value, 'hostnames').value.map((h) => ({ value: stringOf(h), span: h.span })),
  };
}

export function policyRouteModel(doc: ResourceDoc): PolicyRouteModel | null {
  if ((doc.kind !== 'MeshHTTPRoute' && doc.kind !== 'MeshTCPRoute') || !doc.name) return null;
  const targetRef = gatewayTargetRef(doc);
  if (!targetRef) return null;
  const ref = readTargetRef(targetRef.value);
  const hostnames: string[] = [];
  for (const to of listField(doc.spec, 'to').value) {
    for (const h of listField(to, 'hostnames').value) hostnames.push(stringOf(h));
  }
  return {
    doc,
    kind: doc.kind,
    mesh: doc.mesh ?? 'default',
    name: doc.name,
    gatewayName: ref.name.value,
    gatewayNameSpan: valueSpanOf(ref.name),
    tags: tagsOf(fieldOf(targetRef.value, 'tags'), { loose: true }),
    hostnames,
  };
}
