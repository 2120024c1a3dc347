import type { Diagnostic, Fix } from '../base/diagnostic.js';
import type { ResourceDoc } from '../resources/types.js';
import type { YNode, YScalar } from '../syntax/tree.js';
import type { EnumType, FieldSpec, FieldType } from '../kuma/fields/field-type.js';
import { fieldByKey, specType } from '../kuma/fields/documents.js';
import { isProtoKind } from '../kuma/kinds.js';
import { editDistance, nearestName } from '../base/nearest.js';
import { fieldKnown, valueKnown, writableValues } from '../kuma/fields/field-type.js';
import { DEFAULT_KUMA_VERSION, formatKumaVersion, versionRangeText } from '../kuma/versions.js';
import { finding, keyText, replaceFix, STRING_TYPE, walk, type Walker } from './field-walk.js';
import type { KumaVersion } from '../kuma/versions.js';

/**
 * Checks that read a resource the way Kuma's decoder does, field by field, against the field
 * description in `fields.ts`:
 * - `checkUnknownFields`: keys Kuma silently drops (`unknown-field`, warning).
 * - `checkEnumCase`: enum values Kuma cannot parse (`enum-case`, `enum-unknown`, errors).
 * - `checkScalarTypes`: values of the wrong YAML type (`not-a-string`, `not-a-number`,
 *   `not-a-boolean`, `wrong-shape`, errors).
 * These are parse-level findings, not Kuma validator messages: `admission` is false and `path`
 * null. Each reads the document as the decoder of the target Kuma version does: a field that
 * version does not know is unknown (and its value unchecked), an enum name it does not declare
 * cannot be read. Map fields (tags, match, destination, labels, annotations) have free-form keys, and the
 * contents of Kubernetes `metadata` are not checked. Kubernetes Secrets are core v1 Secrets and
 * are skipped.
 */

const UINT32_MAX = 4294967295;

/** Plain scalars that YAML 1.1 (the YAML Kuma and kubectl read) resolves to booleans. */
const YAML11_BOOLEANS: ReadonlySet<string> = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
]);

// ---------------------------------------------------------------------------------------------
// Unknown fields

/**
 * Keys Kuma silently drops, each with the nearest known sibling as a suggestion when close; a
 * field of another Kuma version says which versions read it.
 */
export function checkUnknownFields(doc: ResourceDoc, target: KumaVersion = DEFAULT_KUMA_VERSION): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(doc, unknownFieldsWalker(doc, target, out), target);
  return out;
}

function unknownFieldsWalker(doc: ResourceDoc, target: KumaVersion, out: Diagnostic[]): Walker {
  return {
    key(pair, field, parent, map, atRoot, other) {
      if (field) return;
      const key = keyText(pair.key);
      if (other) {
        const message = `Kuma ${formatKumaVersion(target)} does not know "${key}" and ignores it: Kuma reads it ${versionRangeText(other.versions)}.`;
        out.push(finding(doc, 'unknown-field', 'warning', message, pair.key.span));
        return;
      }
      if (atRoot && key === 'mesh' && doc.form === 'kubernetes' && !isProtoKind(doc.kind)) {
        const message = `Unknown field "mesh": Kuma ignores it. The mesh of a ${doc.kind} is its "kuma.io/mesh" label (metadata.labels).`;
        out.push(finding(doc, 'unknown-field', 'warning', message, pair.key.span));
        return;
      }
      const misplaced = atRoot ? misplacedSpecField(doc, key) : false;
      if (misplaced) {
        out.push(finding(doc, 'unknown-field', 'warning', `Unknown field "${key}": Kuma ignores it here. It belongs under "spec".`, pair.key.span));
        return;
      }
      const suggestion = suggestKey(key, parent.fields.filter((f) => fieldKnown(f, target)));
      if (!suggestion) {
        out.push(finding(doc, 'unknown-field', 'warning', `Unknown field "${key}": Kuma ignores it.`, pair.key.span));
        return;
      }
      const alreadyWritten = map.pairs.some((p) => p !== pair && fieldByKey(parent, keyText(p.key)) === suggestion.field);
      const fixes = alreadyWritten ? [] : [replaceFix(`Rename to "${suggestion.name}"`, pair.key.span, suggestion.name)];
      out.push(
        finding(doc, 'unknown-field', 'warning', `Unknown field "${key}": Kuma ignores it. Did you mean "${suggestion.name}"?`, pair.key.span, fixes),
      );
    },
  };
}

/** True when `key` is a spec field written at the top of a document that keeps its spec under `spec:`. */
function misplacedSpecField(doc: ResourceDoc, key: string): boolean {
  const nested = doc.form === 'kubernetes' || !isProtoKind(doc.kind);
  return nested && fieldByKey(specType(doc.kind), key) !== null;
}

interface Suggestion {
  name: string;
  field: FieldSpec;
}

/**
 * The known field `key` was most likely meant to be: one equal to it ignoring case, `_` and `-`,
 * else the closest spelling within an edit distance of 1 (keys up to 4 characters) or 2.
 */
function suggestKey(key: string, fields: readonly FieldSpec[]): Suggestion | null {
  const normal = normalise(key);
  for (const field of fields) {
    if (normalise(field.name) === normal) return { name: key.includes('_') && field.protoName ? field.protoName : field.name, field };
    if (field.protoName && normalise(field.protoName) === normal) return { name: key.includes('_') ? field.protoName : field.name, field };
  }
  const limit = key.length <= 4 ? 1 : 2;
  let best: Suggestion | null = null;
  let bestDistance = limit + 1;
  for (const field of fields) {
    for (const name of field.protoName ? [field.name, field.protoName] : [field.name]) {
      const d = editDistance(key.toLowerCase(), name.toLowerCase());
      if (d < bestDistance) {
        best = { name, field };
        bestDistance = d;
      }
    }
  }
  return best;
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[_-]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Enums

/**
 * Enum values Kuma cannot parse. Protobuf enums are read by exact name or by any number; new-style
 * policy enums by exact name only. A value differing only in case is `enum-case`, anything else
 * `enum-unknown`; both are errors because Kuma refuses the whole resource.
 */
export function checkEnumCase(doc: ResourceDoc, target: KumaVersion = DEFAULT_KUMA_VERSION): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(doc, enumCaseWalker(doc, target, out), target);
  return out;
}

function enumCaseWalker(doc: ResourceDoc, target: KumaVersion, out: Diagnostic[]): Walker {
  return {
    value(node, type, field) {
      if (type.kind !== 'enum' || node.kind !== 'scalar' || field.envelope) return;
      const d = enumProblem(doc, node, type, field, target);
      if (d) out.push(d);
    },
  };
}

function enumProblem(doc: ResourceDoc, node: YScalar, type: EnumType, field: FieldSpec, target: KumaVersion): Diagnostic | null {
  if (node.type === 'null') return null;
  if (node.type === 'number' && type.numbers && Number.isInteger(node.value)) return null;
  const known = type.values.filter((v) => valueKnown(v, target));
  const names = known.map((v) => v.name);
  if (node.type === 'string' && names.includes(node.value as string)) return null;
  const valid = `Valid values: ${writableValues(type, target).map((v) => v.name).join(', ')}${type.numbers ? ' (or a number)' : ''}.`;
  if (node.type === 'number') {
    const what = type.numbers ? 'a whole number' : 'a number';
    return finding(doc, 'enum-unknown', 'error', `Kuma cannot read ${what} here: "${node.source}" is not a value of ${field.name}. ${valid}`, node.span);
  }
  if (node.type === 'boolean') {
    return finding(doc, 'enum-unknown', 'error', `Kuma cannot read a boolean here: "${node.source}" is not a value of ${field.name}. ${valid}`, node.span);
  }
  const text = node.value as string;
  if (names.includes(text)) return null;
  const parseError = type.numbers ? ` (${goUnknownEnum(text, type.name)})` : '';
  const elsewhere = type.values.find((v) => v.name === text);
  if (elsewhere) {
    const when = versionRangeText(elsewhere.versions);
    const message = `Kuma ${formatKumaVersion(target)} cannot read "${text}"${parseError}: ${field.name} has this value ${when}. ${valid}`;
    return finding(doc, 'enum-unknown', 'error', message, node.span);
  }
  const caseMatch = names.find((n) => n.toLowerCase() === text.toLowerCase());
  if (caseMatch) {
    const rule = caseMatch === caseMatch.toUpperCase() ? 'in upper case only' : 'exactly as declared';
    return finding(
      doc,
      'enum-case',
      'error',
      `Kuma reads enum values ${rule}: "${text}" is rejected${parseError}; write "${caseMatch}".`,
      node.span,
      [replaceFix(`Write "${caseMatch}"`, node.span, caseMatch)],
    );
  }
  if (type.numbers && /^\s*-?\d+\s*$/.test(text)) {
    const num = Number(text.trim());
    const byNumber = known.find((v) => v.number === num);
    const replacement = byNumber ? byNumber.name : String(num);
    return finding(
      doc,
      'enum-unknown',
      'error',
      `Kuma reads a quoted number as an enum name: "${text}" is rejected${parseError}. Write ${replacement} without quotes.`,
      node.span,
      [replaceFix(`Write ${replacement}`, node.span, replacement)],
    );
  }
  const near = nearestName(text, names);
  const fixes = near ? [replaceFix(`Write "${near}"`, node.span, near)] : [];
  const hint = near ? ` Did you mean "${near}"?` : '';
  return finding(doc, 'enum-unknown', 'error', `Unknown value "${text}" for ${field.name}: Kuma rejects it${parseError}. ${valid}${hint}`, node.span, fixes);
}

/** Kuma's protobuf-JSON text for an unknown enum name: the raw JSON string, Go-quoted. */
function goUnknownEnum(text: string, enumName: string): string {
  return `unknown value ${JSON.stringify(JSON.stringify(text))} for enum ${enumName}`;
}

// ---------------------------------------------------------------------------------------------
// Scalar types

/**
 * Values Kuma's decoder refuses because of their YAML type: a number or boolean where a string is
 * expected (including map values and YAML 1.1 words such as `on` and `yes`, which Kuma reads as
 * booleans), a value that is not a whole non-negative number for a uint32, a non-boolean for a
 * bool, a scalar where an object or list is expected (and the reverse).
 */
export function checkScalarTypes(doc: ResourceDoc, target: KumaVersion = DEFAULT_KUMA_VERSION): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(doc, scalarTypesWalker(doc, out), target);
  return out;
}

function scalarTypesWalker(doc: ResourceDoc, out: Diagnostic[]): Walker {
  const proto = isProtoKind(doc.kind);
  return {
    value(node, type, field, mapValue) {
      const d = valueProblem(doc, node, type, field, mapValue, proto);
      if (d) out.push(d);
    },
  };
}

/** What `readChecks` found, by check; a check not asked for finds nothing. */
export interface ReadFindings {
  scalarTypes: Diagnostic[];
  enumCase: Diagnostic[];
  unknownFields: Diagnostic[];
}

/**
 * `checkScalarTypes` and `checkEnumCase` (with `values`) and `checkUnknownFields` (with
 * `unknown`) in one walk of the document: each list is what that check alone returns.
 */
export function readChecks(doc: ResourceDoc, target: KumaVersion, ask: { values: boolean; unknown: boolean }): ReadFindings {
  const found: ReadFindings = { scalarTypes: [], enumCase: [], unknownFields: [] };
  if (!ask.values && !ask.unknown) return found;
  const scalar = ask.values ? scalarTypesWalker(doc, found.scalarTypes) : null;
  const enums = ask.values ? enumCaseWalker(doc, target, found.enumCase) : null;
  const unknown = ask.unknown ? unknownFieldsWalker(doc, target, found.unknownFields) : null;
  walk(doc, {
    key: unknown?.key,
    value: scalar && enums ? (node, type, field, mapValue) => {
      scalar.value?.(node, type, field, mapValue);
      enums.value?.(node, type, field, mapValue);
    } : undefined,
  }, target);
  return found;
}

function valueProblem(doc: ResourceDoc, node: YNode, type: FieldType, field: FieldSpec, mapValue: boolean, proto: boolean): Diagnostic | null {
  if (node.kind === 'scalar' && node.type === 'null') return null;
  const shape = shapeProblem(doc, node, type, field);
  if (shape !== undefined) return shape;
  if (node.kind !== 'scalar') return null;
  switch (type.kind) {
    case 'string':
    case 'bytes':
    case 'duration':
    case 'timestamp':
      return stringProblem(doc, node, type.kind === 'bytes' ? '[]uint8' : 'string', field, mapValue, proto);
    case 'uint32':
      return uintProblem(doc, node, proto && !field.envelope);
    case 'integer':
      return integerProblem(doc, node);
    case 'double':
      return doubleProblem(doc, node);
    case 'bool':
      return boolProblem(doc, node, proto);
    default:
      return null;
  }
}

/** A diagnostic when the node's shape (map, list, scalar) does not fit; undefined when it fits. */
function shapeProblem(doc: ResourceDoc, node: YNode, type: FieldType, field: FieldSpec): Diagnostic | null | undefined {
  const expected = type.kind === 'object' || type.kind === 'map' ? 'map' : type.kind === 'list' ? 'seq' : type.kind === 'any' ? null : 'scalar';
  if (expected === null || expected === node.kind) return undefined;
  const words = { map: 'an object (key: value pairs)', seq: 'a list', scalar: 'a single value' };
  return finding(
    doc,
    'wrong-shape',
    'error',
    `Kuma cannot parse "${field.name}": it expects ${words[expected]} here, not ${words[node.kind]}.`,
    node.span,
  );
}

function quoteFix(node: YScalar): Fix {
  const text = JSON.stringify(node.source);
  return replaceFix(`Quote as ${text}`, node.span, text);
}

function stringProblem(doc: ResourceDoc, node: YScalar, goType: string, field: FieldSpec, mapValue: boolean, proto: boolean): Diagnostic | null {
  const yaml11 = node.type === 'string' && !node.quoted && YAML11_BOOLEANS.has(node.source);
  if (node.type === 'string' && !yaml11) return null;
  const jsonType = node.type === 'number' ? 'number' : 'bool';
  const what = mapValue ? `the value of "${field.name}"` : `"${field.name}"`;
  const reason = yaml11 ? `Kuma reads YAML 1.1, where unquoted ${node.source} is a boolean, and ` : 'Kuma ';
  const parse = proto && !field.envelope
    ? `fails to parse it: json: cannot unmarshal ${jsonType} into Go value of type ${goType}`
    : `rejects it: ${what} must be a string`;
  return finding(
    doc,
    'not-a-string',
    'error',
    `${reason}${parse}. Quote it: ${JSON.stringify(node.source)}.`,
    node.span,
    [quoteFix(node)],
  );
}

function uintProblem(doc: ResourceDoc, node: YScalar, protoText: boolean): Diagnostic | null {
  const expectation = `Write a whole number from 0 to ${UINT32_MAX}.`;
  if (node.type === 'number') {
    const v = node.value as number;
    if (Number.isInteger(v) && v >= 0 && v <= UINT32_MAX) return null;
    const parse = protoText ? `Kuma fails to parse it: json: cannot unmarshal number ${String(v)} into Go value of type uint32.` : 'Kuma rejects it.';
    return finding(doc, 'not-a-number', 'error', `${parse} ${expectation}`, node.span);
  }
  if (node.type === 'boolean' || YAML11_BOOLEANS.has(node.source)) {
    if (node.type === 'string' && node.quoted) return notUintString(doc, node, expectation);
    const parse = protoText ? 'Kuma fails to parse it: json: cannot unmarshal bool into Go value of type uint32.' : 'Kuma rejects it.';
    return finding(doc, 'not-a-number', 'error', `${parse} ${expectation}`, node.span);
  }
  const text = node.value as string;
  const m = /^\s*(0|[1-9]\d*)\s*$/.exec(text);
  if (m && Number(m[1]) <= UINT32_MAX) return null;
  return notUintString(doc, node, expectation);
}

function notUintString(doc: ResourceDoc, node: YScalar, expectation: string): Diagnostic {
  return finding(doc, 'not-a-number', 'error', `Kuma fails to parse "${node.value as string}" as a number. ${expectation}`, node.span);
}

function integerProblem(doc: ResourceDoc, node: YScalar): Diagnostic | null {
  if (node.type === 'number' && Number.isInteger(node.value)) return null;
  const text = node.type === 'string' ? (node.value as string) : node.source;
  const unquoted = node.type === 'string' && /^\s*-?\d+\s*$/.test(text) ? text.trim() : null;
  const fixes = unquoted !== null ? [replaceFix(`Write ${unquoted}`, node.span, unquoted)] : [];
  const hint = unquoted !== null ? ' (without quotes)' : '';
  return finding(doc, 'not-a-number', 'error', `Kuma rejects "${text}": a whole number is expected here${hint}.`, node.span, fixes);
}

function doubleProblem(doc: ResourceDoc, node: YScalar): Diagnostic | null {
  if (node.type === 'number') return null;
  if (node.type === 'string' && !(YAML11_BOOLEANS.has(node.source) && !node.quoted)) {
    const text = (node.value as string).trim();
    if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text) || ['NaN', 'Infinity', '-Infinity'].includes(text)) return null;
  }
  return finding(doc, 'not-a-number', 'error', `Kuma fails to parse "${node.source}" as a number. Write a number such as 50 or 12.5.`, node.span);
}

function boolProblem(doc: ResourceDoc, node: YScalar, proto: boolean): Diagnostic | null {
  if (node.type === 'boolean') return null;
  if (node.type === 'string' && !node.quoted && YAML11_BOOLEANS.has(node.source)) return null;
  const text = node.type === 'string' ? (node.value as string) : node.source;
  const jsonType = node.type === 'number' ? 'number' : 'string';
  const parse = proto ? `Kuma fails to parse it: json: cannot unmarshal ${jsonType} into Go value of type bool.` : 'Kuma rejects it: a boolean is expected.';
  const lower = text.trim().toLowerCase();
  const fix = lower === 'true' || lower === 'false' ? [replaceFix(`Write ${lower}`, node.span, lower)] : [];
  return finding(doc, 'not-a-boolean', 'error', `${parse} Write true or false.`, node.span, fix);
}
