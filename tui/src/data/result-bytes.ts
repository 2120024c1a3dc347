import { deserialize, serialize } from 'node:v8';
import type { AnalysisResult } from './analysis.js';
import type { LiveResult } from './live-fetch.js';
import type { ViewModel } from './view-model.js';

/** A result as it crosses from the analysis thread: the gateway entries apart from the rest. */
export interface ResultBytes {
  head: Buffer;
  entries: Buffer;
}

type Crossing = AnalysisResult | LiveResult;

function modelOf(value: Crossing): ViewModel {
  return 'model' in value ? value.model : value.result.model;
}

/**
 * Serializes a result in two parts. The entries (what the detail views show of each gateway:
 * merged listeners with their tags per dataplane, the resource, its findings) are most of its
 * bytes and no list needs them, so the app can draw the lists before it reads them.
 */
export function resultBytes(value: Crossing): ResultBytes {
  const model = modelOf(value);
  const { entries, ...rest } = model;
  const head = serialize('model' in value ? { ...value, model: rest } : { ...value, result: { ...value.result, model: rest } });
  return { head, entries: serialize(entries) };
}

export function sameBytes(a: ResultBytes, b: ResultBytes): boolean {
  return a.head.equals(b.head) && a.entries.equals(b.entries);
}

/**
 * The result back from its bytes. Its model's `entries` are read from their bytes when first
 * used, and at the latest `readAfterMs` later, so that drawing the first lists does not wait for
 * them and the first detail view rarely does.
 */
export function readResult<T extends Crossing>(head: Uint8Array, entries: Uint8Array, readAfterMs = 100): T {
  const value = deserialize(head) as T;
  const model = modelOf(value) as Omit<ViewModel, 'entries'> & { entries?: ViewModel['entries'] };
  let read: ViewModel['entries'] | null = null;
  Object.defineProperty(model, 'entries', {
    enumerable: true,
    configurable: true,
    get: () => (read ??= deserialize(entries) as ViewModel['entries']),
  });
  setTimeout(() => void model.entries, readAfterMs).unref();
  return value;
}
