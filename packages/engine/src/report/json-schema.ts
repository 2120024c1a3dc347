import type { ResourceKind } from '../kuma/kinds.js';
import { documentType } from '../kuma/fields/documents.js';
import type { FieldSpec, FieldType, ObjectType } from '../kuma/fields/field-type.js';
import { fieldKnown, fieldRequired, listBounds, valueKnown } from '../kuma/fields/field-type.js';
import { RESOURCE_KINDS, UNCHECKED_KUMA_KINDS } from '../kuma/kinds.js';
import { DEFAULT_KUMA_VERSION, formatKumaVersion } from '../kuma/versions.js';
import type { KumaVersion } from '../kuma/versions.js';

/**
 * A JSON Schema (draft-07, as yaml-language-server reads it) for MeshGateway, MeshGatewayRoute
 * and Dataplane documents in Universal and Kubernetes form, derived from `kuma/fields/`: the
 * fields and enum names the target version reads.
 *
 * What it encodes: both spellings of every field, enums as their names or any integer (as Kuma
 * reads protobuf enums), uint32 and double values also as quoted numbers, `null` wherever a
 * field is optional (Kuma treats it as absent), `additionalProperties: false` on every object
 * whose shape Kuma fixes (so a typo is reported), unconditionally required fields and the
 * required keys of selectors and destinations, and at most one member per oneof. A Universal
 * document is told apart by `type`, a Kubernetes one by `apiVersion` plus `kind`.
 *
 * Besides standard keywords the schema carries `markdownDescription`, `deprecationMessage`,
 * `enumDescriptions` and `markdownEnumDescriptions`, which yaml-language-server and VS Code read
 * and validators ignore.
 */

export type SchemaKind = 'MeshGateway' | 'MeshGatewayRoute' | 'Dataplane' | 'all';

/** A JSON Schema object: plain JSON data. */
export type JsonSchema = { [keyword: string]: unknown };

const SCHEMA_KINDS: ResourceKind[] = ['MeshGateway', 'MeshGatewayRoute', 'Dataplane'];

/**
 * Kinds that share files with gateways: the other kinds the engine reads, then every Kuma and
 * Kong Mesh kind it knows exists and does not check (a Kubernetes `MeshGatewayInstance` next to
 * its MeshGateway, a MeshService). The schema for all kinds accepts them without checking their
 * fields, so that a Secret or a MeshHTTPRoute next to a gateway is not an error, while a
 * misspelled `type` still is. A Kubernetes document of another API group passes untouched.
 */
const OTHER_KINDS: string[] = [...RESOURCE_KINDS.filter((k) => !SCHEMA_KINDS.includes(k)), ...UNCHECKED_KUMA_KINDS];

function kumaKindOnly(): JsonSchema {
  return {
    if: { properties: { apiVersion: { type: 'string', pattern: '^kuma\\.io/' } } },
    then: { properties: { kind: { enum: [...SCHEMA_KINDS, ...OTHER_KINDS] } } },
  };
}
const UINT32_MAX = 4294967295;
const QUOTED_UINT = '^\\s*(0|[1-9][0-9]*)\\s*$';
const QUOTED_DOUBLE = '^\\s*(-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?|NaN|-?Infinity)\\s*$';

/** The schema for one kind (both forms) or for all three kinds. */
export function jsonSchema(kind: SchemaKind, target: KumaVersion = DEFAULT_KUMA_VERSION): JsonSchema {
  const kinds = kind === 'all' ? SCHEMA_KINDS : [kind];
  const branches: JsonSchema[] = [];
  for (const k of kinds) {
    branches.push({
      if: { properties: { type: { const: k } }, required: ['type'], not: { required: ['apiVersion'] } },
      then: objectSchema(documentType(k, 'universal'), target),
    });
    branches.push({
      if: { properties: { kind: { const: k } }, required: ['apiVersion', 'kind'] },
      then: objectSchema(documentType(k, 'kubernetes'), target),
    });
  }
  const title = kind === 'all' ? 'Kuma builtin gateway resources' : `Kuma ${kind}`;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title,
    description: `${title} (Kuma ${formatKumaVersion(target)}), in Universal (type/name/mesh at the top) or Kubernetes (apiVersion/kind/metadata/spec) form.`,
    type: 'object',
    if: { required: ['apiVersion'] },
    then: { required: ['kind'], ...(kind === 'all' ? kumaKindOnly() : { properties: { kind: { enum: kinds } } }) },
    else: { required: ['type'], properties: { type: { enum: kind === 'all' ? [...kinds, ...OTHER_KINDS] : kinds } } },
    allOf: branches,
  };
}

/** An object's schema with the fields `target` reads (a field of other versions is unknown there). */
function objectSchema(type: ObjectType, target: KumaVersion): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const allOf: JsonSchema[] = [];
  const fields = type.fields.filter((f) => fieldKnown(f, target));
  for (const field of fields) {
    properties[field.name] = fieldSchema(field, field.name, target);
    if (field.protoName) properties[field.protoName] = fieldSchema(field, field.protoName, target);
    if (fieldRequired(field, target)) {
      if (field.protoName) allOf.push({ anyOf: [{ required: [field.name] }, { required: [field.protoName] }] });
      else required.push(field.name);
    }
  }
  const out: JsonSchema = { type: 'object', properties };
  if (type.closed) out.additionalProperties = false;
  if (required.length > 0) out.required = required;
  for (const group of type.oneofs ?? []) {
    const members = group.fields.filter((name) => fields.some((f) => f.name === name)).map((name) => spellings(type, name));
    if (group.required) allOf.push({ anyOf: members.flat().map((name) => ({ required: [name] })) });
    const pairs: JsonSchema[] = [];
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        for (const a of members[i]) for (const b of members[j]) pairs.push({ required: [a, b] });
      }
    }
    if (pairs.length > 0) allOf.push({ not: { anyOf: pairs } });
  }
  if (allOf.length > 0) out.allOf = allOf;
  return out;
}

function spellings(type: ObjectType, name: string): string[] {
  const field = type.fields.find((f) => f.name === name);
  return field?.protoName ? [field.name, field.protoName] : [name];
}

/** The schema of a field written as `key` (its JSON or its proto name). */
function fieldSchema(field: FieldSpec, key: string, target: KumaVersion): JsonSchema {
  const base = typeSchema(field.type, target);
  const schema = field.required ? base : nullable(base);
  const annotated: JsonSchema = { title: key, description: plain(field.doc), markdownDescription: field.doc, ...schema };
  if (field.deprecated) annotated.deprecationMessage = plain(field.deprecated);
  return annotated;
}

/** The doc text without Markdown code marks, for clients that show `description` as is. */
function plain(doc: string): string {
  return doc.replace(/`/g, '');
}

function typeSchema(type: FieldType, target: KumaVersion): JsonSchema {
  switch (type.kind) {
    case 'string':
    case 'bytes':
    case 'duration':
    case 'timestamp':
      return { type: 'string' };
    case 'uint32':
      // `minimum`/`maximum` apply to the integer, `pattern` to the quoted form.
      return { type: ['integer', 'string'], minimum: type.min ?? 0, maximum: type.max ?? UINT32_MAX, pattern: QUOTED_UINT };
    case 'integer': {
      const s: JsonSchema = { type: 'integer' };
      if (type.min !== undefined) s.minimum = type.min;
      if (type.max !== undefined) s.maximum = type.max;
      return s;
    }
    case 'double': {
      const s: JsonSchema = { type: ['number', 'string'], pattern: QUOTED_DOUBLE };
      if (type.min !== undefined) s.minimum = type.min;
      if (type.max !== undefined) s.maximum = type.max;
      return s;
    }
    case 'bool':
      return { type: 'boolean' };
    case 'intOrString':
      return { type: ['integer', 'string'] };
    case 'enum': {
      const values = type.values.filter((v) => valueKnown(v, target));
      const named: JsonSchema = {
        type: 'string',
        enum: values.map((v) => v.name),
        enumDescriptions: values.map((v) => plain(v.doc)),
        markdownEnumDescriptions: values.map((v) => v.doc),
      };
      return type.numbers ? { anyOf: [named, { type: 'integer' }] } : named;
    }
    case 'map': {
      const s: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } };
      if (type.requiredKeys && type.requiredKeys.length > 0) s.required = type.requiredKeys;
      return s;
    }
    case 'object':
      return objectSchema(type, target);
    case 'list': {
      const s: JsonSchema = { type: 'array', items: typeSchema(type.of, target) };
      const { min, max } = listBounds(type, target);
      if (min !== undefined) s.minItems = min;
      if (max !== undefined) s.maxItems = max;
      return s;
    }
    case 'any':
      return {};
  }
}

/** Also accepts `null`, which Kuma reads as an absent field. */
function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string') {
    const out: JsonSchema = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum)) out.enum = [...(schema.enum as unknown[]), null];
    for (const key of ['enumDescriptions', 'markdownEnumDescriptions']) {
      if (Array.isArray(schema[key])) out[key] = [...(schema[key] as string[]), ''];
    }
    return out;
  }
  if (Array.isArray(schema.type)) return { ...schema, type: [...(schema.type as string[]), 'null'] };
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: [...(schema.anyOf as JsonSchema[]), { type: 'null' }] };
  return schema;
}
