import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admissionDiagnostics, parseFile, recogniseResources } from '@meshgw/engine/testing';
import { analyzeFiles } from '@meshgw/engine';
import { describe, expect, it } from 'vitest';

// Replays what a running kuma-cp answered when every rule fixture and example was PUT through its
// REST API (test/fixtures/kuma/README.md says how and when). A 201/200 means Kuma accepted the
// document: the engine reports no error for it. A 400 "Resource is not valid" lists Kuma's
// violations: the engine reports exactly those paths and messages. Any other 400 is a decoding
// error: the engine reports an error of its own for the document.
//
// Like Kuma, only the first failing stage counts (on Universal the spec, then name and mesh).
// Kuma's REST API adds "mesh from the URL has to be the same as in body" when a document names
// no mesh (the recorder PUTs it under /meshes/default/): kumactl would not, so it is left out.
// Cases in known-differences.json are where the engine is known to differ from the recording;
// each says why, and the test holds that they still differ, so a fix must update the list.

const REPO = join(import.meta.dirname, '..', '..');
const DIR = join(REPO, 'test', 'fixtures', 'kuma', 'admission');

interface Recorded {
  index: number;
  type: string;
  status: number;
  body: { title?: string; detail?: string; invalid_parameters?: { field: string; reason: string }[] } | string;
}
interface Recording {
  kumaVersion: string;
  cases: { file: string; documents: Recorded[] }[];
}

/** The versions the engine speaks today; recordings of other versions wait for their rules. */
const ENGINE_VERSIONS = ['2.14.3'];

const KNOWN: Record<string, Record<string, string>> = JSON.parse(readFileSync(join(DIR, '..', 'known-differences.json'), 'utf8'));
const REST_ONLY = 'mesh: mesh from the URL has to be the same as in body';

/** The engine's admission errors of the first failing stage, as `path: message`. */
function firstStage(doc: Parameters<typeof admissionDiagnostics>[0]): string[] {
  const all = admissionDiagnostics(doc);
  const meta = (code: string) => code === 'resource-meta';
  const first = all.length > 0 && meta(all[0].code);
  return all.filter((d) => meta(d.code) === first).map((e) => `${e.path}: ${e.message}`).sort();
}

const recordings = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Recording)
  .filter((r) => ENGINE_VERSIONS.includes(r.kumaVersion));

const NOW = new Date('2026-06-01T00:00:00Z');

for (const recording of recordings) {
  describe(`Kuma ${recording.kumaVersion} as recorded`, () => {
    for (const c of recording.cases) {
      const recorded = c.documents.filter((d) => d.status !== 404 && d.type !== 'Mesh');
      if (recorded.length === 0) continue;
      const known = KNOWN[recording.kumaVersion]?.[c.file];
      it(known ? `${c.file} (known difference: ${known})` : c.file, () => {
        if (known) {
          expect(() => replay(c, recorded)).toThrow();
          return;
        }
        replay(c, recorded);
      });
    }
  });
}

function replay(c: { file: string }, recorded: Recorded[]): void {
        const text = readFileSync(join(REPO, c.file), 'utf8');
        const parsed = parseFile(c.file, text);
        const byIndex = new Map(recogniseResources(parsed).map((r) => [r.docIndex, r]));
        const errorsOf = analyzeFiles([{ file: c.file, text }], { now: NOW }).diagnosticsByFile.get(c.file) ?? [];
        for (const d of recorded) {
          const doc = byIndex.get(d.index);
          expect(doc, `document ${d.index} is a resource`).toBeDefined();
          if (!doc) continue;
          const inDoc = errorsOf.filter((e) => e.severity === 'error' && e.span.start >= doc.span.start && e.span.start <= doc.span.end);
          const label = `document ${d.index} (${d.type}): Kuma answered ${d.status}`;
          if (d.status < 300) {
            expect(inDoc.map((e) => `${e.code}: ${e.message}`), label).toEqual([]);
            continue;
          }
          const body = typeof d.body === 'string' ? null : d.body;
          if (body?.detail === 'Resource is not valid') {
            const kuma = (body.invalid_parameters ?? []).map((p) => `${p.field}: ${p.reason}`).filter((m) => m !== REST_ONLY).sort();
            expect(firstStage(doc), label).toEqual(kuma);
          } else {
            expect(inDoc.length, `${label}: ${JSON.stringify(d.body).slice(0, 200)}`).toBeGreaterThan(0);
          }
        }
}

describe('recordings', () => {
  it('hold at least the version the engine speaks', () => {
    expect(recordings.map((r) => r.kumaVersion)).toContain('2.14.3');
  });
});
