import { utf8Length } from '../../base/go-text.js';

/** Kuma's identifier checks (`validateIdentifier`) for names and meshes. */

export const IDENTIFIER = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const IDENTIFIER_MESSAGE =
  "invalid characters. A lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
export const MESH = /^[0-9a-z\-_.]*$/;
export const MESH_MESSAGE = "invalid characters. Valid characters are numbers, lowercase latin letters and '-', '_', '.' symbols.";

/**
 * Kuma's `validateIdentifier`: the first failing check, or null. Lengths count UTF-8 bytes.
 */
export function identifierViolation(value: string, pattern: RegExp, message: string): string | null {
  if (value === '') return 'cannot be empty';
  if (utf8Length(value) > 253) return 'value length must less or equal 253';
  if (!pattern.test(value)) return message;
  return null;
}
