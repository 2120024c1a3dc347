import { fieldPath, indexPath } from '../base/path.js';
import { boolField, enumField, listField, messageField, stringField, tagsField, uintField } from './decode.js';
import type { Field, TagEntry } from './decode.js';
import type { ResourceDoc } from './types.js';
import type { YMap, YNode } from '../syntax/tree.js';
import { PROTOCOL_ENUM, TLS_MODE_ENUM, enumNumbers } from '../kuma/enums.js';

/** MeshGateway fields as Kuma's decoder reads them, shared by the gateway rules. */

/** `MeshGateway.Listener.Protocol`: names and numbers (2, the removed UDP, has no name). */
export const PROTOCOL = enumNumbers(PROTOCOL_ENUM);
/** `MeshGateway.TLS.Mode`. */
export const TLS_MODE = enumNumbers(TLS_MODE_ENUM);

export interface ListenerRead {
  index: number;
  node: YNode;
  /** `conf.listeners[i]`. */
  path: string;
  hostname: Field<string>;
  port: Field<number>;
  protocol: Field<number>;
  tls: Field<YMap | null>;
  mode: Field<number>;
  certificates: Field<YNode[]>;
  tags: Field<TagEntry[]>;
  crossMesh: Field<boolean>;
  resources: Field<YMap | null>;
  connectionLimit: Field<number>;
}

export interface GatewayRead {
  conf: Field<YMap | null>;
  listeners: Field<YNode[]>;
  items: ListenerRead[];
}

// A read depends only on the spec's tree, which is never changed after parsing (edits move
// spans in place; the reads hold pairs, so they see the moves): each tree is read once, not once
// per rule.
const READS = new WeakMap<YMap, GatewayRead>();

/** The gateway's listeners as Kuma's decoder reads them; the same object for the same spec tree. */
export function readGateway(doc: ResourceDoc): GatewayRead {
  if (!doc.spec) return read(null);
  let r = READS.get(doc.spec);
  if (!r) {
    r = read(doc.spec);
    READS.set(doc.spec, r);
  }
  return r;
}

function read(spec: YMap | null): GatewayRead {
  const conf = messageField(spec, 'conf');
  const listeners = listField(conf.value, 'listeners');
  const items = listeners.value.map((node, index) => readListener(node, index));
  return { conf, listeners, items };
}

function readListener(node: YNode, index: number): ListenerRead {
  const tls = messageField(node, 'tls');
  const resources = messageField(node, 'resources');
  return {
    index,
    node,
    path: indexPath(fieldPath('conf', 'listeners'), index),
    hostname: stringField(node, 'hostname'),
    port: uintField(node, 'port'),
    protocol: enumField(node, PROTOCOL, 'protocol'),
    tls,
    mode: enumField(tls.value, TLS_MODE, 'mode'),
    certificates: listField(tls.value, 'certificates'),
    tags: tagsField(node, 'tags'),
    crossMesh: boolField(node, 'crossMesh'),
    resources,
    connectionLimit: uintField(resources.value, 'connectionLimit', 'connection_limit'),
  };
}

/** `IsCrossMesh`: true when any listener has `crossMesh: true`. */
export function isCrossMesh(gateway: GatewayRead): boolean {
  return gateway.items.some((l) => l.crossMesh.value);
}

/** Listeners grouped by port, ports in order of first appearance, listeners in list order. */
export function listenersByPort(gateway: GatewayRead): ListenerRead[][] {
  const byPort = new Map<number, ListenerRead[]>();
  for (const l of gateway.items) {
    const group = byPort.get(l.port.value);
    if (group) group.push(l);
    else byPort.set(l.port.value, [l]);
  }
  return [...byPort.values()];
}
