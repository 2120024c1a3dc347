import { documentAround } from '../syntax/parse.js';
import type { WorkspaceResult } from '../analysis/workspace.js';
import type { CertificateRef, DataplaneModel, GatewayModel, GatewayRouteModel, ListenerModel, PolicyRouteModel, ResourceDoc, Selector, Tag } from '../resources/types.js';
import type { CertificateUse, MergedGateway, MergedListener, MergedPort } from '../merge/types.js';
import type { FileAnalysis } from '../analysis/types.js';
import type { ParsedDocument, YNode, YPair, YScalar } from '../syntax/tree.js';
import type { ResourceForm, ResourceKind } from '../kuma/kinds.js';
import type { Span } from '../base/types.js';
import { KUMA_API_GROUP, isKubernetesCustomKind, isResourceKind } from '../kuma/kinds.js';

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
      const i = result.models.gateways.findIndex((g) => g.doc === resource);
      if (i < 0) return;
      const model = result.models.gateways[i];
      const merged = result.gateways[i] ?? null;
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

// ---------------------------------------------------------------------------------------------
// Reading the text around the cursor

/**
 * The cursor's place in a document read from its text and indentation alone, for completion
 * while the YAML is half typed. `path` is the container (key position: the map or list the key
 * goes into) or the key whose value is being written (value position).
 */
export interface TextContext {
  /** The document's kind and form as its text declares them; null when not (yet) declared. */
  kind: ResourceKind | null;
  form: ResourceForm;
  /** The mesh written in the document (`mesh:` or the `kuma.io/mesh` label); null if none. */
  mesh: string | null;
  /** True when the document holds nothing but comments and the word under the cursor. */
  empty: boolean;
  position: 'key' | 'value';
  path: PathKey[];
  /** Value position: the key. Key position: null. */
  key: string | null;
  /** What is typed before the cursor in the key or value. */
  prefix: string;
  /** The key or value text a completion replaces. */
  span: Span;
  /** Keys already written in the container map, as written (key position). */
  siblings: string[];
  /** Key position: a colon already follows the key on this line. */
  hasColon: boolean;
  /** Value position: the value starts right after the colon, so an insertion needs a space. */
  needsSpace: boolean;
  /** The column (UTF-16 units from the line start) where the key starts. */
  column: number;
  /** Key position: the key is the first of a list item on this line (`- |`). */
  afterDash: boolean;
}

interface Entry {
  column: number;
  kind: 'key' | 'dash';
  key: string;
  value: string;
  path: PathKey[];
  parent: number;
  items: number;
}

interface LineParts {
  indent: number;
  dashes: number[];
  key: { text: string; start: number; end: number; colon: number } | null;
  value: { text: string; start: number; end: number } | null;
  /** Text that is neither a key nor a dash, with its columns. */
  bare: { text: string; start: number; end: number } | null;
}

const KEY_RE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},&*!|>%@`-][^]*?|-[^\s][^]*?)[ \t]*:(?=[ \t]|$)/;

/** Splits one line (without its end) into its dashes, key, value or bare text. */
function lineParts(line: string): LineParts {
  const parts: LineParts = { indent: 0, dashes: [], key: null, value: null, bare: null };
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  parts.indent = i;
  for (;;) {
    if (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
      parts.dashes.push(i);
      i++;
      while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
      continue;
    }
    break;
  }
  const rest = line.slice(i);
  if (rest === '' || rest.startsWith('#')) return parts;
  const m = KEY_RE.exec(rest);
  if (m) {
    const raw = m[1];
    const colon = i + m[0].length - 1;
    parts.key = { text: unquote(raw), start: i, end: i + raw.length, colon };
    let v = colon + 1;
    while (v < line.length && (line[v] === ' ' || line[v] === '\t')) v++;
    const end = valueEnd(line, v);
    parts.value = { text: line.slice(v, end), start: v, end };
    return parts;
  }
  const end = valueEnd(line, i);
  parts.bare = { text: line.slice(i, end), start: i, end };
  return parts;
}

/** The end of a value: before a ` #` comment outside quotes, trailing blanks dropped. */
function valueEnd(line: string, start: number): number {
  let quote = '';
  let end = line.length;
  for (let i = start; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if ((c === '"' || c === "'") && i === start) quote = c;
    else if (c === '#' && (i === start || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      end = i;
      break;
    }
  }
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return end;
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, '$1');
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  return text;
}


/**
 * Describes the cursor at `offset` in `text` from indentation, `- ` markers and `key:` prefixes,
 * never from a parse, so it works on any text. Returns null when the cursor is inside a comment,
 * a block scalar or a flow collection, on a `---` line, or in the indentation of a line that
 * has content.
 */
export function describeTextAt(text: string, offset: number): TextContext | null {
  const chunk = documentAround(text, offset);
  const lines = splitLines(chunk.text, chunk.start);
  const cursorLine = lines.findIndex((l, i) => offset >= l.start && (i + 1 === lines.length || offset < lines[i + 1].start));
  if (cursorLine < 0) return null;

  const entries: Entry[] = [];
  const stack: number[] = [];
  const root = { items: 0 };
  /** Lines indented deeper than this column belong to a block scalar or an open flow value. */
  let skipDeeperThan = -1;
  let contentBefore = false;
  let cursorEntry = -1;
  let container = -1;
  let found: Omit<TextContext, 'kind' | 'form' | 'mesh' | 'empty' | 'path' | 'siblings'> | null = null;

  const popTo = (kind: 'key' | 'dash', column: number): number => {
    while (stack.length > 0) {
      const top = entries[stack[stack.length - 1]];
      if (top.column > column || (top.column === column && !(kind === 'dash' && top.kind === 'key'))) stack.pop();
      else break;
    }
    return stack.length > 0 ? stack[stack.length - 1] : -1;
  };
  const push = (kind: 'key' | 'dash', column: number, key: string, value: string): number => {
    const parent = popTo(kind, column);
    const parentPath = parent >= 0 ? entries[parent].path : [];
    const step: PathKey = kind === 'key' ? key : parent >= 0 ? entries[parent].items++ : root.items++;
    entries.push({ column, kind, key, value, path: [...parentPath, step], parent, items: 0 });
    stack.push(entries.length - 1);
    return entries.length - 1;
  };
  const opensBlock = (value: string) => /^[|>][-+0-9]*$/.test(value) || (/^[[{]/.test(value) && !balanced(value));

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const raw = line.text;
    if (/^---(?=[ \t]|$)/.test(raw) || /^(\.\.\.|%)/.test(raw)) {
      if (n === cursorLine) return null;
      continue;
    }
    const parts = lineParts(raw);
    const blank = parts.dashes.length === 0 && !parts.key && !parts.bare;
    if (skipDeeperThan >= 0) {
      if (blank || parts.indent > skipDeeperThan) {
        if (n === cursorLine) return null;
        continue;
      }
      skipDeeperThan = -1;
    }
    if (n !== cursorLine) {
      if (blank) continue;
      if (n < cursorLine) contentBefore = true;
      for (const d of parts.dashes) push('dash', d, '', '');
      if (parts.key) {
        const value = parts.value?.text ?? '';
        const e = push('key', parts.key.start, parts.key.text, unquote(value));
        if (opensBlock(value)) skipDeeperThan = entries[e].column;
      } else if (parts.bare && parts.dashes.length > 0 && opensBlock(parts.bare.text)) {
        skipDeeperThan = parts.dashes[parts.dashes.length - 1];
      }
      continue;
    }

    // The cursor line.
    const col = offset - line.start;
    const firstContent = parts.dashes[0] ?? parts.key?.start ?? parts.bare?.start ?? -1;
    if (firstContent >= 0 && col < firstContent) return null;
    if (commentBefore(raw, col)) return null;
    for (const d of parts.dashes) if (d < col) push('dash', d, '', '');
    const lastDash = parts.dashes.length > 0 ? parts.dashes[parts.dashes.length - 1] : -1;
    if (parts.key && col > parts.key.colon) {
      const value = parts.value ?? { text: '', start: col, end: col };
      if (value.text.startsWith('[') || value.text.startsWith('{')) return null;
      cursorEntry = push('key', parts.key.start, parts.key.text, unquote(value.text));
      let start = value.start;
      let end = value.end;
      if (col < start || value.text === '') start = end = col;
      if (col > end) end = col;
      const quote = raw[start] === '"' || raw[start] === "'" ? raw[start] : '';
      if (quote && col > start) {
        start++;
        if (end > start && raw[end - 1] === quote) end--;
        if (end < col) end = col;
      }
      found = {
        position: 'value',
        key: parts.key.text,
        prefix: raw.slice(start, col),
        span: { start: line.start + start, end: line.start + end },
        hasColon: true,
        needsSpace: start === parts.key.colon + 1,
        column: parts.key.start,
        afterDash: lastDash >= 0 && lastDash < parts.key.start,
      };
      continue;
    }
    // Key position: a key being typed (with or without its colon), bare text, or nothing yet.
    const word = parts.key ?? parts.bare;
    const column = word ? word.start : col;
    if (parts.key) {
      cursorEntry = push('key', parts.key.start, parts.key.text, unquote(parts.value?.text ?? ''));
      container = entries[cursorEntry].parent;
    } else {
      container = popTo('key', column);
    }
    // A cursor before the word (`-| match`) inserts at the cursor and replaces nothing.
    const inWord = !!word && word.start <= col;
    const start = inWord ? word.start : col;
    const end = inWord ? Math.max(col, parts.key ? parts.key.end : wordEnd(raw, col)) : col;
    found = {
      position: 'key',
      key: null,
      prefix: raw.slice(start, col),
      span: { start: line.start + start, end: line.start + end },
      hasColon: !!parts.key,
      needsSpace: false,
      column,
      afterDash: lastDash >= 0 && lastDash < column,
    };
  }
  if (!found) return null;

  const path: PathKey[] =
    found.position === 'value' ? [...entries[cursorEntry].path] : container >= 0 ? [...entries[container].path] : [];
  const siblings =
    found.position === 'key'
      ? entries.filter((e, i) => i !== cursorEntry && e.parent === container && e.kind === 'key').map((e) => e.key)
      : [];

  const top = (key: string) => entries.find((e, i) => i !== cursorEntry && e.parent === -1 && e.kind === 'key' && e.key === key)?.value ?? null;
  const apiVersion = top('apiVersion');
  let kind: ResourceKind | null = null;
  let form: ResourceForm = 'universal';
  if (apiVersion) {
    form = 'kubernetes';
    const k = top('kind') ?? '';
    if (apiVersion === 'v1' && k === 'Secret') kind = top('type') === 'system.kuma.io/global-secret' ? 'GlobalSecret' : 'Secret';
    else if (apiVersion.startsWith(KUMA_API_GROUP) && isResourceKind(k) && isKubernetesCustomKind(k)) kind = k;
  } else {
    const t = top('type') ?? '';
    if (isResourceKind(t)) kind = t;
  }
  const label = entries.find((e) => e.path.length === 3 && e.path[0] === 'metadata' && e.path[1] === 'labels' && e.key === 'kuma.io/mesh');
  const mesh = top('mesh') || label?.value || null;
  const contentAfter = lines.slice(cursorLine + 1).some((l) => {
    const t = l.text.trim();
    return t !== '' && !t.startsWith('#') && !/^(---|\.\.\.)(\s|$)/.test(t);
  });
  const cursorHasDash = lines[cursorLine] ? lineParts(lines[cursorLine].text).dashes.length > 0 : false;
  const empty = found.position === 'key' && !found.hasColon && !contentBefore && !contentAfter && !cursorHasDash;
  return { ...found, kind, form, mesh, empty, path, siblings };
}

/** The lines of a chunk with their start offsets; a byte order mark is not part of line 0. */
function splitLines(text: string, base: number): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === text.length || c === 10 || c === 13) {
      out.push({ start: base + start, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (base === 0 && out.length > 0 && out[0].text.charCodeAt(0) === 0xfeff) {
    out[0] = { start: 1, text: out[0].text.slice(1) };
  }
  return out;
}

function wordEnd(line: string, from: number): number {
  let i = from;
  while (i < line.length && line[i] !== ' ' && line[i] !== '\t' && line[i] !== ':' && line[i] !== '#') i++;
  return i;
}

function commentBefore(line: string, col: number): boolean {
  let quote = '';
  for (let i = 0; i < col && i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return true;
  }
  return false;
}

function balanced(value: string): boolean {
  let depth = 0;
  for (const c of value) {
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth <= 0;
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
    const i = g ? result.models.gateways.indexOf(g) : -1;
    return i >= 0 && result.gateways[i] ? [result.gateways[i]] : [];
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
