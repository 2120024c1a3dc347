import { formatKumaError } from '../admission/validate.js';
import { diagnostic } from '../base/diagnostic.js';
import type { Diagnostic } from '../base/diagnostic.js';
import type { Location } from '../base/types.js';
import { isMeshScoped } from '../kuma/kinds.js';
import { resourceRef } from '../resources/resource-ref.js';
import type { ResourceDoc } from '../resources/types.js';
import type { FileAnalysis } from './types.js';

/**
 * What exists on the control plane after the workspace is applied: a document Kuma refuses never
 * does, and of several documents with the same kind, mesh and name only the last one Kuma
 * accepts stays (applying in file order replaces the earlier ones).
 */
export interface ResourceStatus {
  /** Kuma's errors for a refused document (admission, decoding, YAML); absent when accepted. */
  refused: Map<ResourceDoc, Diagnostic[]>;
  /** For a document with copies: all copies in apply order and the one that stays. */
  copies: Map<ResourceDoc, { all: ResourceDoc[]; kept: ResourceDoc }>;
  /** `duplicate-resource` on every copy. */
  diagnostics: Diagnostic[];
}

export function resourceStatus(files: FileAnalysis[]): ResourceStatus {
  const refused = new Map<ResourceDoc, Diagnostic[]>();
  const byIdentity = new Map<string, ResourceDoc[]>();
  for (const f of files) {
    const errors = f.diagnostics.filter((d) => d.severity === 'error');
    for (const doc of f.resources) {
      const mine = errors.filter((d) => d.span.start >= doc.span.start && d.span.start <= doc.span.end);
      if (mine.length > 0) refused.set(doc, mine);
      if (!doc.name) continue;
      const key = `${doc.kind}\u0000${isMeshScoped(doc.kind) ? doc.mesh ?? 'default' : ''}\u0000${doc.name}`;
      const list = byIdentity.get(key);
      if (list) list.push(doc);
      else byIdentity.set(key, [doc]);
    }
  }
  const copies = new Map<ResourceDoc, { all: ResourceDoc[]; kept: ResourceDoc }>();
  const diagnostics: Diagnostic[] = [];
  for (const all of byIdentity.values()) {
    if (all.length < 2) continue;
    const accepted = all.filter((d) => !refused.has(d));
    const kept = accepted.length > 0 ? accepted[accepted.length - 1] : all[all.length - 1];
    for (const doc of all) {
      copies.set(doc, { all, kept });
      diagnostics.push(duplicateDiagnostic(doc, all, kept, refused));
    }
  }
  return { refused, copies, diagnostics };
}

/** Whether the document exists on the control plane once the workspace is applied. */
export function takesEffect(status: ResourceStatus, doc: ResourceDoc): boolean {
  return !status.refused.has(doc) && (status.copies.get(doc)?.kept ?? doc) === doc;
}

/** Kuma's error for a refused document as `kumactl apply` prints it, or the first error. */
export function refusalText(status: ResourceStatus, doc: ResourceDoc): string {
  const errors = status.refused.get(doc) ?? [];
  return formatKumaError(errors) || errors[0]?.message || '';
}

function location(doc: ResourceDoc): Location {
  return { file: doc.file, span: doc.nameNode?.span ?? doc.span };
}

function duplicateDiagnostic(doc: ResourceDoc, all: ResourceDoc[], kept: ResourceDoc, refused: Map<ResourceDoc, Diagnostic[]>): Diagnostic {
  const what = `${doc.kind} "${doc.name}"${isMeshScoped(doc.kind) ? ` of mesh "${doc.mesh ?? 'default'}"` : ''}`;
  const others = all.filter((d) => d !== doc);
  const where = (d: ResourceDoc) => `${d.file}${d.file === doc.file ? ` (document ${d.docIndex + 1})` : ''}`;
  let message: string;
  if (doc === kept) {
    message = `${what} is also defined in ${others.map(where).join(', ')}; applied in file order, this copy is the one that stays, and the others take no effect.`;
  } else {
    const why = refused.has(doc) ? 'Kuma refuses this copy' : `applied in file order, the copy in ${where(kept)} replaces it`;
    message = `${what} is also defined in ${others.map(where).join(', ')}; ${why}, so this one takes no effect.`;
  }
  return diagnostic({
    code: 'duplicate-resource',
    severity: 'warning',
    message,
    file: doc.file,
    span: location(doc).span,
    resource: resourceRef(doc),
    related: others.map((d) => ({ location: location(d), message: d === kept ? 'the copy that stays' : 'another copy' })),
  });
}
