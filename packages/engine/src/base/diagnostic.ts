import type { DiagnosticCode } from './codes.js';
import type { Location, Span } from './types.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A text edit in one file, used by quick fixes. */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** Identifies a resource the way Kuma does: type, mesh and name (null where not given). */
export interface ResourceRef {
  type: string;
  mesh: string | null;
  name: string | null;
}

export interface RelatedInformation {
  location: Location;
  message: string;
}

/**
 * One finding. `code` is stable (see `codes.ts`); tests assert it and the span. `admission` is
 * true exactly for the errors Kuma itself prints when the resource is applied, and then `path`
 * and `message` are Kuma's, word for word (path with the `spec.` prefix in Kubernetes form).
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  admission: boolean;
  path: string | null;
  message: string;
  file: string;
  span: Span;
  resource: ResourceRef | null;
  related?: RelatedInformation[];
  fixes?: Fix[];
}

/** What a finding says; `admission`, `path` and `resource` default to false, null and null. */
export interface DiagnosticInit {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file: string;
  span: Span;
  admission?: boolean;
  path?: string | null;
  resource?: ResourceRef | null;
  related?: RelatedInformation[];
  fixes?: Fix[];
}

/** The one constructor of diagnostics: optional lists are left out when empty. */
export function diagnostic(init: DiagnosticInit): Diagnostic {
  const out: Diagnostic = {
    code: init.code,
    severity: init.severity,
    admission: init.admission ?? false,
    path: init.path ?? null,
    message: init.message,
    file: init.file,
    span: init.span,
    resource: init.resource ?? null,
  };
  if (init.related && init.related.length > 0) out.related = init.related;
  if (init.fixes && init.fixes.length > 0) out.fixes = init.fixes;
  return out;
}
