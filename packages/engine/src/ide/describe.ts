import type { WorkspaceResult } from '../analysis/workspace.js';
import type { CertificateRef, DataplaneModel, GatewayModel, GatewayRouteModel, ListenerModel, PolicyRouteModel, ResourceDoc, Selector, Tag } from '../resources/types.js';
import type { CertificateUse, MergedGateway, MergedListener, MergedPort } from '../merge/types.js';
import type { FileAnalysis } from '../analysis/types.js';
import type { ParsedDocument, YNode, YPair, YScalar } from '../syntax/tree.js';
import type { Span } from '../base/types.js';

/**
 * What is at an offset of a file, in editor-neutral terms: the resource, the YAML path of keys,
 * whether the offset is on a key or a value, and the Kuma objects around it (listener, selector,
 * tag, certificate). `describeAt` reads the last analysis (a parse tree); `describeTextAt`
 * reads only the text and indentation, so it also works on half-typed YAML.
 */

/** One step of a YAML path: a map key as written, or a list index. */
export type PathKey = string | number;

export interface GatewayContext {
  model: GatewayModel;
  /** The merged gateway; null when the gateway has no name (Kuma would reject it). */
  merged: MergedGateway | null;
}

export interface ListenerContext {
  index: number;
  model: ListenerModel;
  merged: MergedListener | null;
  port: MergedPort | null;
  /** The path below the listener item, e.g. `['tls', 'certificates', 0, 'secret']`. */
  rest: PathKey[];
}

export interface SelectorContext {
  owner: 'MeshGateway' | 'MeshGatewayRoute';
  index: number;
  selector: Selector;
}

/** Where a tag is written. `route-target` is `targetRef.tags` of a MeshHTTPRoute/MeshTCPRoute. */
export type TagPlace = 'dataplane' | 'gateway' | 'listener' | 'selector' | 'route-target';

export interface TagContext {
  place: TagPlace;
  key: string;
  value: string;
  tag: Tag;
}

export interface CertificateContext {
  index: number;
  ref: CertificateRef;
  /** The resolved datasource; null when the listener does not terminate TLS. */
  use: CertificateUse | null;
  /** The path below the certificate item, e.g. `['secret']`. */
  rest: PathKey[];
}

export interface OffsetDescription {
  file: FileAnalysis;
  offset: number;
  document: ParsedDocument | null;
  resource: ResourceDoc | null;
  /** Keys from the document root to the innermost node holding the offset. */
  path: PathKey[];
  /** The path below the resource's spec (Kubernetes `spec:`); null outside the spec. */
  specPath: PathKey[] | null;
  /** 'key' or 'value' when the offset is on a key or on a scalar value; 'none' in between. */
  on: 'key' | 'value' | 'none';
  /** The innermost pair whose key or value holds the offset. */
  pair: YPair | null;
  /** The scalar under the offset: a key or a scalar value. */
  scalar: YScalar | null;
  gateway: GatewayContext | null;
  listener: ListenerContext | null;
  selector: SelectorContext | null;
  tag: TagContext | null;
  certificate: CertificateContext | null;
  dataplane: DataplaneModel | null;
  route: GatewayRouteModel | null;
  policy: PolicyRouteModel | null;
}

/** The analysis of one file, or null when the workspace does not hold it. */
export function fileOf(result: WorkspaceResult, file: string): FileAnalysis | null {
  return result.files.find((f) => f.file === file) ?? null;
}

/**
 * Describes the offset `offset` (UTF-16 units) of `file` from the last analysis. Returns null
 * when the file is not in the workspace; a description without resource outside Kuma documents.
 */
export function describeAt(result: WorkspaceResult, file: string, offset: number): OffsetDescription | null {
  const analysis = fileOf(result, file);
  if (!analysis) return null;
  const out: OffsetDescription = {
    file: analysis,
    offset,
    document: null,
    resource: null,
    path: [],
    specPath: null,
    on: 'none',
    pair: null,
    scalar: null,
    gateway: null,
    listener: null,
    selector: null,
    tag: null,
    certificate: null,
    dataplane: null,
    route: null,
    policy: null,
  };
  const document = analysis.parsed.documents.find((d) => d.root && offset >= d.span.start && offset <= d.span.end) ?? null;
  if (!document || !document.root) return out;
  out.document = document;
  walk(document.root, offset, out);
  const resource = analysis.resources.find((r) => r.docIndex === document.index) ?? null;
  if (!resource) return out;
  out.resource = resource;
  out.specPath = specPathOf(resource, out.path);
  attachModels(result, resource, out);
  return out;
}

function walk(root: YNode, offset: number, out: OffsetDescription): void {
  let node: YNode = root;
  for (;;) {
    if (node.kind === 'map') {
      const pair = node.pairs.find((p) => within(p.key.span, offset) || within(p.value.span, offset));
      if (!pair) return;
      out.path.push(keyText(pair.key));
      out.pair = pair;
      if (within(pair.key.span, offset)) {
        out.on = 'key';
        out.scalar = pair.key;
        return;
      }
      node = pair.value;
      continue;
    }
    if (node.kind === 'seq') {
      const index = node.items.findIndex((item) => within(item.span, offset));
      if (index < 0) return;
      out.path.push(index);
      node = node.items[index];
      continue;
    }
    out.on = 'value';
    out.scalar = node;
    return;
  }
}

function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end && (span.end > span.start || offset === span.start);
}

function keyText(key: YScalar): string {
  return key.value === null ? '' : String(key.value);
}

/** The part of a document path below the spec; null for envelope fields. */
export function specPathOf(resource: ResourceDoc, path: PathKey[]): PathKey[] | null {
  if (resource.pathPrefix === '') return path;
  return path[0] === 'spec' ? path.slice(1) : null;
}

/** Stands for any list index in a path pattern. */
const ANY_INDEX = Symbol('index');

function startsWith(path: PathKey[], prefix: (PathKey | typeof ANY_INDEX)[]): boolean {
  if (path.length < prefix.length) return false;
  return prefix.every((k, i) => (k === ANY_INDEX ? typeof path[i] === 'number' : path[i] === k));
}

function attachModels(result: WorkspaceResult, resource: ResourceDoc, out: OffsetDescription): void {
  const spec = out.specPath;
  switch (resource.kind) {
    case 'MeshGateway': {
      const model = result.models.gateways.find((g) => g.doc === resource);
      if (!model) return;
      const merged = result.merge.merged.get(model) ?? null;
      out.gateway = { model, merged };
      if (!spec) return;
      if (startsWith(spec, ['selectors', ANY_INDEX])) {
        const index = spec[1] as number;
        const selector = model.selectors[index];
        if (selector) out.selector = { owner: 'MeshGateway', index, selector };
        if (startsWith(spec, ['selectors', ANY_INDEX, 'match']) && spec.length >= 4) {
          out.tag = tagContext('selector', selector?.match ?? [], out.pair);
        }
      } else if (spec[0] === 'tags' && spec.length >= 2) {
        out.tag = tagContext('gateway', model.tags, out.pair);
      } else if (startsWith(spec, ['conf', 'listeners', ANY_INDEX])) {
        const index = spec[2] as number;
        const listener = model.listeners[index];
        if (!listener) return;
        const mergedListener = merged?.listeners[index] ?? null;
        const port = merged?.ports.find((p) => p.listeners.includes(index)) ?? null;
        const rest = spec.slice(3);
        out.listener = { index, model: listener, merged: mergedListener, port, rest };
        if (rest[0] === 'tags' && rest.length >= 2) out.tag = tagContext('listener', listener.tags, out.pair);
        if (startsWith(rest, ['tls', 'certificates', ANY_INDEX])) {
          const c = rest[2] as number;
          const ref = listener.tls?.certificates[c];
          if (ref) {
            const use = mergedListener?.certificates.find((u) => u.index === c) ?? null;
            out.certificate = { index: c, ref, use, rest: rest.slice(3) };
          }
        }
      }
      return;
    }
    case 'MeshGatewayRoute': {
      const route = result.models.routes.find((r) => r.doc === resource) ?? null;
      out.route = route;
      if (!route || !spec || !startsWith(spec, ['selectors', ANY_INDEX])) return;
      const index = spec[1] as number;
      const selector = route.selectors[index];
      if (selector) out.selector = { owner: 'MeshGatewayRoute', index, selector };
      if (startsWith(spec, ['selectors', ANY_INDEX, 'match']) && spec.length >= 4) {
        out.tag = tagContext('selector', selector?.match ?? [], out.pair);
      }
      return;
    }
    case 'Dataplane': {
      const dataplane = result.models.dataplanes.find((d) => d.doc === resource) ?? null;
      out.dataplane = dataplane;
      if (dataplane && spec && startsWith(spec, ['networking', 'gateway', 'tags']) && spec.length >= 4) {
        out.tag = tagContext('dataplane', dataplane.gatewayTags, out.pair);
      }
      return;
    }
    case 'MeshHTTPRoute':
    case 'MeshTCPRoute': {
      const policy = result.models.policies.find((p) => p.doc === resource) ?? null;
      out.policy = policy;
      if (policy && spec && startsWith(spec, ['targetRef', 'tags']) && spec.length >= 3) {
        out.tag = tagContext('route-target', policy.tags, out.pair);
      }
      return;
    }
    default:
      return;
  }
}

function tagContext(place: TagPlace, tags: Tag[], pair: YPair | null): TagContext | null {
  if (!pair) return null;
  const tag = tags.find((t) => t.keySpan.start === pair.key.span.start);
  return tag ? { place, key: tag.key, value: tag.value, tag } : null;
}

/**
 * The merged gateways an offset is about: the MeshGateway it is in; for a Dataplane, the gateway
 * Kuma binds to it; for a MeshGatewayRoute, the gateways it attaches to; for a MeshHTTPRoute or
 * MeshTCPRoute, the gateway it targets. Anywhere else in the file (a comment, another resource),
 * every gateway the file declares.
 */
export function gatewaysAt(result: WorkspaceResult, file: string, offset: number): MergedGateway[] {
  const d = describeAt(result, file, offset);
  if (!d) return [];
  const merged = (g: GatewayModel | null | undefined) => {
    const m = g ? result.merge.merged.get(g) : undefined;
    return m ? [m] : [];
  };
  const routed = (kind: string, mesh: string, name: string) =>
    result.gateways.filter((g) => g.mesh === mesh && g.listeners.some((l) => l.routes.some((r) => r.kind === kind && r.name === name)));
  let found: MergedGateway[] = [];
  if (d.gateway) found = d.gateway.merged ? [d.gateway.merged] : [];
  else if (d.dataplane) found = merged(result.merge.bindings.get(d.dataplane));
  else if (d.route) found = routed('MeshGatewayRoute', d.route.mesh, d.route.name);
  else if (d.policy) found = result.gateways.filter((g) => g.mesh === d.policy?.mesh && g.name === d.policy.gatewayName);
  if (found.length > 0 || (d.resource && d.resource.kind === 'MeshGateway')) return found;
  return result.gateways.filter((g) => g.location.file === file);
}
