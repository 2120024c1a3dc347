import { computeLineStarts, createParseCache, parseFile, textChange, updateLineStarts, type ParsedFile, type YNode } from '@meshgw/engine/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** Pieces that make documents, markers, comments, directives, line breaks and half-typed markers. */
const PIECES = ['a: 1\n', 'b: [x, y]\n', '---\n', '--- # c\n', '---', '--', '-', '# note\n', '%YAML 1.2\n', '\r\n', '\r', '\n', 'k: &a v\nj: *a\n', 'a: 1\n', 'l:\n  - x\n', '{"j": 1}\n', 'x', ' ', 'c: "---"\n', '\t'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((p) => p.join(''));
/** An edit: where (as a fraction of the length), how many characters go, what comes in. */
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 12 }), insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 2 }).map((p) => p.join('')) });

function apply(before: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * before.length);
  return before.slice(0, at) + e.insert + before.slice(at + e.remove);
}

function plain(node: YNode | null): unknown {
  if (!node) return null;
  const s = [node.span.start, node.span.end];
  if (node.kind === 'scalar') return [s, node.type, node.value];
  if (node.kind === 'seq') return [s, node.items.map(plain)];
  return [s, node.pairs.map((p) => [plain(p.key), plain(p.value)])];
}

function plainFile(f: ParsedFile): unknown {
  return {
    lineStarts: f.lineStarts,
    documents: f.documents.map((d) => [d.index, d.span.start, d.span.end, plain(d.root)]),
    diagnostics: f.diagnostics.map((d) => [d.code, d.span.start, d.span.end, d.message]),
  };
}

describe('textChange and updateLineStarts', () => {
  it('find the changed range and the line starts of the new text', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 4 }), (start, edits) => {
        let before = start;
        let starts = computeLineStarts(before);
        for (const e of edits) {
          const after = apply(before, e);
          const c = textChange(before, after);
          expect(before.slice(0, c.start) + after.slice(c.start, c.newEnd) + before.slice(c.oldEnd)).toBe(after);
          starts = updateLineStarts(starts, c, after);
          expect(starts).toEqual(computeLineStarts(after));
          before = after;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the line starts of large files right across the size at which they become typed', () => {
    // Around 8,192 lines the line starts change representation; edits add and remove lines there.
    const lines = fc.array(fc.constantFrom('\n', '\n\n\n', '\r\n', 'a: 1\n', ''), { maxLength: 3 }).map((p) => p.join(''));
    const near = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: lines });
    fc.assert(
      fc.property(fc.integer({ min: 8185, max: 8200 }), fc.array(near, { minLength: 1, maxLength: 6 }), (count, edits) => {
        let before = 'k: v\n'.repeat(count);
        let starts = computeLineStarts(before);
        for (const e of edits) {
          const after = apply(before, e);
          starts = updateLineStarts(starts, textChange(before, after), after);
          expect(Array.from(starts)).toEqual(Array.from(computeLineStarts(after)));
          before = after;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('finds long common parts', () => {
    const a = 'x'.repeat(5000) + 'a' + 'y'.repeat(5000);
    expect(textChange(a, a.replace('a', 'bc'))).toEqual({ start: 5000, oldEnd: 5001, newEnd: 5002 });
    expect(textChange(a, a)).toEqual({ start: a.length, oldEnd: a.length, newEnd: a.length });
  });
});

describe('parsing an edited file with the cache of its last version', () => {
  it('gives what a fresh parse gives, edit after edit', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 5 }), (start, edits) => {
        const cache = createParseCache();
        let current = start;
        parseFile('f.yaml', current, { cache });
        for (const e of edits) {
          current = apply(current, e);
          expect(plainFile(parseFile('f.yaml', current, { cache }))).toEqual(plainFile(parseFile('f.yaml', current)));
        }
      }),
      { numRuns: 400 },
    );
  });
});
