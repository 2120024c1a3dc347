// ---------------------------------------------------------------------------------------------
// Text

/** A value as a YAML plain scalar when that reads back as the same string, else single-quoted. */
export function yamlScalar(value: string): string {
  const plainUnsafe =
    value === '' ||
    /^[\s]|[\s]$/.test(value) ||
    /^[-?:,[\]{}#&*!|>'"%@`]/.test(value) ||
    /: |\s#|:$/.test(value) ||
    /[\r\n\t]/.test(value) ||
    /^(true|false|yes|no|on|off|y|n|null|~)$/i.test(value) ||
    /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(value) ||
    /^0[xo][0-9a-fA-F]+$/.test(value) ||
    /^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(value);
  if (!plainUnsafe) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

/** Escapes text for a snippet choice (`${1|a,b|}`). */
export function choiceText(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

/** Escapes text for a snippet placeholder (`${1:text}`). */
export function placeholderText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}
