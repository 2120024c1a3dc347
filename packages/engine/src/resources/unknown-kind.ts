import { asMap, fieldOf, lookup, stringOf } from './decode.js';
import { nearestName } from '../base/nearest.js';
import { diagnostic } from '../base/diagnostic.js';
import type { Diagnostic } from '../base/diagnostic.js';
import { KUMA_API_GROUP, RESOURCE_KINDS, isKubernetesCustomKind, isResourceKind, kindVersions } from '../kuma/kinds.js';
import type { ParsedFile, YMap, YScalar } from '../syntax/tree.js';
import { isUncheckedKumaKind } from '../kuma/kinds.js';
import { formatKumaVersion, inRange, versionRangeText } from '../kuma/versions.js';
import type { KumaVersion } from '../kuma/versions.js';
import type { ResourceDoc } from './types.js';
import { resourceRef } from './resource-ref.js';

/**
 * A `kind-version` error when the target Kuma version has no resource type of the document's
 * kind (kumactl refuses it as an invalid resource type); null when it has one.
 */
export function kindVersionDiagnostic(doc: ResourceDoc, target: KumaVersion): Diagnostic | null {
  const versions = kindVersions(doc.kind);
  if (inRange(target, versions)) return null;
  const written = lookup(doc.root, doc.form === 'kubernetes' ? 'kind' : 'type');
  return diagnostic({
    code: 'kind-version',
    severity: 'error',
    message: `Kuma ${formatKumaVersion(target)} has no ${doc.kind} (Kuma has it ${versionRangeText(versions)}): kumactl refuses the document (invalid resource type "${doc.kind}"), so nothing else in it is checked.`,
    file: doc.file,
    span: written ? written.value.span : doc.span,
    resource: resourceRef(doc),
  });
}

/**
 * Documents that look like Kuma resources but name a kind the engine does not know: a
 * Universal document with a string `type` and a `name`, or a Kubernetes document of the
 * `kuma.io` API group. Each gets an `unknown-kind` warning at its kind, with the closest known
 * kind when one is near (case and small typos).
 */
export function unknownKindDiagnostics(parsed: ParsedFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of parsed.documents) {
    const root = asMap(doc.root);
    if (!root) continue;
    let found = LAST.get(root);
    if (found === undefined || (found !== null && found.file !== parsed.file)) {
      found = unknownKind(parsed.file, root);
      LAST.set(root, found);
    }
    if (found) out.push(found);
  }
  return out;
}

// A tree is reused while its document's text is unchanged (see `recogniseResources`), and its
// finding depends only on it and its file. Diagnostics are never changed after they are made.
const LAST = new WeakMap<YMap, Diagnostic | null>();

/** The `unknown-kind` warning of one document's root map, or null. */
function unknownKind(file: string, root: YMap): Diagnostic | null {
  const apiVersion = stringOf(fieldOf(root, 'apiVersion'));
  let written: YScalar | null = null;
  let known: readonly string[] = RESOURCE_KINDS;
  if (apiVersion) {
    if (!apiVersion.startsWith(KUMA_API_GROUP)) return null;
    const kind = lookup(root, 'kind')?.value;
    if (kind?.kind !== 'scalar' || kind.type !== 'string') return null;
    const k = kind.value as string;
    if ((isResourceKind(k) && isKubernetesCustomKind(k)) || isUncheckedKumaKind(k)) return null;
    written = kind;
    known = RESOURCE_KINDS.filter(isKubernetesCustomKind);
  } else {
    const type = lookup(root, 'type')?.value;
    if (type?.kind !== 'scalar' || type.type !== 'string' || !fieldOf(root, 'name')) return null;
    if (isResourceKind(type.value as string) || isUncheckedKumaKind(type.value as string)) return null;
    written = type;
  }
  const text = written.value as string;
  const near = nearestName(text, [...known]) ?? known.find((k) => k.toLowerCase() === text.toLowerCase()) ?? null;
  const hint = near ? ` Did you mean "${near}"? Kinds are case-sensitive.` : '';
  return diagnostic({
    code: 'unknown-kind',
    severity: 'warning',
    message: `"${text}" is not a Kuma resource kind meshgw knows, so this document is not checked; Kuma refuses a kind it does not know.${hint}`,
    file,
    span: written.span,
  });
}
