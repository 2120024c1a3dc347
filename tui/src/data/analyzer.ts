import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { analyzeRequest, createAnalysisWorkspaces, type AnalysisRequest, type AnalysisResult } from './analysis.js';

/** Runs the engine for a loader. */
export interface Analyzer {
  /** Rejects with an `AbortError` when the signal fires first; the engine's answer is then dropped. */
  analyze(request: AnalysisRequest, signal: AbortSignal): Promise<AnalysisResult>;
  /** Stops the worker thread, if any. */
  close(): void;
}

function abortError(): Error {
  const error = new Error('The refresh was cancelled.');
  error.name = 'AbortError';
  return error;
}

/** On the calling thread: simple, but a large control plane blocks keys while it runs. */
function inlineAnalyzer(): Analyzer {
  const workspaces = createAnalysisWorkspaces();
  return {
    async analyze(request, signal) {
      if (signal.aborted) throw abortError();
      return analyzeRequest(workspaces, request);
    },
    close() {},
  };
}

/**
 * In a worker thread, so that keys and rendering stay responsive while the engine works (the
 * first analysis of 500 gateways and 5,000 dataplanes takes seconds). A refresh whose result equals
 * the last one resolves with that same result object, uncopied. The worker starts with the
 * analyzer, so that it loads the engine while the first refresh fetches; it does not keep the
 * process alive, and is started again on the next request if it dies.
 */
/** What the worker posts (`engine-worker.ts`): a result (serialized), the same result as last time, or a failure. */
type WorkerAnswer = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: true; unchanged: true } | { id: number; ok: false; message: string };

function threadAnalyzer(): Analyzer {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, { resolve: (r: AnalysisResult) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  // The last result the worker posted: what an `unchanged` answer stands for.
  let last: AnalysisResult | null = null;
  const start = (): Worker => {
    last = null;
    const w = new Worker(new URL('./engine-worker.js', import.meta.url));
    w.unref();
    w.on('message', (message: WorkerAnswer) => {
      if (message.ok && 'bytes' in message) last = deserialize(message.bytes) as AnalysisResult;
      const entry = pending.get(message.id);
      if (!entry) return;
      pending.delete(message.id);
      if (!message.ok) entry.reject(new Error(message.message));
      else if (last) entry.resolve(last);
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
  return {
    analyze(request, signal) {
      if (signal.aborted) return Promise.reject(abortError());
      worker ??= start();
      const id = next++;
      return new Promise<AnalysisResult>((resolve, reject) => {
        const onAbort = (): void => {
          pending.delete(id);
          reject(abortError());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        pending.set(id, {
          resolve: (r) => {
            signal.removeEventListener('abort', onAbort);
            resolve(r);
          },
          reject: (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e);
          },
        });
        worker!.postMessage({ id, request });
      });
    },
    close() {
      const w = worker;
      worker = null;
      failAll(abortError());
      void w?.terminate();
    },
  };
}

export function createAnalyzer(options: { thread: boolean }): Analyzer {
  return options.thread ? threadAnalyzer() : inlineAnalyzer();
}
