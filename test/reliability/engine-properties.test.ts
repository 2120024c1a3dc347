import fc from 'fast-check';
import { analyzeFiles, completeAt, createWorkspace, describeAt, documentSymbols, hoverAt, parseFile, type FileInput, type Span, type YNode } from '@meshgw/engine/testing';
import { describe, expect, it } from 'vitest';
import { exampleBundles, exampleWorkspaces } from './support/examples.js';
import { analyzeTwice, NOW, observable, spanViolations } from './support/invariants.js';
import { applyMutation, applyMutations, mutationsArb, type Mutation } from './support/mutate.js';
import { workspaceArb } from './support/resource-arbitraries.js';

/**
 * The engine's promises on any input: it does not throw, every span lies inside its file, and
 * the same input gives the same output. Run counts are bounded so that the file stays well
 * under half a minute on two cores; a failure prints the seed and the shrunk input.
 */

/** Multiplies every run count; `MESHGW_PROPERTY_SCALE=20` makes a soak run. */
const SCALE = Math.max(1, Number(process.env.MESHGW_PROPERTY_SCALE) || 1);
const runs = (n: number) => n * SCALE;
/** A property's time grows with the load on the machine; a hang is not what these tests look for. */
const TIMEOUT = 120_000 * SCALE;

const workspaces = exampleWorkspaces();
const bundles = exampleBundles();

/** Asserts the three promises for one set of files. */
function holds(inputs: FileInput[]): void {
  const { violations, same, first, second } = analyzeTwice(inputs);
  expect(violations).toEqual([]);
  if (!same) expect(second).toBe(first);
}

describe('mutated example files', () => {
  it('never make the engine throw, keep spans in their file and analyse the same twice', () => {
    // Every example file gets at least one mutation of its own before the random runs.
    const examples: [{ group: number; file: number; mutations: Mutation[] }][] = [];
    workspaces.forEach((files, group) =>
      files.forEach((f, file) => examples.push([{ group, file, mutations: [{ op: 'insert', at: f.text.length >> 1, text: '&a *a\t"\ud800' }] }]),
    ));
    fc.assert(
      fc.property(
        fc.record({ group: fc.nat(workspaces.length - 1), file: fc.nat(), mutations: mutationsArb(8) }),
        ({ group, file, mutations }) => {
          const files = workspaces[group];
          const target = file % files.length;
          holds(files.map((f, i) => (i === target ? { ...f, text: applyMutations(f.text, mutations) } : f)));
        },
      ),
      { numRuns: runs(400), examples },
    );
  }, TIMEOUT);

  it('survive line-level damage to every line of one file in turn', () => {
    // Deterministic sweep: delete each line of the edge gateway, indent it with a tab, put `---` before it.
    const files = workspaces.find((w) => w.some((f) => f.file === 'edge-gateway/gateway.yaml'))!;
    const target = files.findIndex((f) => f.file === 'edge-gateway/gateway.yaml');
    const lines = files[target].text.split('\n').length;
    for (let line = 0; line < lines; line++) {
      for (const m of [
        { op: 'delete-line', line },
        { op: 'indent', line, indent: '\t' },
        { op: 'insert-line', line, text: '---' },
      ] as Mutation[]) {
        holds(files.map((f, i) => (i === target ? { ...f, text: applyMutation(f.text, m) } : f)));
      }
    }
  }, TIMEOUT);
});

describe('generated resources with wrong types', () => {
  it('never make the engine throw, keep spans in their file and analyse the same twice', () => {
    fc.assert(fc.property(workspaceArb(bundles), (files) => holds(files)), { numRuns: runs(300) });
  }, TIMEOUT);

  it('still hold after the generated text is mutated', () => {
    fc.assert(
      fc.property(workspaceArb(bundles), mutationsArb(4), (files, mutations) =>
        holds(files.map((f, i) => (i === 0 ? { ...f, text: applyMutations(f.text, mutations) } : f))),
      ),
      { numRuns: runs(150) },
    );
  }, TIMEOUT);
});

describe('the JSON fast path', () => {
  /** A tree as comparable data: spans moved by `shift`, values with their type, source and quoting. */
  function plain(node: YNode | null, shift: number): unknown {
    if (!node) return null;
    const span = [node.span.start - shift, node.span.end - shift];
    if (node.kind === 'scalar') return [span, node.type, Object.is(node.value, -0) ? '-0' : node.value, node.source, node.quoted];
    if (node.kind === 'seq') return [span, node.items.map((i) => plain(i, shift))];
    return [span, node.pairs.map((p) => [plain(p.key, shift), plain(p.value, shift)])];
  }

  const text = fc.string({
    unit: fc.oneof(fc.constantFrom('a', ' ', '"', '\\', '\u2028', '\ud800', '\udc00', '🎉', '\t', '\n', '#', ':', '-', '\u0085', '\ufeff'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
    maxLength: 8,
  });
  const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, 1e21, 1e-7, 5e-324, 123456789012345678901234567890));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, text, number, fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(text, tie('value'), { maxKeys: 3 })),
  }));

  it('reads a JSON document as the YAML parser reads it: same tree, spans and diagnostics', () => {
    fc.assert(
      fc.property(fc.dictionary(text, value, { maxKeys: 4 }), fc.integer({ min: -1, max: 2 }), mutationsArb(2), fc.boolean(), (object, indent, mutations, mutate) => {
        let json = indent < 0 ? JSON.stringify(object) : JSON.stringify(object, null, indent);
        if (mutate) json = applyMutations(json, mutations);
        // A leading comment is not JSON, so this copy goes through the YAML parser.
        const fast = parseFile('f.json', json);
        const yaml = parseFile('f.json', '# c\n' + json);
        expect(fast.documents.map((d) => plain(d.root, 0))).toEqual(yaml.documents.map((d) => plain(d.root, 4)));
        expect(fast.diagnostics.map((d) => [d.code, d.span.start, d.span.end])).toEqual(yaml.diagnostics.map((d) => [d.code, d.span.start - 4, d.span.end - 4]));
      }),
      { numRuns: runs(500) },
    );
  }, TIMEOUT);
});

describe('the workspace after a series of edits', () => {
  /** One multi-document file made of a whole example folder, plus the folder's secrets alone. */
  const edge = workspaces.find((w) => w.some((f) => f.file.startsWith('edge-gateway/')))!;
  const tcp = workspaces.find((w) => w.some((f) => f.file.startsWith('tcp-tls-gateway/')))!;
  const joined = [...edge, ...tcp]
    .filter((f) => !f.file.endsWith('secrets.yaml') && !f.file.endsWith('secret.yaml'))
    .map((f) => f.text)
    .join('---\n');
  const secrets = edge.filter((f) => f.file.endsWith('secrets.yaml')).concat(tcp.filter((f) => f.file.endsWith('secret.yaml')));

  type Step = { kind: 'edit'; mutations: Mutation[] } | { kind: 'original' } | { kind: 'rotate'; by: number } | { kind: 'append-copy'; doc: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 6, arbitrary: mutationsArb(3).map((mutations) => ({ kind: 'edit' as const, mutations })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'original' as const }) },
    { weight: 2, arbitrary: fc.nat(8).map((by) => ({ kind: 'rotate' as const, by })) },
    { weight: 1, arbitrary: fc.nat(8).map((doc) => ({ kind: 'append-copy' as const, doc })) },
  );

  /** Applies a step: edits, a return to the first text, or documents moved around (spans shift). */
  function apply(text: string, s: Step): string {
    if (s.kind === 'edit') return applyMutations(text, s.mutations);
    if (s.kind === 'original') return joined;
    const docs = text.split('\n---\n');
    if (s.kind === 'rotate') {
      const k = s.by % docs.length;
      return [...docs.slice(k), ...docs.slice(0, k)].join('\n---\n');
    }
    return [...docs, docs[s.doc % docs.length]].join('\n---\n');
  }

  it('gives after every edit what a fresh analysis of the same text gives', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const ws = createWorkspace();
        ws.setFile('all.yaml', joined);
        for (const s of secrets) ws.setFile(s.file, s.text);
        ws.analyze({ now: NOW });
        let text = joined;
        for (const s of steps) {
          text = apply(text, s);
          ws.setFile('all.yaml', text);
          const incremental = ws.analyze({ now: NOW });
          const inputs = [{ file: 'all.yaml', text }, ...secrets];
          expect(spanViolations(incremental, inputs)).toEqual([]);
          expect(observable(incremental)).toBe(observable(analyzeFiles(inputs, { now: NOW })));
        }
      }),
      { numRuns: runs(40) },
    );
  }, TIMEOUT);
});

describe('editor features on mutated files', () => {
  /** The span violations of one editor answer, as readable strings. */
  function outside(spans: Span[], length: number, what: string): string[] {
    return spans
      .filter((s) => !(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length))
      .map((s) => `${what}: span ${s.start}..${s.end} outside the text (length ${length})`);
  }

  it('completion right after a list dash gives a span inside the text that does not end before it starts', () => {
    const text = 'type: MeshGateway\nselectors:\n  - match\n';
    const offset = text.indexOf('- match') + 1;
    const result = analyzeFiles([{ file: 'gw.yaml', text }], { now: NOW });
    const spans = completeAt(result, 'gw.yaml', offset, text).map((c) => c.span);
    expect(spans.length).toBeGreaterThan(0);
    expect(outside(spans, text.length, 'completion')).toEqual([]);
  });

  it('hover, completion and symbols never throw, keep spans in the text and answer the same twice', () => {
    fc.assert(
      fc.property(
        fc.record({
          group: fc.nat(workspaces.length - 1),
          file: fc.nat(),
          mutations: mutationsArb(4),
          offsets: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        }),
        ({ group, file, mutations, offsets }) => {
          const files = workspaces[group];
          const target = file % files.length;
          const inputs = files.map((f, i) => (i === target ? { ...f, text: applyMutations(f.text, mutations) } : f));
          const { file: name, text } = inputs[target];
          const result = analyzeFiles(inputs, { now: NOW });
          const again = analyzeFiles(inputs, { now: NOW });
          const problems: string[] = [];
          const symbols = documentSymbols(result, name);
          const symbolSpans = (list: typeof symbols): Span[] => list.flatMap((s) => [s.span, s.selectionSpan, ...symbolSpans(s.children)]);
          problems.push(...outside(symbolSpans(symbols), text.length, 'symbol'));
          expect(JSON.stringify(documentSymbols(again, name))).toBe(JSON.stringify(symbols));
          // Offsets outside the text are the caller's mistake (callers clamp), but must not throw.
          for (const offset of [-1, text.length + 1]) {
            hoverAt(result, name, offset);
            completeAt(result, name, offset, text);
          }
          for (const n of offsets) {
            const offset = n % (text.length + 1);
            const hover = hoverAt(result, name, offset);
            if (hover) problems.push(...outside([hover.span], text.length, `hover at ${offset}`));
            const items = completeAt(result, name, offset, text);
            problems.push(...outside(items.map((c) => c.span), text.length, `completion at ${offset}`));
            describeAt(result, name, offset);
            expect(JSON.stringify(hoverAt(again, name, offset))).toBe(JSON.stringify(hover));
            expect(JSON.stringify(completeAt(again, name, offset, text))).toBe(JSON.stringify(items));
          }
          expect(problems).toEqual([]);
        },
      ),
      { numRuns: runs(200) },
    );
  }, TIMEOUT);
});
