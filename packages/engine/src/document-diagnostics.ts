import { checkEnumCase, checkScalarTypes, checkUnknownFields } from './unknown-fields.js';
import { admissionDiagnostics, gatewayWarnings } from './validate.js';
import type { Diagnostic, ResourceDoc } from './types.js';

/**
 * Everything that can be said of one resource document on its own: Kuma's admission errors,
 * the values Kuma could not parse (wrong YAML type, enum case), fields Kuma silently drops, and
 * what Kuma accepts but then drops or fails on. Cached per document text by the workspace.
 */
export function documentDiagnostics(doc: ResourceDoc, options: { reportUnknownFields: boolean }): Diagnostic[] {
  const out: Diagnostic[] = [];
  out.push(...checkScalarTypes(doc));
  out.push(...checkEnumCase(doc));
  out.push(...admissionDiagnostics(doc));
  if (doc.kind === 'MeshGateway') out.push(...gatewayWarnings(doc));
  if (options.reportUnknownFields) out.push(...checkUnknownFields(doc));
  return out;
}
