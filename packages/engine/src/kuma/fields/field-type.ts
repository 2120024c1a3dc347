import { DEFAULT_KUMA_VERSION, inRange } from '../versions.js';
import type { KumaVersion, VersionRange, VersionRanges } from '../versions.js';

/**
 * The engine's field knowledge: every field Kuma reads in the resources meshgw knows, as plain
 * data. Hover, completion, the unknown-field and type checks, the JSON Schema and what each
 * Kuma version's decoder drops (`resources/decoded-by.ts`) are all derived from this one
 * description. It describes Kuma v2.14.3; a field or enum value that older versions lack, or
 * that they had and 2.14 dropped, says so in its `versions`.
 *
 * Legacy resources (MeshGateway, MeshGatewayRoute, Dataplane, Mesh, Secret) are protobuf
 * messages read with protobuf-JSON: a field may be written with its JSON (camelCase) name or its
 * proto name (`protoName`, given only where it differs), unknown keys are dropped, enums are read
 * by exact name or by any number. MeshHTTPRoute and MeshTCPRoute are Go structs read with Go's
 * JSON decoder after a schema check: one spelling, enums are names only.
 */

/** One value of an enum. `number` is the protobuf number; null for string-only enums. */
export interface EnumValue {
  name: string;
  number: number | null;
  doc: string;
  /**
   * The Kuma versions whose protos declare this name; absent: every version. Elsewhere the name
   * is a parse error (a number always decodes).
   */
  versions?: VersionRanges;
  /**
   * `false` for a value that decodes but Kuma's validator always refuses (a `NONE` meaning
   * unset); a range when the validator accepts it only in those versions.
   */
  writable?: false | VersionRanges;
}

/** Whether `target`'s protos declare the value's name. */
export function valueKnown(value: EnumValue, target: KumaVersion): boolean {
  return inRange(target, value.versions);
}

/** The values a user may write for `target`: completion offers these and messages list them. */
export function writableValues(type: EnumType, target: KumaVersion = DEFAULT_KUMA_VERSION): EnumValue[] {
  return type.values.filter((v) => valueKnown(v, target) && v.writable !== false && inRange(target, v.writable));
}

/**
 * A field's type.
 * - `uint32`: protobuf uint32 (also UInt32Value): a non-negative whole number, quoted or not.
 * - `integer`: a Go integer read by Go's JSON decoder: an unquoted whole number.
 * - `double`: protobuf double (also DoubleValue): a number, quoted or not.
 * - `bytes`: protobuf bytes (also BytesValue): a base64 string.
 * - `duration`: google.protobuf.Duration: a Go duration string such as `10s` or `1m30s`.
 * - `timestamp`: an RFC 3339 time string.
 * - `intOrString`: a whole number or a string such as `"50"`.
 * - `enum`: `name` is the protobuf full name (empty for string-only enums); `numbers` tells
 *   whether Kuma also accepts a number (any number, even one not listed).
 * - `map`: map<string,string> with free-form keys; `requiredKeys` are keys Kuma requires.
 * - `object`: a message; `closed` is true when every field Kuma reads is listed, so any other
 *   key is dropped by Kuma. `oneofs` lists the groups of which at most one member takes effect.
 * - `list`: `min` and `max` items, in the versions `minVersions` and `maxVersions` (absent: every
 *   version); for new-style policies these are the bounds of Kuma's OpenAPI schema.
 * - `any`: free-form content this description does not detail.
 */
export type FieldType =
  | { kind: 'string' }
  | { kind: 'uint32'; min?: number; max?: number }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'bool' }
  | { kind: 'double'; min?: number; max?: number }
  | { kind: 'bytes' }
  | { kind: 'duration' }
  | { kind: 'timestamp' }
  | { kind: 'intOrString' }
  | { kind: 'enum'; name: string; values: EnumValue[]; numbers: boolean }
  | { kind: 'map'; requiredKeys?: string[] }
  | { kind: 'object'; name: string; fields: FieldSpec[]; closed: boolean; oneofs?: OneofGroup[] }
  | { kind: 'list'; of: FieldType; min?: number; max?: number; minVersions?: VersionRanges; maxVersions?: VersionRanges }
  | { kind: 'any' };

export type ObjectType = Extract<FieldType, { kind: 'object' }>;
export type EnumType = Extract<FieldType, { kind: 'enum' }>;

/**
 * A protobuf oneof. `fields` are JSON names of the members. With `required`, Kuma's validator
 * needs one member; two members are never reported by Kuma: the later one in proto order wins.
 */
export interface OneofGroup {
  name: string;
  fields: string[];
  required: boolean;
}

export interface FieldSpec {
  /** The JSON (camelCase) name, the spelling Kuma prints when it writes the resource. */
  name: string;
  /** The proto (snake_case) name, accepted too; only present where it differs from `name`. */
  protoName?: string;
  type: FieldType;
  /** One or two sentences for a user hovering the field: what it does, Kuma's default or rule. */
  doc: string;
  /** True when Kuma v2.14 rejects the resource without this field (unconditionally). */
  required?: boolean;
  /**
   * The versions that reject the resource without this field, where they are not simply every
   * version when `required` (for new-style policies: the versions whose OpenAPI schema lists it
   * as required).
   */
  requiredVersions?: VersionRanges;
  /** The oneof group this field belongs to, as named in `ObjectType.oneofs`. */
  oneof?: string;
  /** Why the field should not be used, when it is deprecated or unsupported. */
  deprecated?: string;
  /** True for resource metadata (type, name, mesh, metadata, ...) rather than spec fields. */
  envelope?: boolean;
  /**
   * The Kuma versions whose decoder reads this field; absent: every version. Elsewhere the field
   * is unknown: Kuma drops it without a word, so no check sees it.
   */
  versions?: VersionRange;
}

/** Whether `target`'s decoder reads the field. */
export function fieldKnown(field: FieldSpec, target: KumaVersion): boolean {
  return inRange(target, field.versions);
}

/** Whether `target` rejects the resource without the field. */
export function fieldRequired(field: FieldSpec, target: KumaVersion): boolean {
  return field.requiredVersions ? inRange(target, field.requiredVersions) : field.required === true;
}

/** The item bounds of a list in `target`. */
export function listBounds(type: Extract<FieldType, { kind: 'list' }>, target: KumaVersion): { min?: number; max?: number } {
  return {
    min: inRange(target, type.minVersions) ? type.min : undefined,
    max: inRange(target, type.maxVersions) ? type.max : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Building blocks. These helpers only assemble plain objects.

export const STRING: FieldType = { kind: 'string' };
export const BOOL: FieldType = { kind: 'bool' };
export const UINT32: FieldType = { kind: 'uint32' };
export const PORT: FieldType = { kind: 'uint32', min: 1, max: 65535 };
export const MAP: FieldType = { kind: 'map' };
export const ANY: FieldType = { kind: 'any' };

export function f(name: string, type: FieldType, doc: string, extra: Omit<Partial<FieldSpec>, 'name' | 'type' | 'doc'> = {}): FieldSpec {
  return { name, type, doc, ...extra };
}

export function obj(name: string, fields: FieldSpec[], oneofs?: OneofGroup[]): ObjectType {
  return oneofs ? { kind: 'object', name, fields, closed: true, oneofs } : { kind: 'object', name, fields, closed: true };
}

/** A Go struct of a new-style policy: closed too, Go's decoder drops other keys. */
export function goStruct(name: string, fields: FieldSpec[]): ObjectType {
  return { kind: 'object', name, fields, closed: true };
}

export function openObj(name: string, fields: FieldSpec[]): ObjectType {
  return { kind: 'object', name, fields, closed: false };
}

export function list(of: FieldType, bounds: { min?: number; max?: number; minVersions?: VersionRanges; maxVersions?: VersionRanges } = {}): FieldType {
  return { kind: 'list', of, ...bounds };
}

/** An enum whose value names are known to the type checker. */
export interface TypedEnum<N extends string> extends EnumType {
  values: (EnumValue & { name: N })[];
}

/** What a protobuf enum value may say besides its name, number and doc (see `EnumValue`). */
export type EnumValueExtra = Pick<EnumValue, 'versions' | 'writable'>;

export function protoEnum<const N extends string>(name: string, values: [N, number, string, EnumValueExtra?][]): TypedEnum<N> {
  return {
    kind: 'enum',
    name,
    values: values.map(([n, num, doc, extra]) => ({ name: n, number: num, doc, ...extra })),
    numbers: true,
  };
}

export function stringEnum(values: [string, string, Pick<EnumValue, 'versions'>?][]): EnumType {
  return { kind: 'enum', name: '', values: values.map(([n, doc, extra]) => ({ name: n, number: null, doc, ...extra })), numbers: false };
}
