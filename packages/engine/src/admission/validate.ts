import { META_RULE, admissionRulesFor } from './registry.js';
import type { AdmissionRule, Violation } from './registry.js';
import type { Diagnostic } from '../base/diagnostic.js';
import type { ResourceDoc } from '../resources/types.js';
import { diagnostic } from '../base/diagnostic.js';
import type { DiagnosticCode } from '../base/codes.js';
import { resourceRef } from '../resources/resource-ref.js';
import { decodedBy } from '../resources/decoded-by.js';
import { DEFAULT_KUMA_VERSION } from '../kuma/versions.js';
import type { KumaVersion } from '../kuma/versions.js';

/** What `admissionDiagnostics` runs. */
export interface AdmissionOptions {
  /**
   * False to skip the OpenAPI schema stage of the new-style policies, as Kuma's own validator
   * tests do (they call the validator directly); default true.
   */
  schemaStage?: boolean;
}

/**
 * Kuma's admission validation of one resource: every violation Kuma prints for it, each as a
 * diagnostic with Kuma's path (with the `spec.` prefix in Kubernetes form) and message, in
 * Kuma's order, read from the document as the target version's decoder sees it (`decodedBy`:
 * without the fields that version does not know). Kuma stops at the first failing stage. The
 * OpenAPI schema of the new-style policies comes first: when it fails, only its violations are
 * returned. Then, on Kubernetes the mesh check comes first, on Universal the spec comes first and
 * name/mesh after; both stages are returned, in that order, and `formatKumaError` prints the
 * first one only.
 */
export function admissionDiagnostics(written: ResourceDoc, target: KumaVersion = DEFAULT_KUMA_VERSION, options: AdmissionOptions = {}): Diagnostic[] {
  const doc = decodedBy(written, target);
  const { schema: schemaStage, spec, meta: metaStage } = stagesOf(admissionRulesFor(doc.kind, target));
  if (options.schemaStage !== false && schemaStage.length > 0) {
    const schema = runStage(schemaStage, doc, target);
    if (schema.length > 0) return schema;
  }
  const stages = doc.form === 'kubernetes' ? [metaStage, spec] : [spec, metaStage];
  const out: Diagnostic[] = [];
  for (const stage of stages) {
    for (const { rule, violation } of runInOrder(stage, doc, target)) {
      out.push(toDiagnostic(doc, rule.id, 'error', true, violation));
    }
  }
  return out;
}

/**
 * The violations of Kuma's OpenAPI schema stage alone (new-style policies; empty for other kinds
 * and when the schema passes). Kuma runs it before it parses the document.
 */
export function schemaStageDiagnostics(written: ResourceDoc, target: KumaVersion = DEFAULT_KUMA_VERSION): Diagnostic[] {
  const doc = decodedBy(written, target);
  const { schema } = stagesOf(admissionRulesFor(doc.kind, target));
  return schema.length === 0 ? [] : runStage(schema, doc, target);
}

interface Stages {
  schema: AdmissionRule[];
  spec: AdmissionRule[];
  meta: AdmissionRule[];
}

/** A kind's rules by stage, kept per list (`admissionRulesFor` keeps one list per kind and version). */
function stagesOf(rules: AdmissionRule[]): Stages {
  let stages = STAGES.get(rules);
  if (!stages) {
    stages = {
      schema: rules.filter((r) => r.stage === 'schema'),
      spec: rules.filter((r) => r !== META_RULE && r.stage !== 'schema'),
      meta: rules.filter((r) => r === META_RULE),
    };
    STAGES.set(rules, stages);
  }
  return stages;
}

const STAGES = new WeakMap<AdmissionRule[], Stages>();

function runStage(rules: readonly AdmissionRule[], doc: ResourceDoc, target: KumaVersion): Diagnostic[] {
  return runInOrder(rules, doc, target).map(({ rule, violation }) => toDiagnostic(doc, rule.id, 'error', true, violation));
}

/**
 * Kuma's error text for the admission diagnostics of one resource (as `admissionDiagnostics`
 * returns them): `path: message` joined by `; `. Like Kuma, only the first failing stage is
 * printed: name/mesh violations and spec violations are never printed together.
 */
export function formatKumaError(diagnostics: readonly Diagnostic[]): string {
  const admission = diagnostics.filter((d) => d.admission);
  if (admission.length === 0) return '';
  const isMeta = (d: Diagnostic) => d.code === META_RULE.id;
  const firstStage = isMeta(admission[0]);
  return admission
    .filter((d) => isMeta(d) === firstStage)
    .map((d) => `${d.path ?? ''}: ${d.message}`)
    .join('; ');
}

/**
 * Runs rules and orders their violations: in list order, except that a run of consecutive rules
 * sharing a `group` is merged by the list item each violation belongs to (stable otherwise).
 */
function runInOrder(rules: readonly AdmissionRule[], doc: ResourceDoc, target: KumaVersion): { rule: AdmissionRule; violation: Violation }[] {
  const out: { rule: AdmissionRule; violation: Violation }[] = [];
  let rule = rules[0];
  const report = (violation: Violation): void => {
    out.push({ rule, violation });
  };
  for (let i = 0; i < rules.length; ) {
    let j = i + 1;
    const group = rules[i].group;
    if (group !== undefined) while (j < rules.length && rules[j].group === group) j++;
    const from = out.length;
    for (let k = i; k < j; k++) {
      rule = rules[k];
      rule.check(doc, report, target);
    }
    // The sort is stable: violations of one item keep the order they were reported in.
    if (group !== undefined && out.length - from > 1) {
      const found = out.splice(from).sort((a, b) => (a.violation.item ?? -1) - (b.violation.item ?? -1));
      for (const f of found) out.push(f);
    }
    i = j;
  }
  return out;
}

export function toDiagnostic(
  doc: ResourceDoc,
  code: DiagnosticCode,
  severity: 'error' | 'warning',
  admission: boolean,
  violation: Violation,
): Diagnostic {
  return diagnostic({
    code,
    severity,
    admission,
    path: violation.meta ? violation.path : doc.pathPrefix + violation.path,
    message: violation.message,
    file: doc.file,
    span: violation.span,
    resource: resourceRef(doc),
    fixes: violation.fixes,
  });
}
