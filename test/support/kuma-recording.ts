/**
 * The recordings of real Kuma control planes in `test/fixtures/kuma/read-api/<version>.json`
 * (see test/fixtures/kuma/README.md), read for the test control plane and the tests that compare
 * with them. Nothing here invents an answer: every accessor returns what a `kuma-cp` of that
 * version answered, or throws when the recording lacks the call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const READ_API = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'kuma', 'read-api');

/** One recorded GET. `accept` is the header sent (`(no Accept header)` when none was). */
export interface RecordedCall {
  label: string;
  method: string;
  /** The path with its query, as sent. */
  path: string;
  accept: string;
  /** Who the call was made as; `none (localhost is admin)` for the ordinary calls. */
  auth: string;
  status: number;
  contentType: string;
  /** Parsed JSON, or the text of a non-JSON body. */
  body: unknown;
}

export interface KumaRecording {
  /** `version` of `GET /`, e.g. `2.14.3`. */
  version: string;
  product: string;
  /** The requests that built the data set, with the status each got (a refused PUT created nothing). */
  setup: { method: string; path: string; status: number }[];
  calls: RecordedCall[];
  /** The call with this label; throws when the recording has none. */
  call(label: string): RecordedCall;
  /** The call with this label, or null. */
  find(label: string): RecordedCall | null;
  /** The items of a 200 list answer with this label; throws when it is not one. */
  items(label: string): Record<string, unknown>[];
  /** The recorded item named `name` of the list with this label; throws when absent. */
  item(label: string, name: string): Record<string, unknown>;
}

/** Every recorded version, oldest first. */
export function recordedKumaVersions(): string[] {
  const numbers = (v: string): number[] => v.split('.').map(Number);
  return readdirSync(READ_API)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort((a, b) => {
      const [x, y] = [numbers(a), numbers(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
}

/** Reads the recording of `version` (exactly as named, e.g. `2.6.15`). */
export function readKumaRecording(version: string): KumaRecording {
  const versions = recordedKumaVersions();
  if (!versions.includes(version)) {
    throw new Error(`No recording of Kuma ${version}; recorded: ${versions.join(', ')}.`);
  }
  const json = JSON.parse(readFileSync(join(READ_API, `${version}.json`), 'utf8')) as { kumaVersion: string; product: string; setup: KumaRecording['setup']; calls: RecordedCall[] };
  const byLabel = new Map(json.calls.map((call) => [call.label, call]));
  const call = (label: string): RecordedCall => {
    const found = byLabel.get(label);
    if (found === undefined) throw new Error(`The recording of Kuma ${version} has no call "${label}".`);
    return found;
  };
  const items = (label: string): Record<string, unknown>[] => {
    const recorded = call(label);
    const body = recorded.body as { items?: unknown };
    if (recorded.status !== 200 || !Array.isArray(body?.items)) throw new Error(`"${label}" of Kuma ${version} is not a list (HTTP ${recorded.status}).`);
    return body.items as Record<string, unknown>[];
  };
  return {
    version: json.kumaVersion,
    product: json.product,
    setup: json.setup,
    calls: json.calls,
    call,
    find: (label) => byLabel.get(label) ?? null,
    items,
    item(label, name) {
      const found = items(label).find((entry) => entry.name === name);
      if (found === undefined) throw new Error(`"${label}" of Kuma ${version} has no item "${name}".`);
      return found;
    },
  };
}
