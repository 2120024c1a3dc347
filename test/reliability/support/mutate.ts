import fc from 'fast-check';

/**
 * Text mutations for property tests. Positions are plain numbers taken modulo the text (or line
 * count) when a mutation is applied, so a mutation arbitrary does not depend on the text and
 * shrinks on its own.
 */
export type Mutation =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'replace'; at: number; length: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'delete-line'; line: number }
  | { op: 'duplicate-line'; line: number }
  | { op: 'swap-lines'; line: number; other: number }
  | { op: 'insert-line'; line: number; text: string }
  | { op: 'indent'; line: number; indent: string };

/** Pieces of YAML syntax and awkward characters that mutations insert. */
const SNIPPETS = [
  '---', '\n---\n', '...', '&a ', '*a', '&a', ' *a', '<<: *a\n', '\t', '"', "'", ':', ': ', '- ', '-', '? ',
  '[', ']', '{', '}', ',', '#', '|', '>', '|-\n', '!!binary ', '!!str ', '!', '%YAML 1.2\n', '%TAG ! tag:x,2000:\n',
  '\n', '\r\n', '\r', ' ', '  ', '\\', '~', 'null', 'true', '0x1F', '1e400', '-0', '.nan', '99999999999999999999',
  'é', '\u00a0', '🎉', '𝔸', '\ud800', '\udfff', '\udc00a', '\ufeff', '\u2028', '\u2029', '\u0085', '\ufffd', '\u200b',
  'kuma.io/service', 'port', 'protocol', 'hostname', 'secret', 'listeners', 'selectors', 'match',
];

const snippet = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SNIPPETS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', 'a', ' ', '\n'), maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
);

const indent = fc.constantFrom('', ' ', '  ', '    ', '      ', '\t', ' \t', '\t  ', '- ', '  - ');

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: snippet }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }), text: snippet }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap-lines' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('insert-line' as const), line: fc.nat(), text: snippet }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), indent }),
);

/** One to `max` mutations, applied in order. */
export function mutationsArb(max = 6): fc.Arbitrary<Mutation[]> {
  return fc.array(mutationArb, { minLength: 1, maxLength: max });
}

/** Applies one mutation. Line operations keep the file's line endings (`\n` splits lines). */
export function applyMutation(text: string, m: Mutation): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.op) {
    case 'delete': {
      const i = at(m.at);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'insert': {
      const i = at(m.at);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'replace': {
      const i = at(m.at);
      return text.slice(0, i) + m.text + text.slice(i + m.length);
    }
    case 'truncate':
      return text.slice(0, at(m.at));
    default:
      break;
  }
  const lines = text.split('\n');
  const li = (n: number) => n % lines.length;
  switch (m.op) {
    case 'delete-line':
      lines.splice(li(m.line), 1);
      break;
    case 'duplicate-line': {
      const i = li(m.line);
      lines.splice(i, 0, lines[i]);
      break;
    }
    case 'swap-lines': {
      const i = li(m.line);
      const j = li(m.other);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      break;
    }
    case 'insert-line':
      lines.splice(li(m.line), 0, m.text);
      break;
    case 'indent': {
      const i = li(m.line);
      lines[i] = m.indent + lines[i].replace(/^[ \t]*/, '');
      break;
    }
  }
  return lines.join('\n');
}

export function applyMutations(text: string, ms: Mutation[]): string {
  return ms.reduce(applyMutation, text);
}
