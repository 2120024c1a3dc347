import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { ResourceDoc, ResourceKind, YMap, YNode, YScalar } from '@meshgw/engine/testing';

/**
 * Test support: builds the engine's plain YAML tree from text with the `yaml` package, and a
 * ResourceDoc around it, without the engine's own parser. Spans come from `node.range`.
 */

/** The plain tree of the first document of `text`. Throws on YAML the tests did not mean to write. */
export function ynode(text: string): YNode {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`bad test YAML: ${doc.errors[0].message}`);
  return convert(doc.contents as YamlNode, text);
}

function convert(node: YamlNode | null, text: string, after = 0): YNode {
  if (node === null) return nullScalar(after);
  const [start, end] = node.range ?? [after, after];
  if (isMap(node)) {
    const pairs = node.items.map((item) => {
      if (!isPair(item)) throw new Error('unexpected map item');
      const key = convert(item.key as YamlNode, text);
      if (key.kind !== 'scalar') throw new Error('complex keys are not supported here');
      const colon = text.indexOf(':', key.span.end) + 1;
      const value = convert(item.value as YamlNode | null, text, colon);
      return { key, value };
    });
    return { kind: 'map', span: { start, end }, pairs };
  }
  if (isSeq(node)) {
    return { kind: 'seq', span: { start, end }, items: node.items.map((item) => convert(item as YamlNode, text)) };
  }
  if (isScalar(node)) {
    const raw = text.slice(start, end);
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const value = node.value;
    const type = value === null ? 'null' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
    const source = quoted ? String(value) : raw;
    return {
      kind: 'scalar',
      span: { start, end },
      type,
      value: value as string | number | boolean | null,
      source,
      quoted,
    } as YScalar;
  }
  throw new Error('aliases are not supported here');
}

function nullScalar(at: number): YScalar {
  return { kind: 'scalar', span: { start: at, end: at }, type: 'null', value: null, source: '', quoted: false };
}

/**
 * A ResourceDoc for `text`: Universal when the root has `type`, Kubernetes when it has `kind`.
 * In Universal form the spec is the root (under `spec:` for MeshHTTPRoute/MeshTCPRoute).
 */
export function resourceDoc(text: string, file = 'test.yaml'): ResourceDoc {
  const root = ynode(text);
  if (root.kind !== 'map') throw new Error('a resource is a map');
  const field = (map: YMap | null, key: string): YNode | null => map?.pairs.find((p) => p.key.value === key)?.value ?? null;
  const scalar = (node: YNode | null): YScalar | null => (node && node.kind === 'scalar' ? node : null);
  const map = (node: YNode | null): YMap | null => (node && node.kind === 'map' ? node : null);
  const str = (node: YScalar | null): string | null => (node && typeof node.value === 'string' ? node.value : null);
  const type = str(scalar(field(root, 'type')));
  const kubernetes = field(root, 'apiVersion') !== null;
  if (!kubernetes) {
    const nested = type === 'MeshHTTPRoute' || type === 'MeshTCPRoute';
    const nameNode = scalar(field(root, 'name'));
    const meshNode = scalar(field(root, 'mesh'));
    return {
      kind: type as ResourceKind,
      form: 'universal',
      file,
      docIndex: 0,
      span: root.span,
      root,
      spec: nested ? map(field(root, 'spec')) : root,
      pathPrefix: nested ? 'spec.' : '',
      name: str(nameNode),
      nameNode,
      mesh: str(meshNode),
      meshNode,
      creationTime: null,
    };
  }
  const kind = str(scalar(field(root, 'kind'))) as ResourceKind;
  const nameNode = scalar(field(map(field(root, 'metadata')), 'name'));
  const meshNode = scalar(field(root, 'mesh'));
  return {
    kind,
    form: 'kubernetes',
    file,
    docIndex: 0,
    span: root.span,
    root,
    spec: map(field(root, 'spec')),
    pathPrefix: 'spec.',
    name: str(nameNode),
    nameNode,
    mesh: str(meshNode),
    meshNode,
    creationTime: null,
  };
}

/**
 * Test text with one caret-marked span: `«hostnmae»` marks the span the test expects. Returns the
 * text without the marks and the marked span.
 */
export function marked(text: string): { text: string; span: { start: number; end: number } } {
  const start = text.indexOf('«');
  const end = text.indexOf('»');
  if (start < 0 || end < start) throw new Error('no «marked» span');
  return { text: text.slice(0, start) + text.slice(start + 1, end) + text.slice(end + 1), span: { start, end: end - 1 } };
}
