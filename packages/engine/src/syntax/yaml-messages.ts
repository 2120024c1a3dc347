/**
 * YAML syntax errors in words a person writing a resource understands. The `yaml` package
 * describes its grammar ("Sequence item without - indicator"); most of these errors come from
 * a key indented one space off or a missing `:`, so the sentence says which, and for
 * indentation how many spaces the line has and how many its siblings use.
 */

/** One line of a document's text. `key` is the column of its first key, after any `- `. */
interface LineInfo {
  start: number;
  text: string;
  indent: number;
  key: number;
  dash: boolean;
  /** Not blank and not a comment. */
  content: boolean;
}

/** A sentence for the error, and where it points when that is better than the parser's spot. */
export interface PlainYamlMessage {
  message: string;
  span?: { start: number; end: number };
}

function lineInfos(text: string): LineInfo[] {
  const out: LineInfo[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m[0] !== '') {
    const raw = m[0].replace(/[\r\n]+$/, '');
    const indent = raw.length - raw.trimStart().length;
    const lead = /^( *)((?:- +)*)/.exec(raw)!;
    const trimmed = raw.trim();
    out.push({ start: m.index, text: raw, indent, key: lead[1].length + lead[2].length, dash: lead[2] !== '', content: trimmed !== '' && !trimmed.startsWith('#') });
  }
  return out;
}

/** The index of the line holding `offset` (binary search: lines are in order). */
/** The rest of a line from column `from`, its trailing blanks left out; never empty, never backwards. */
function lineSpan(line: LineInfo, from: number): { start: number; end: number } {
  const end = line.text.trimEnd().length;
  const start = Math.min(from, Math.max(0, end - 1));
  return { start: line.start + start, end: line.start + Math.max(end, start + 1) };
}

function lineAt(lines: LineInfo[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The key a line starts with (after any `- `), or null when the line holds no `key:`. */
function keyOf(line: LineInfo): string | null {
  const m = /^([^:#]+?):(?:\s|$)/.exec(line.text.slice(line.key));
  return m ? m[1].trim() : null;
}

function spaces(n: number): string {
  return `${n} space${n === 1 ? '' : 's'}`;
}

/** What holds the keys at `column` above line `i`: "this `listeners` item", "`conf`", or the top level. */
function holderOf(lines: LineInfo[], i: number, column: number): string {
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j];
    if (!l.content) continue;
    if (l.dash && l.key === column) {
      for (let k = j - 1; k >= 0; k--) {
        const above = lines[k];
        if (above.content && above.key <= l.indent && !(above.dash && above.indent === l.indent)) {
          const name = keyOf(above);
          return name ? `this \`${name}\` item` : 'this list item';
        }
      }
      return 'this list item';
    }
    if (l.key < column) {
      const name = keyOf(l);
      return name ? `\`${name}\`` : 'the map above';
    }
  }
  return 'the top level';
}

/**
 * The column the keys next to line `i` use: the nearest line above that starts less indented
 * (its key, or the keys under it when it opens a map they belong to); null when there is none.
 */
function siblingColumn(lines: LineInfo[], i: number): number | null {
  const column = lines[i].key;
  let between: number | null = null;
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j];
    if (!l.content) continue;
    if (l.indent < column) {
      if (l.dash || between === null || keyOf(l) === null || l.text.trim().endsWith(':') === false) return l.key === column ? null : l.key;
      return between;
    }
    if (between === null) between = l.key;
  }
  return between;
}

/** "`hostname` is indented 5 spaces; the other keys of this `listeners` item use 6." */
function indentationNote(lines: LineInfo[], i: number): PlainYamlMessage | null {
  const line = lines[i];
  const column = siblingColumn(lines, i);
  if (column === null || column === line.key) return null;
  const name = keyOf(line);
  const what = name ? `\`${name}\`` : 'This line';
  const holder = holderOf(lines, i, column);
  const others = holder === 'the top level' ? 'the other top-level keys use' : `the other keys of ${holder} use`;
  let message = `${what} is indented ${spaces(line.key)}; ${others} ${column}. Keys of one map must line up.`;
  if (!line.dash && lines.some((l, j) => j < i && l.content && l.dash && l.indent === line.key && l.key === column)) {
    message += ` To start a new item instead, write \`- \` before ${what === 'This line' ? 'it' : what}.`;
  }
  return { message, span: lineSpan(line, line.key) };
}

/** "This list item is indented 3 spaces; the other items of `listeners` use 4." */
function itemNote(lines: LineInfo[], i: number): PlainYamlMessage | null {
  const line = lines[i];
  if (!line.dash) return null;
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j];
    if (!l.content || l.key >= line.key + 2) continue;
    if (l.dash && l.indent !== line.indent && Math.abs(l.indent - line.indent) <= 2) {
      const holder = holderOf(lines, j + 1, l.key);
      const of = holder.startsWith('this `') ? ` of ${holder.replace(/^this /, '').replace(/ item$/, '')}` : '';
      return {
        message: `This list item is indented ${spaces(line.indent)}; the other items${of} use ${l.indent}. Items of one list must line up.`,
        span: lineSpan(line, line.indent),
      };
    }
    if (!l.dash && l.key < line.indent) return null;
  }
  return null;
}

/** The key-like text at the start of a line without `:`: "`name gw` has no `:`". */
function missingColon(lines: LineInfo[], i: number): PlainYamlMessage | null {
  const line = lines[i];
  const text = line.text.slice(line.key).replace(/\s+#.*$/, '').trimEnd();
  if (text === '' || keyOf(line) !== null || /^[[{"'|>&*!-]/.test(text)) return null;
  return {
    message: `\`${text}\` has no \`:\`: write \`key: value\` (a space after the colon), or start a list item with \`- \`.`,
    span: { start: line.start + line.key, end: line.start + line.key + text.length },
  };
}

/** Explains the YAML errors of one text; see `yamlExplainer`. */
export type YamlExplainer = (message: string, start: number, end: number) => PlainYamlMessage;

/**
 * Explains YAML syntax errors of the `yaml` package in `text`: from an error's message and the
 * span it gave (offsets in `text`), a sentence, and a better span when there is one. Errors it
 * does not know keep the parser's message. The text is split into lines once, on first use, so a
 * flood of errors costs one pass.
 */
export function yamlExplainer(text: string): YamlExplainer {
  let lines: LineInfo[] | null = null;
  return (message, start, end) => {
    if (!KNOWN.some((k) => message.startsWith(k))) return { message };
    lines ??= lineInfos(text);
    return lines.length === 0 ? { message } : explain(lines, message, start, end);
  };
}

const KNOWN = [
  'Sequence item without - indicator',
  'All mapping items must start at the same column',
  'Implicit map keys need to be followed by map values',
  'Implicit keys need to be on a single line',
  'Nested mappings are not allowed in compact mappings',
  'A block sequence may not be used as an implicit map key',
  'Flow map in block collection must be sufficiently indented',
  'Flow sequence in block collection must be sufficiently indented',
];

/** The last `{` (or `[`) opened before line `i` and not closed on its line: "This `{` is never closed". */
function unclosedFlow(lines: LineInfo[], i: number, open: '{' | '['): PlainYamlMessage | null {
  const close = open === '{' ? '}' : ']';
  for (let j = i; j >= 0; j--) {
    const text = lines[j].text.replace(/\s#.*$/, '');
    let depth = 0;
    let at = -1;
    for (let k = 0; k < text.length; k++) {
      if (text[k] === open) {
        if (depth === 0) at = k;
        depth++;
      } else if (text[k] === close && depth > 0) depth--;
    }
    if (depth > 0 && at >= 0) {
      return {
        message: `This \`${open}\` is never closed with \`${close}\`: YAML reads the lines after it as part of it. Close it on its line, or indent the lines that continue it more than the key it belongs to.`,
        span: { start: lines[j].start + at, end: lines[j].start + at + 1 },
      };
    }
  }
  return null;
}

/** The bracket (`{` or `[`) still open where line `i` starts, counting from the top; null for none. */
function openFlowBefore(lines: LineInfo[], i: number): '{' | '[' | null {
  const stack: string[] = [];
  for (let j = 0; j < i; j++) {
    for (const c of lines[j].text.replace(/(?:^|\s)#.*$/, '').replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '')) {
      if (c === '{' || c === '[') stack.push(c);
      else if ((c === '}' || c === ']') && stack.length > 0) stack.pop();
    }
  }
  return (stack[0] as '{' | '[' | undefined) ?? null;
}

function insideFlow(lines: LineInfo[], i: number): PlainYamlMessage | null {
  const open = openFlowBefore(lines, i);
  if (open === null) return null;
  const line = lines[i];
  return {
    message: `This line is read as part of a \`${open}\` above that is never closed with \`${open === '{' ? '}' : ']'}\`.`,
    span: lineSpan(line, line.indent),
  };
}

function explain(lines: LineInfo[], message: string, start: number, end: number): PlainYamlMessage {
  const first = lineAt(lines, start);
  const last = lineAt(lines, Math.max(start, end - 1));
  let plain: PlainYamlMessage | null = null;
  if (message.startsWith('Sequence item without - indicator')) {
    plain = indentationNote(lines, first);
    if (plain === null) plain = { message: 'A line inside a list must start with `- ` or be indented under an item: this one is neither.' };
  } else if (message.startsWith('All mapping items must start at the same column')) {
    plain = keyOf(lines[first]) === null ? missingColon(lines, first) ?? itemNote(lines, first) : indentationNote(lines, first);
  } else if (message.startsWith('Implicit map keys need to be followed by map values')) {
    plain = itemNote(lines, first) ?? missingColon(lines, first) ?? indentationNote(lines, first);
  } else if (message.startsWith('Implicit keys need to be on a single line')) {
    plain = missingColon(lines, first) ?? (last > first ? indentationNote(lines, last) ?? itemNote(lines, last) : itemNote(lines, first));
  } else if (message.startsWith('Nested mappings are not allowed in compact mappings')) {
    const rest = lines[first].text.slice(start - lines[first].start);
    if (/:(?:\s|$)/.test(rest)) {
      plain = { message: 'A value cannot be `key: value` on the same line as its key: put the inner map on its own lines, indented, or quote the value.' };
    } else if (first + 1 < lines.length) {
      const next = lines.findIndex((l, j) => j > first && l.content);
      plain = next > 0 ? indentationNote(lines, next) : null;
    }
  } else if (message.startsWith('Flow map in block collection') || message.startsWith('Flow sequence in block collection')) {
    plain = unclosedFlow(lines, first, message.startsWith('Flow map') ? '{' : '[');
  } else if (message.startsWith('A block sequence may not be used as an implicit map key')) {
    const next = lines.findIndex((l, j) => j > first && l.content);
    plain = lines[first].dash ? itemNote(lines, first) : next > 0 ? itemNote(lines, next) : null;
  }
  return plain ?? insideFlow(lines, first) ?? { message };
}
