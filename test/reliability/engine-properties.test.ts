import fc from 'fast-check';
import { analyzeFiles, createWorkspace, type FileInput } from '@meshgw/engine';
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
      { numRuns: 400, examples },
    );
  });

  it('survive line-level damage to every line of one file in turn', () => {
    // Deterministic sweep: delete, duplicate and tab-indent each line of the edge gateway.
    const files = workspaces.find((w) => w.some((f) => f.file === 'edge-gateway/gateway.yaml'))!;
    const target = files.findIndex((f) => f.file === 'edge-gateway/gateway.yaml');
    const lines = files[target].text.split('\n').length;
    for (let line = 0; line < lines; line++) {
      for (const m of [
        { op: 'delete-line', line },
        { op: 'duplicate-line', line },
        { op: 'indent', line, indent: '\t' },
        { op: 'insert-line', line, text: '---' },
      ] as Mutation[]) {
        holds(files.map((f, i) => (i === target ? { ...f, text: applyMutation(f.text, m) } : f)));
      }
    }
  });
});

describe('generated resources with wrong types', () => {
  it('never make the engine throw, keep spans in their file and analyse the same twice', () => {
    fc.assert(fc.property(workspaceArb(bundles), (files) => holds(files)), { numRuns: 300 });
  });

  it('still hold after the generated text is mutated', () => {
    fc.assert(
      fc.property(workspaceArb(bundles), mutationsArb(4), (files, mutations) =>
        holds(files.map((f, i) => (i === 0 ? { ...f, text: applyMutations(f.text, mutations) } : f))),
      ),
      { numRuns: 150 },
    );
  });
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
      { numRuns: 60 },
    );
  });
});
