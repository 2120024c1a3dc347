import type { OffsetDescription } from './describe.js';
import { fieldAtPath } from '../kuma/fields/documents.js';
import type { FieldSpec, FieldType } from '../kuma/fields/field-type.js';
import { fieldKnown, valueKnown } from '../kuma/fields/field-type.js';
import { DEFAULT_KUMA_VERSION, formatKumaVersion } from '../kuma/versions.js';
import type { KumaVersion } from '../kuma/versions.js';

// ---------------------------------------------------------------------------------------------
// Field documentation

export function fieldHover(d: OffsetDescription, target: KumaVersion): string[] {
  const resource = d.resource!;
  const field = fieldAtPath(resource.kind, resource.form, d.path);
  if (!field) return [];
  const out = [fieldDocumentation(field, target)];
  if (d.on === 'value' && d.scalar && field.type.kind === 'enum') {
    const written = d.scalar.value;
    const value = field.type.values.find((v) => v.name === written || (v.number !== null && v.number === written));
    if (value) out.push(`\`${value.name}\`: ${value.doc}`);
    if (value && !valueKnown(value, target)) out.push(`Kuma ${formatKumaVersion(target)} does not know the name \`${value.name}\`: its decoder refuses the resource.`);
  }
  return out;
}

/**
 * Markdown for a field: its name, type, whether required, its documentation and the values the
 * target version knows; a field the target's decoder does not read says so.
 */
export function fieldDocumentation(field: FieldSpec, target: KumaVersion = DEFAULT_KUMA_VERSION): string {
  const head = [`**\`${field.name}\`**`, typeText(field.type)];
  if (field.required) head.push('required');
  const lines = [head.join(' · '), '', field.doc];
  if (!fieldKnown(field, target)) lines.push('', `Kuma ${formatKumaVersion(target)} does not know this field: its decoder drops it without a word.`);
  if (field.type.kind === 'enum') {
    const values = field.type.values.filter((v) => valueKnown(v, target) && !v.doc.startsWith('Not a valid'));
    if (values.length > 0) lines.push('', `Values: ${values.map((v) => `\`${v.name}\``).join(', ')}`);
  }
  if (field.protoName) lines.push('', `Also accepted as \`${field.protoName}\`.`);
  if (field.deprecated) lines.push('', `**Deprecated:** ${field.deprecated}`);
  return lines.join('\n');
}

/** A short name for a field type: `string`, `integer 1–65535`, `list of objects`. */
export function typeText(type: FieldType): string {
  switch (type.kind) {
    case 'string':
      return 'string';
    case 'uint32':
    case 'integer':
      return type.min !== undefined && type.max !== undefined ? `integer ${type.min}–${type.max}` : type.kind === 'uint32' ? 'integer ≥ 0' : 'integer';
    case 'bool':
      return 'boolean';
    case 'double':
      return 'number';
    case 'bytes':
      return 'base64 string';
    case 'duration':
      return 'duration';
    case 'timestamp':
      return 'timestamp';
    case 'intOrString':
      return 'integer or string';
    case 'enum':
      return 'enum';
    case 'map':
      return 'map of strings';
    case 'object':
      return 'object';
    case 'list':
      return `list of ${plural(typeText(type.of))}`;
    case 'any':
      return 'any';
  }
}

export function plural(text: string): string {
  if (text === 'object' || text === 'string' || text === 'enum' || text === 'boolean' || text === 'number') return `${text}s`;
  if (text === 'map of strings') return 'maps of strings';
  return text;
}
