import { utf8Length } from '../../base/go-text.js';
import { inRange } from '../../kuma/versions.js';
import type { KumaVersion } from '../../kuma/versions.js';
import type { VersionedCheck } from '../rule.js';

/** Kuma's identifier checks (`validateIdentifier`) for names and meshes. */

export const IDENTIFIER = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const IDENTIFIER_MESSAGE =
  "invalid characters. A lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
export const MESH = /^[0-9a-z\-_.]*$/;
export const MESH_MESSAGE = "invalid characters. Valid characters are numbers, lowercase latin letters and '-', '_', '.' symbols.";

/** How a version checks a name or a mesh: the pattern, its message, and the byte limit (null: none). */
export interface IdentifierRule {
  pattern: RegExp;
  message: string;
  maxLength: number | null;
}

/** Before 2.5 (`ValidateMeta(name, mesh, scope)`) names and meshes share one rule. */
export const LEGACY_META: VersionedCheck = {
  versions: { until: '2.5' },
  what: "allows numbers, lower-case letters, `-` and `_` in a name or mesh (not `.`), of any length (`invalid characters. Valid characters are numbers, lowercase latin letters and '-', '_' symbols.`)",
};
const LEGACY: IdentifierRule = {
  pattern: /^[0-9a-z\-_]*$/,
  message: "invalid characters. Valid characters are numbers, lowercase latin letters and '-', '_' symbols.",
  maxLength: null,
};

/**
 * The rules for a resource's name and mesh in `target`: from 2.5 the name is an RFC 1123
 * subdomain and the mesh keeps the older characters plus `.`, both at most 253 bytes.
 */
export function metaRules(target: KumaVersion): { name: IdentifierRule; mesh: IdentifierRule } {
  if (inRange(target, LEGACY_META.versions)) return { name: LEGACY, mesh: LEGACY };
  return {
    name: { pattern: IDENTIFIER, message: IDENTIFIER_MESSAGE, maxLength: 253 },
    mesh: { pattern: MESH, message: MESH_MESSAGE, maxLength: 253 },
  };
}

/**
 * Kuma's `validateIdentifier`: the first failing check, or null. Lengths count UTF-8 bytes;
 * `maxLength` null means no limit.
 */
export function identifierViolation(value: string, pattern: RegExp, message: string, maxLength: number | null = 253): string | null {
  if (value === '') return 'cannot be empty';
  if (maxLength !== null && utf8Length(value) > maxLength) return 'value length must less or equal 253';
  if (!pattern.test(value)) return message;
  return null;
}
