import { readChecks } from '../warnings/unknown-fields.js';
import { admissionDiagnostics, schemaStageDiagnostics } from '../admission/validate.js';
import { warningDiagnostics } from '../warnings/warning-diagnostics.js';
import type { Diagnostic } from '../base/diagnostic.js';
import type { ResourceDoc } from '../resources/types.js';
import type { KumaVersion } from '../kuma/versions.js';
import { kindVersionDiagnostic } from '../resources/unknown-kind.js';

/**
 * Everything that can be said of one resource document on its own: the values Kuma could not
 * parse (wrong YAML type, enum case), Kuma's admission errors, fields Kuma silently drops, and
 * what Kuma accepts but then drops or fails on. Like Kuma, which rejects a document it cannot
 * parse before validating it, admission rules run only on a document without parse errors. The
 * OpenAPI schema of the new-style policies runs before Kuma parses them: when it fails, its
 * violations are said instead of the parse errors (Kuma prints only those). A kind the target
 * version does not have is all that is said of the document.
 * Cached per document text by the workspace.
 */
export function documentDiagnostics(doc: ResourceDoc, options: { reportUnknownFields: boolean; kumaVersion: KumaVersion }): Diagnostic[] {
  const kindError = kindVersionDiagnostic(doc, options.kumaVersion);
  if (kindError) return [kindError];
  const schema = schemaStageDiagnostics(doc, options.kumaVersion);
  const read = readChecks(doc, options.kumaVersion, { values: schema.length === 0, unknown: options.reportUnknownFields });
  const parseErrors = schema.length > 0 ? schema : [...read.scalarTypes, ...read.enumCase];
  const out: Diagnostic[] = [...parseErrors];
  if (!parseErrors.some((d) => d.severity === 'error')) {
    out.push(...admissionDiagnostics(doc, options.kumaVersion));
    out.push(...warningDiagnostics(doc, options.kumaVersion));
  }
  out.push(...read.unknownFields);
  return out;
}
