import { fieldPath, indexPath } from '../../base/path.js';
import { fieldKnown, fieldRequired, listBounds, valueKnown } from '../../kuma/fields/field-type.js';
import type { FieldType, ObjectType } from '../../kuma/fields/field-type.js';
import { itemAnchor, keySpan, lookup, valueSpan } from '../../resources/decode.js';
import type { KumaVersion } from '../../kuma/versions.js';
import type { Span } from '../../base/types.js';
import type { YMap, YNode } from '../../syntax/tree.js';

/** One violation of the schema: a path below the spec (Kuma prints it after `spec.`) and kube-openapi's message. */
export type SchemaReport = (path: string, message: string, span: Span) => void;

/** The JSON type of a value, as the schema validator names it (`null` for `key:` or `~`). */
type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/**
 * Checks an object against Kuma's OpenAPI schema as the field knowledge describes it for
 * `target`: required fields (`in body is required`), JSON types (`in body must be of type
 * string: "number"`), string enums (`in body should be one of [A B]`, the values `target` knows,
 * in schema order) and list bounds (`should have at least/at most N items`). Fields `target`
 * does not know are not looked at, as the schema ignores keys it does not list. `anchor` is
 * where a missing field points: the key of the object, or its first key.
 */
export function checkSchemaObject(map: YMap, type: ObjectType, path: string, anchor: Span, target: KumaVersion, report: SchemaReport): void {
  for (const field of type.fields) {
    if (field.envelope || !fieldKnown(field, target)) continue;
    const pair = lookup(map, field.name);
    const at = fieldPath(path, field.name);
    if (!pair) {
      if (fieldRequired(field, target)) report(at, 'in body is required', anchor);
      continue;
    }
    checkSchemaValue(pair.value, field.type, at, valueSpan(pair), keySpan(pair), target, report);
  }
}

/** Checks one value; `span` is the value (or its key when not written), `key` the key that holds it. */
function checkSchemaValue(node: YNode, type: FieldType, path: string, span: Span, key: Span, target: KumaVersion, report: SchemaReport): void {
  const expected = schemaType(type);
  if (expected === null) return;
  const actual = jsonType(node);
  if (!typeMatches(expected, actual, node)) report(path, `in body must be of type ${expected}: "${actual}"`, span);
  if (type.kind === 'enum') {
    const names = type.values.filter((v) => valueKnown(v, target)).map((v) => v.name);
    const written = node.kind === 'scalar' && node.type === 'string' ? String(node.value) : null;
    if (written === null || !names.includes(written)) report(path, `in body should be one of [${names.join(' ')}]`, span);
  }
  if (node.kind === 'map' && type.kind === 'object') checkSchemaObject(node, type, path, key, target, report);
  if (node.kind === 'map' && type.kind === 'map') {
    for (const pair of node.pairs) {
      const name = typeof pair.key.value === 'string' ? pair.key.value : pair.key.source;
      checkSchemaValue(pair.value, { kind: 'string' }, fieldPath(path, name), valueSpan(pair), keySpan(pair), target, report);
    }
  }
  if (node.kind === 'seq' && type.kind === 'list') {
    const { min, max } = listBounds(type, target);
    if (max !== undefined && node.items.length > max) report(path, `in body should have at most ${max} items`, key);
    if (min !== undefined && node.items.length < min) report(path, `in body should have at least ${min} items`, key);
    node.items.forEach((item, i) => {
      const at = item.span.end > item.span.start ? item.span : key;
      checkSchemaValue(item, type.of, indexPath(path, i), at, itemAnchor(item), target, report);
    });
  }
}

/** The schema type of a field; null where the schema allows several (`intOrString`) or anything. */
function schemaType(type: FieldType): string | null {
  switch (type.kind) {
    case 'string':
    case 'bytes':
    case 'duration':
    case 'timestamp':
    case 'enum':
      return 'string';
    case 'uint32':
    case 'integer':
      return 'integer';
    case 'double':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'map':
    case 'object':
      return 'object';
    case 'list':
      return 'array';
    case 'intOrString':
    case 'any':
      return null;
  }
}

function jsonType(node: YNode): JsonType {
  if (node.kind === 'map') return 'object';
  if (node.kind === 'seq') return 'array';
  return node.type;
}

/** A whole number satisfies `integer`, as kube-openapi reads JSON numbers as floats. */
function typeMatches(expected: string, actual: JsonType, node: YNode): boolean {
  if (expected === actual) return true;
  return expected === 'integer' && actual === 'number' && node.kind === 'scalar' && Number.isInteger(node.value);
}
