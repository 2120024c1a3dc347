import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admissionDiagnostics, compareVersions, parseFile, parseKumaVersion, recogniseResources } from '@meshgw/engine/testing';
import type { KumaVersion } from '@meshgw/engine/testing';
import { analyzeFiles } from '@meshgw/engine';
import { describe, expect, it } from 'vitest';

// Replays what a running kuma-cp answered when every rule fixture and example was PUT through its
// REST API (test/fixtures/kuma/README.md says how and when), one recording per Kuma version, each
// analysed with that version as the target. A 201/200 means Kuma accepted the document: the
// engine reports no error for it. A 400 "Resource is not valid" lists Kuma's violations (as
// `invalid_parameters[{field, reason}]` from 2.3, as `causes[{field, message}]` before): the
// engine reports exactly those paths and messages. Any other 400, and the 500s with which 2.0-2.3
// answer some decoding errors, is a decoding error: the engine reports an error of its own for
// the document. A document in a mesh Kuma refused to create (404, or 400 "Mesh is not found" up
// to 2.6) says nothing about the document and is left out.
//
// Like Kuma, only the first failing stage counts (on Universal the spec, then name and mesh).
// Kuma's REST API adds "mesh from the URL has to be the same as in body" when a document names
// no mesh (the recorder PUTs it under /meshes/default/): kumactl would not, so it is left out.
// kumactl itself refuses such a document with "mesh: cannot be empty" in every version (it
// checks the mesh written in the document); the REST API says so too from 2.5, while before it
// checked the mesh of the URL, so for those versions the replay expects what kumactl says.
// Cases in known-differences.json are where the engine is known to differ from the recording;
// each says why, and the test holds that they still differ, so a fix must update the list.

const REPO = join(import.meta.dirname, '..', '..');
const DIR = join(REPO, 'test', 'fixtures', 'kuma', 'admission');

interface Recorded {
  index: number;
  type: string;
  status: number;
  body: KumaErrorBody | string;
}
/** Kuma's error body: 2.3+ sends `detail` and `invalid_parameters`, 2.0-2.2 only `details` and `causes`. */
interface KumaErrorBody {
  title?: string;
  detail?: string;
  details?: string;
  invalid_parameters?: { field: string; reason: string }[];
  causes?: { field: string; message: string }[];
}
interface Recording {
  kumaVersion: string;
  cases: { file: string; documents: Recorded[] }[];
}

const KNOWN: Record<string, Record<string, string>> = JSON.parse(readFileSync(join(DIR, '..', 'known-differences.json'), 'utf8'));
const REST_ONLY = 'mesh: mesh from the URL has to be the same as in body';
const MESH_EMPTY = 'mesh: cannot be empty';

/** The engine's admission errors of the first failing stage, as `path: message`. */
function firstStage(doc: Parameters<typeof admissionDiagnostics>[0], target: KumaVersion): string[] {
  const all = admissionDiagnostics(doc, target);
  const meta = (code: string) => code === 'resource-meta';
  const first = all.length > 0 && meta(all[0].code);
  return all.filter((d) => meta(d.code) === first).map((e) => `${e.path}: ${e.message}`).sort();
}

const recordings = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Recording)
  .sort((a, b) => compareVersions(parseKumaVersion(a.kumaVersion)!, parseKumaVersion(b.kumaVersion)!));

/** Kuma's violations in a 400 "Resource is not valid", as `field: message`; null for any other answer. */
function violationsOf(body: KumaErrorBody | string): string[] | null {
  if (typeof body === 'string' || (body.detail ?? body.details) !== 'Resource is not valid') return null;
  const listed = body.invalid_parameters?.map((p) => `${p.field}: ${p.reason}`) ?? body.causes?.map((p) => `${p.field}: ${p.message}`) ?? [];
  if (listed.includes(REST_ONLY) && !listed.includes(MESH_EMPTY)) listed.push(MESH_EMPTY);
  return listed.filter((m) => m !== REST_ONLY).sort();
}

/** A document PUT into a mesh Kuma refused to create. */
function meshMissing(d: Recorded): boolean {
  return d.status === 404 || (typeof d.body !== 'string' && d.status === 400 && (d.body.detail ?? d.body.details) === 'Mesh is not found');
}

const NOW = new Date('2026-06-01T00:00:00Z');

for (const recording of recordings) {
  const target = parseKumaVersion(recording.kumaVersion)!;
  describe(`Kuma ${recording.kumaVersion} as recorded`, () => {
    for (const c of recording.cases) {
      const recorded = c.documents.filter((d) => !meshMissing(d) && d.type !== 'Mesh');
      if (recorded.length === 0) continue;
      if (!existsSync(join(REPO, c.file))) {
        it.skip(`${c.file} (recorded, but no longer in the repository: re-record)`, () => {});
        continue;
      }
      const known = KNOWN[recording.kumaVersion]?.[c.file];
      it(known ? `${c.file} (known difference: ${known})` : c.file, () => {
        if (known) {
          expect(() => replay(c, recorded, target)).toThrow();
          return;
        }
        replay(c, recorded, target);
      });
    }
  });
}

function replay(c: { file: string }, recorded: Recorded[], target: KumaVersion): void {
  const text = readFileSync(join(REPO, c.file), 'utf8');
  const parsed = parseFile(c.file, text);
  const byIndex = new Map(recogniseResources(parsed).map((r) => [r.docIndex, r]));
  const errorsOf = analyzeFiles([{ file: c.file, text }], { now: NOW, kumaVersion: target }).diagnosticsByFile.get(c.file) ?? [];
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
    const kuma = violationsOf(d.body);
    if (kuma) expect(firstStage(doc, target), label).toEqual(kuma);
    else expect(inDoc.length, `${label}: ${JSON.stringify(d.body).slice(0, 200)}`).toBeGreaterThan(0);
  }
}

describe('recordings', () => {
  it('hold every minor the engine speaks, 2.0 to 2.14', () => {
    expect(recordings.map((r) => r.kumaVersion.split('.').slice(0, 2).join('.'))).toEqual(
      Array.from({ length: 15 }, (_, i) => `2.${i}`),
    );
  });

  it('are what every known difference is about', () => {
    for (const [version, files] of Object.entries(KNOWN)) {
      const recording = recordings.find((r) => r.kumaVersion === version);
      expect(recording, version).toBeDefined();
      for (const file of Object.keys(files)) expect(recording?.cases.some((c) => c.file === file), `${version} ${file}`).toBe(true);
    }
  });
});
