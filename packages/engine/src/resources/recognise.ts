import { asMap, asScalar, fieldOf, stringOf } from './decode.js';
import type { ParsedFile, YMap, YScalar } from '../syntax/tree.js';
import type { ResourceDoc } from './types.js';
import type { ResourceKind } from '../kuma/kinds.js';
import { KUMA_API_GROUP, isKubernetesCustomKind, isResourceKind } from '../kuma/kinds.js';


/**
 * Finds the Kuma resources among a file's documents. A document of any other kind (a
 * Deployment, a ConfigMap, plain data) is skipped without a word.
 */
export function recogniseResources(parsed: ParsedFile): ResourceDoc[] {
  const out: ResourceDoc[] = [];
  for (const doc of parsed.documents) {
    const root = asMap(doc.root);
    if (!root) continue;
    const last = LAST.get(root);
    const r =
      last !== undefined && (last === null || (last.file === parsed.file && last.docIndex === doc.index))
        ? last
        : recogniseKubernetes(parsed.file, doc.index, root) ?? recogniseUniversal(parsed.file, doc.index, root);
    LAST.set(root, r);
    if (r) out.push(r);
  }
  return out;
}

// The parse cache hands back the same tree for a document whose text is unchanged (its spans
// moved in place), and what a tree is depends only on it: the ResourceDoc made for a tree is
// made again only when the tree sits elsewhere (another file or index). ResourceDocs are never
// changed after they are made.
const LAST = new WeakMap<YMap, ResourceDoc | null>();

function recogniseUniversal(file: string, docIndex: number, root: YMap): ResourceDoc | null {
  const type = stringOf(fieldOf(root, 'type'));
  if (!isResourceKind(type)) return null;
  // A Kubernetes Secret also has `type:`; it is recognised (or skipped) by its apiVersion.
  if (fieldOf(root, 'apiVersion')) return null;
  const nameNode = scalarField(root, 'name');
  const meshNode = scalarField(root, 'mesh');
  // New-style policies keep their spec under `spec:` in Universal form too.
  const policy = type === 'MeshHTTPRoute' || type === 'MeshTCPRoute';
  return {
    kind: type as ResourceKind,
    form: 'universal',
    file,
    docIndex,
    span: root.span,
    root,
    spec: policy ? asMap(fieldOf(root, 'spec')) : root,
    pathPrefix: policy ? 'spec.' : '',
    name: nameNode ? stringOf(nameNode) : null,
    nameNode,
    mesh: meshNode ? stringOf(meshNode) : null,
    meshNode,
    creationTime: stringOf(fieldOf(root, 'creationTime')) || null,
  };
}

function recogniseKubernetes(file: string, docIndex: number, root: YMap): ResourceDoc | null {
  const apiVersion = stringOf(fieldOf(root, 'apiVersion'));
  const kind = stringOf(fieldOf(root, 'kind'));
  if (!apiVersion || !kind) return null;
  const metadata = asMap(fieldOf(root, 'metadata'));
  const nameNode = scalarField(metadata, 'name');
  const labels = asMap(fieldOf(metadata, 'labels'));
  const labelMesh = scalarField(labels, 'kuma.io/mesh');
  const base = {
    form: 'kubernetes' as const,
    file,
    docIndex,
    span: root.span,
    root,
    pathPrefix: 'spec.' as const,
    name: nameNode ? stringOf(nameNode) : null,
    nameNode,
    creationTime: stringOf(fieldOf(metadata, 'creationTimestamp')) || null,
  };
  if (apiVersion === 'v1' && kind === 'Secret') {
    const type = stringOf(fieldOf(root, 'type'));
    if (type === 'system.kuma.io/secret') {
      return { ...base, kind: 'Secret', spec: null, mesh: labelMesh ? stringOf(labelMesh) : 'default', meshNode: labelMesh };
    }
    if (type === 'system.kuma.io/global-secret') {
      return { ...base, kind: 'GlobalSecret', spec: null, mesh: null, meshNode: null };
    }
    return null;
  }
  if (!apiVersion.startsWith(KUMA_API_GROUP) || !isResourceKind(kind) || !isKubernetesCustomKind(kind)) {
    return null;
  }
  const spec = asMap(fieldOf(root, 'spec'));
  if (kind === 'MeshHTTPRoute' || kind === 'MeshTCPRoute') {
    // New-style policies carry their mesh as a label; it defaults to `default`.
    return { ...base, kind, spec, mesh: labelMesh ? stringOf(labelMesh) : 'default', meshNode: labelMesh };
  }
  const meshNode = scalarField(root, 'mesh');
  return { ...base, kind: kind as ResourceKind, spec, mesh: meshNode ? stringOf(meshNode) : null, meshNode };
}

function scalarField(map: YMap | null, name: string): YScalar | null {
  return asScalar(fieldOf(map, name));
}
