import type { Diagnostic, Fix, Severity } from '../base/diagnostic.js';
import type { ResourceDoc } from '../resources/types.js';
import type { Span } from '../base/types.js';
import type { YMap, YNode, YPair, YScalar } from '../syntax/tree.js';
import { diagnostic } from '../base/diagnostic.js';
import type { DiagnosticCode } from '../base/codes.js';
import { resourceRef } from '../resources/resource-ref.js';
import type { FieldSpec, FieldType, ObjectType } from '../kuma/fields/field-type.js';
import { documentType, fieldByKey } from '../kuma/fields/documents.js';
import { fieldKnown } from '../kuma/fields/field-type.js';
import type { KumaVersion } from '../kuma/versions.js';

// The walk of a document against the fields Kuma's decoder knows, shared by the checks of
// `unknown-fields.ts`, and the findings they make.

export const STRING_TYPE: FieldType = { kind: 'string' };

export interface Walker {
  /**
   * Called for every key of a checked object; `field` is null when the key is unknown to the
   * target, `other` the field it names in another version (then `field` is null).
   */
  key?(pair: YPair, field: FieldSpec | null, parent: ObjectType, map: YMap, atRoot: boolean, other: FieldSpec | null): void;
  /** Called for every value whose type is known; `mapValue` is true for a value inside a map field. */
  value?(node: YNode, type: FieldType, field: FieldSpec, mapValue: boolean): void;
}

function skipped(doc: ResourceDoc): boolean {
  return doc.form === 'kubernetes' && (doc.kind === 'Secret' || doc.kind === 'GlobalSecret');
}

/**
 * Walks the document root against its described shape as `target` knows it; open objects and
 * fields the target does not know are not entered.
 */
export function walk(doc: ResourceDoc, walker: Walker, target: KumaVersion): void {
  if (skipped(doc)) return;
  walkMap(doc.root, documentType(doc.kind, doc.form), true, walker, target);
}

function walkMap(map: YMap, type: ObjectType, atRoot: boolean, walker: Walker, target: KumaVersion): void {
  if (!type.closed) return;
  for (const pair of map.pairs) {
    const named = fieldByKey(type, keyText(pair.key));
    const field = named && fieldKnown(named, target) ? named : null;
    walker.key?.(pair, field, type, map, atRoot, field ? null : named);
    if (field) walkValue(pair.value, field.type, field, false, walker, target);
  }
}

function walkValue(node: YNode, type: FieldType, field: FieldSpec, mapValue: boolean, walker: Walker, target: KumaVersion): void {
  walker.value?.(node, type, field, mapValue);
  if (type.kind === 'object' && node.kind === 'map') walkMap(node, type, false, walker, target);
  else if (type.kind === 'list' && node.kind === 'seq') for (const item of node.items) walkValue(item, type.of, field, false, walker, target);
  else if (type.kind === 'map' && node.kind === 'map') for (const p of node.pairs) walkValue(p.value, STRING_TYPE, field, true, walker, target);
}

export function keyText(key: YScalar): string {
  return typeof key.value === 'string' ? key.value : key.source;
}

export function finding(doc: ResourceDoc, code: DiagnosticCode, severity: Severity, message: string, span: Span, fixes?: Fix[]): Diagnostic {
  return diagnostic({ code, severity, message, file: doc.file, span, resource: resourceRef(doc), fixes });
}

export function replaceFix(title: string, span: Span, newText: string): Fix {
  return { title, edits: [{ span, newText }] };
}
