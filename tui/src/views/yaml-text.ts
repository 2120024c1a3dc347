/** Keys whose values can hold key material or credentials; their values are never shown. */
const HIDDEN_KEYS = new Set(['inline', 'inlineString', 'inlineBytes', 'data', 'token', 'password', 'privateKey', 'clientKey']);

export const HIDDEN = '(hidden)';

/**
 * A copy of a resource safe to print: values under `HIDDEN_KEYS` and any string holding a PEM
 * private key become `(hidden)`. Secrets themselves are never passed here.
 */
export function redact(value: unknown): unknown {
  if (typeof value === 'string') return /PRIVATE KEY/.test(value) ? HIDDEN : value;
  if (Array.isArray(value)) return value.map(redact);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = HIDDEN_KEYS.has(key) && entry !== null && entry !== '' ? HIDDEN : redact(entry);
    return out;
  }
  return value;
}

function needsQuotes(text: string): boolean {
  if (text === '') return true;
  if (/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(text)) return true;
  if (/^[-+.]?\d/.test(text)) return true;
  if (!/^[A-Za-z_./$(][\w ./:@*$+=,()-]*$/.test(text)) return true;
  return /: |\s#|:$|\s$/.test(text);
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  const text = String(value);
  return needsQuotes(text) ? JSON.stringify(text) : text;
}

function isBlock(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0;
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (value !== null && typeof value === 'object') return '{}';
  return scalar(value);
}

/** Block-style YAML of a JSON-like value, one string per line. */
export function yamlLines(value: unknown, indent = ''): string[] {
  const out: string[] = [];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}[]`];
    for (const item of value) {
      if (!isBlock(item)) {
        out.push(`${indent}- ${inline(item)}`);
        continue;
      }
      const nested = yamlLines(item, `${indent}  `);
      out.push(`${indent}- ${nested[0].slice(indent.length + 2)}`, ...nested.slice(1));
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${indent}{}`];
    for (const [key, entry] of entries) {
      const k = needsQuotes(key) ? JSON.stringify(key) : key;
      if (isBlock(entry)) {
        out.push(`${indent}${k}:`, ...yamlLines(entry, Array.isArray(entry) ? indent : `${indent}  `));
      } else {
        out.push(`${indent}${k}: ${inline(entry)}`);
      }
    }
    return out;
  }
  return [`${indent}${scalar(value)}`];
}
