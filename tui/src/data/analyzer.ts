import { Worker } from 'node:worker_threads';
import { analyzeRequest, createAnalysisWorkspaces, type AnalysisRequest, type AnalysisResult } from './analysis.js';
import { createLiveFetcher, refreshLive, type LiveConnection, type LiveFailure, type LiveRequest, type LiveResult } from './live-fetch.js';
import type { KumaClient } from '@meshgw/kuma-client';
import { readResult } from './result-bytes.js';

/** Runs the engine for a loader. */
export interface Analyzer {
  /** Rejects with an `AbortError` when the signal fires first; the engine's answer is then dropped. */
  analyze(request: AnalysisRequest, signal: AbortSignal): Promise<AnalysisResult>;
  /**
   * Reads the control plane and analyses what it answered, on the analysis thread: the app's
   * thread only waits. A fetch failure or cancellation resolves as a failure; a failure of the
   * engine rejects. `onPartial`, when given, may be called before that with what is read so far
   * (see `LiveFetcher.fetch`), when the analyzer has given no result yet and no files are laid
   * over the control plane.
   */
  refreshLive(request: LiveRequest, signal: AbortSignal, onPartial?: (partial: LiveResult) => void): Promise<({ ok: true } & LiveResult) | LiveFailure>;
  /** Stops the worker thread, if any. */
  close(): void;
}

/** The control plane of a live source: its client for the app's thread, its connection for another. */
export interface LiveTarget {
  client: KumaClient;
  connection: LiveConnection;
}

function abortError(): Error {
  const error = new Error('The refresh was cancelled.');
  error.name = 'AbortError';
  return error;
}

function noLive(): never {
  throw new Error('This analyzer was made without a control plane.');
}

/** On the calling thread: simple, but a large control plane blocks keys while it runs. */
function inlineAnalyzer(live: LiveTarget | undefined): Analyzer {
  const workspaces = createAnalysisWorkspaces();
  const fetcher = live ? createLiveFetcher(live.client, live.connection.secretsIntervalMs) : null;
  // Whether a live result was given: then there is something to show, and no partial is made.
  let answered = false;
  return {
    async analyze(request, signal) {
      if (signal.aborted) throw abortError();
      return analyzeRequest(workspaces, request);
    },
    async refreshLive(request, signal, onPartial) {
      const answer = await refreshLive(fetcher ?? noLive(), workspaces, request, signal, answered ? undefined : onPartial);
      if (answer.ok) answered = true;
      return answer;
    },
    close() {},
  };
}

/**
 * What the worker posts (`engine-worker.ts`): a result (serialized; an `AnalysisResult`, or a
 * `LiveResult` for a live refresh), the same result as last time, a failure to read the control
 * plane, or a failure of the engine.
 */
type WorkerAnswer =
  | { id: number; ok: true; head: Uint8Array; entries: Uint8Array; partial?: true }
  | { id: number; ok: true; unchanged: true }
  | { id: number; ok: false; fetch: LiveFailure }
  | { id: number; ok: false; message: string };

/**
 * In a worker thread, so that keys and rendering stay responsive while the engine works (the
 * first analysis of 500 gateways and 5,000 dataplanes takes seconds). A live refresh also reads
 * the control plane there, so that the app's thread neither parses the answers nor copies them.
 * A refresh whose result equals the last one resolves with that same result object, uncopied.
 * The worker starts with the analyzer, so that it loads the engine while the app loads; it does
 * not keep the process alive, and is started again on the next request if it dies.
 */
function threadAnalyzer(live: LiveTarget | undefined): Analyzer {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void; partial?: (r: unknown) => void }>();
  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  // The last result the worker posted: what an `unchanged` answer stands for.
  let last: unknown = null;
  const start = (): Worker => {
    last = null;
    const w = new Worker(new URL('./engine-worker.js', import.meta.url));
    w.unref();
    w.on('message', (message: WorkerAnswer) => {
      if (message.ok && 'head' in message && message.partial === true) {
        pending.get(message.id)?.partial?.(readResult(message.head, message.entries));
        return;
      }
      if (message.ok && 'head' in message) last = readResult(message.head, message.entries);
      const entry = pending.get(message.id);
      if (!entry) return;
      pending.delete(message.id);
      if (!message.ok) {
        if ('fetch' in message) entry.resolve(message.fetch);
        else entry.reject(new Error(message.message));
      } else if (last !== null) entry.resolve(last);
      else entry.reject(new Error('The analysis worker answered "unchanged" before any result.'));
    });
    w.on('error', (error) => {
      worker = null;
      failAll(error);
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll(new Error('The analysis worker stopped.'));
    });
    return w;
  };
  worker = start();
  const ask = <T>(message: Record<string, unknown>, signal: AbortSignal, partial?: (r: T) => void): Promise<T> => {
    if (signal.aborted) return Promise.reject(abortError());
    const w = (worker ??= start());
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        pending.delete(id);
        w.postMessage({ id, cancel: true });
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      pending.set(id, {
        resolve: (r) => {
          signal.removeEventListener('abort', onAbort);
          resolve(r as T);
        },
        reject: (e) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
        ...(partial ? { partial: (r: unknown) => partial(r as T) } : {}),
      });
      w.postMessage({ id, ...message });
    });
  };
  return {
    analyze(request, signal) {
      return ask<AnalysisResult>({ request }, signal);
    },
    async refreshLive(request, signal, onPartial) {
      if (!live) noLive();
      try {
        return { ok: true, ...(await ask<LiveResult>({ live: request, connection: live.connection, partial: onPartial !== undefined }, signal, onPartial)) };
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') return { ok: false, message: error.message, aborted: true };
        throw error;
      }
    },
    close() {
      const w = worker;
      worker = null;
      failAll(abortError());
      void w?.terminate();
    },
  };
}

/** `live`: the control plane a live loader reads; without it, `refreshLive` throws. */
export function createAnalyzer(options: { thread: boolean; live?: LiveTarget }): Analyzer {
  return options.thread ? threadAnalyzer(options.live) : inlineAnalyzer(options.live);
}
