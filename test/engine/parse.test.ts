import { pairSpan, parseFile, splitDocuments, computeLineStarts, offsetToPosition, positionToOffset, type YNode } from '@meshgw/engine/testing';
import { describe, expect, it } from 'vitest';

function codes(text: string): string[] {
  return parseFile('f.yaml', text).diagnostics.map((d) => d.code);
}

/** Every span of a tree, to check that each lies inside the text. */
function spans(node: YNode | null): { start: number; end: number }[] {
  if (!node) return [];
  if (node.kind === 'scalar') return [node.span];
  if (node.kind === 'seq') return [node.span, ...node.items.flatMap(spans)];
  return [node.span, ...node.pairs.flatMap((p) => [pairSpan(p), p.key.span, ...spans(p.value)])];
}

describe('parseFile', () => {
  it('keeps a span on every key and value, in UTF-16 offsets of the whole file', () => {
    const text = '# héllo wörld 🎉\ntype: MeshGateway\n---\nname: "ß-gw"\nlist: [a, b]\n';
    const f = parseFile('f.yaml', text);
    expect(f.documents).toHaveLength(2);
    const second = f.documents[1].root!;
    expect(second.kind).toBe('map');
    if (second.kind !== 'map') return;
    const name = second.pairs[0];
    expect(text.slice(name.key.span.start, name.key.span.end)).toBe('name');
    expect(text.slice(name.value.span.start, name.value.span.end)).toBe('"ß-gw"');
    expect(name.value.kind === 'scalar' && name.value.value).toBe('ß-gw');
    const list = second.pairs[1].value;
    expect(list.kind === 'seq' && list.items.map((i) => text.slice(i.span.start, i.span.end))).toEqual(['a', 'b']);
  });

  it('reads scalars with the YAML 1.2 core schema: 8080 is a number, "8080" a string', () => {
    const f = parseFile('f.yaml', 'a: 8080\nb: "8080"\nc: true\nd: ~\ne:\n');
    const root = f.documents[0].root;
    if (!root || root.kind !== 'map') throw new Error('map expected');
    expect(root.pairs.map((p) => (p.value.kind === 'scalar' ? [p.value.type, p.value.value] : null))).toEqual([
      ['number', 8080],
      ['string', '8080'],
      ['boolean', true],
      ['null', null],
      ['null', null],
    ]);
  });

  it.each([
    ['a syntax error', 'a: [1, 2\nb: 1\n', 'yaml-syntax'],
    ['a duplicate key', 'a: 1\na: 2\n', 'yaml-duplicate-key'],
    ['a tab as indentation', 'a:\n\tb: 1\n', 'yaml-tab'],
    ['binary data', 'a: 1\u0000\u0001\u0002', 'not-text'],
  ])('reports %s at its place', (_name, text, code) => {
    expect(codes(text)).toContain(code);
  });

  it('points at the repeated key, not the map', () => {
    const text = 'a: 1\nb: 2\na: 3\n';
    const d = parseFile('f.yaml', text).diagnostics.find((x) => x.code === 'yaml-duplicate-key')!;
    expect(text.slice(d.span.start, d.span.end)).toBe('a');
    expect(d.span.start).toBe(10);
  });

  it('expands aliases, and cuts an alias bomb with one error, fast', () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 0; i < 9; i++) {
      const n = String.fromCharCode(98 + i);
      const p = String.fromCharCode(97 + i);
      bomb += `${n}: &${n} [${Array(9).fill('*' + p).join(',')}]\n`;
    }
    const f = parseFile('f.yaml', bomb);
    expect(f.diagnostics.filter((d) => d.code === 'yaml-alias-limit')).toHaveLength(1);
    const ok = parseFile('f.yaml', 'x: &t { k: v }\ny: *t\n');
    const root = ok.documents[0].root;
    expect(root?.kind === 'map' && root.pairs[1].value.kind).toBe('map');
  });

  it('refuses 10,000-deep nesting with one error instead of overflowing the stack', () => {
    expect(codes('['.repeat(10_000) + ']'.repeat(10_000))).toEqual(['yaml-too-deep']);
    let block = '';
    for (let i = 0; i < 3000; i++) block += ' '.repeat(i) + 'a:\n';
    expect(codes(block)).toContain('yaml-too-deep');
  });

  it('skips a file over the size limit with one diagnostic', () => {
    const f = parseFile('f.yaml', 'a: b\n'.repeat(100), { limits: { maxFileSize: 100 } });
    expect(f.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
    expect(f.documents).toEqual([]);
  });

  it('handles CRLF, a BOM, a scalar document and a list document', () => {
    const text = '\uFEFFtype: Mesh\r\nname: x\r\n---\r\njust a scalar\r\n---\r\n- a\r\n- b\r\n';
    const f = parseFile('f.yaml', text);
    expect(f.diagnostics).toEqual([]);
    expect(f.documents.map((d) => d.root?.kind)).toEqual(['map', 'scalar', 'seq']);
    for (const d of f.documents) for (const s of spans(d.root)) expect(s.end).toBeLessThanOrEqual(text.length);
  });

  it('re-parses only the documents whose text changed, with spans moved to their new place', async () => {
    const { createParseCache } = await import('@meshgw/engine/testing');
    const cache = createParseCache();
    const a = 'a: 1\n---\nb: 2\n';
    parseFile('f.yaml', a, { cache });
    const b = 'a: 100\n---\nb: 2\n';
    const f = parseFile('f.yaml', b, { cache });
    const root = f.documents[1].root;
    if (!root || root.kind !== 'map') throw new Error('map expected');
    expect(b.slice(root.pairs[0].key.span.start, root.pairs[0].key.span.end)).toBe('b');
  });
});

describe('splitDocuments', () => {
  it('splits at --- lines, keeps directives and leading comments with their document, covers the text', () => {
    const text = '%YAML 1.2\n---\na: 1\n--- # two\nb: 2\n---\n';
    const chunks = splitDocuments(text);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    expect(chunks[0].text.startsWith('%YAML')).toBe(true);
  });
});

describe('positions', () => {
  it('counts UTF-16 units and treats \\r\\n, \\n and \\r as line ends', () => {
    const text = 'a🎉b\r\nc\rd\ne';
    const starts = computeLineStarts(text);
    expect(starts).toEqual([0, 6, 8, 10]);
    expect(offsetToPosition(starts, 3)).toEqual({ line: 0, character: 3 });
    expect(positionToOffset(starts, { line: 2, character: 1 }, text.length)).toBe(9);
    expect(positionToOffset(starts, { line: 99, character: 0 }, text.length)).toBe(text.length);
  });
});

describe('the JSON fast path', () => {
  /** Drops spans so that two trees can be compared by value, and lists spans separately. */
  function strip(node: YNode | null, shift: number): unknown {
    if (!node) return null;
    const s = [node.span.start - shift, node.span.end - shift];
    if (node.kind === 'scalar') return [s, node.type, node.value];
    if (node.kind === 'seq') return [s, node.items.map((i) => strip(i, shift))];
    return [s, node.pairs.map((p) => [strip(p.key, shift), strip(p.value, shift)])];
  }

  it.each([
    '{"type":"MeshGateway","mesh":"default","name":"gw","conf":{"listeners":[{"port":8080,"protocol":"HTTP","crossMesh":false,"x":null}]}}',
    '{\n  "a": [1, -2.5e3, true, "é\\u00e9 \\"q\\"", {}, []],\n  "b": {"c": "d"}\n}',
  ])('builds the same tree, spans and values as the YAML parser: %s', (json) => {
    const fast = parseFile('f.json', json).documents[0].root;
    const viaYaml = parseFile('f.yaml', '# c\n' + json).documents[0].root;
    expect(strip(fast, 0)).toEqual(strip(viaYaml, 4));
  });

  it('leaves JSON with a duplicate key to the YAML parser, which reports it', () => {
    expect(codes('{"a": 1, "a": 2}')).toContain('yaml-duplicate-key');
  });
});

describe('documentAround', () => {
  it('finds the document holding an offset, agreeing with splitDocuments on files with content', async () => {
    const { documentAround } = await import('@meshgw/engine/testing');
    const text = 'a: 1\n---\nb: 2\nc: "---"\n--- # x\r\nd: 4\n';
    const chunks = splitDocuments(text);
    for (let offset = 0; offset <= text.length; offset++) {
      let expected = chunks[0];
      for (const c of chunks) if (c.start <= offset) expected = c;
      expect(documentAround(text, offset)).toEqual(expected);
    }
  });
});

describe('the parse cache across edits', () => {
  it('moves unchanged documents to their new offsets, also when two documents have the same text', async () => {
    const { createParseCache } = await import('@meshgw/engine/testing');
    const cache = createParseCache();
    const keyAt = (text: string, doc: number) => {
      const root = parseFile('f.yaml', text, { cache }).documents[doc].root;
      if (!root || root.kind !== 'map') throw new Error('map expected');
      return text.slice(root.pairs[0].key.span.start, root.pairs[0].key.span.end);
    };
    const texts = ['a: 1\n---\nb: 2\n---\nb: 2\n', 'a: 100\n---\nb: 2\n---\nb: 2\n', 'a: 1\n---\nb: 2\n---\nb: 2\n', 'aa: 1\n---\nb: 2\n---\nb: 2\n'];
    for (const text of texts) {
      expect(keyAt(text, 1)).toBe('b');
      expect(keyAt(text, 2)).toBe('b');
    }
  });
});
