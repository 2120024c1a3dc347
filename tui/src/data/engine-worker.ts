import { parentPort } from 'node:worker_threads';
import { serialize } from 'node:v8';
import { analysisDay } from '@meshgw/engine';
import { analyzeRequest, createAnalysisWorkspaces, type AnalysisRequest, type AnalysisResult } from './analysis.js';
import { analyzeFetched, connectLiveFetcher, type LiveConnection, type LiveFetched, type LiveFetcher, type LiveRequest, type LiveResult } from './live-fetch.js';
import { resultBytes, sameBytes, type ResultBytes } from './result-bytes.js';

/**
 * The worker thread behind `createAnalyzer`: one set of workspaces; a live refresh reads the
 * control plane here, with a client of its own made from the connection it is sent. An answer
 * equal to the last one posted is not posted again: it says `unchanged`, and the app keeps the
 * model it has, so that a refresh that changes nothing costs the app's thread no copy of the
 * model and no render. A request equal to the last one but for `now`, on the same analysis day
 * (the engine's results depend on `now` only through it, see `analysisDay`), is not analysed
 * again. `{ id, cancel }` cancels the fetch of a live refresh. A live refresh asked `partial`
 * while nothing was posted yet first posts `{ id, ok, partial, head, entries }` for what is read
 * so far: the gateways listed, then the first screen's analysed (see `LiveFetcher.fetch`).
 */
type WorkerRequest = { id: number; request: AnalysisRequest } | { id: number; live: LiveRequest; connection: LiveConnection; partial?: boolean } | { id: number; cancel: true };

const workspaces = createAnalysisWorkspaces();
let last: { input: Buffer; day: number; answer: ResultBytes } | null = null;
let fetcher: LiveFetcher | null = null;
const running = new Map<number, AbortController>();

const post = (message: unknown, transfer?: ArrayBuffer[]): void => parentPort?.postMessage(message, transfer);

/** Analyses `request` and posts `wrap` of its result, or `unchanged`. */
function answer(id: number, request: AnalysisRequest, wrap: (result: AnalysisResult) => AnalysisResult | LiveResult): void {
  const { now, ...rest } = request;
  // The first request has nothing to be compared with: its bytes are made after the answer is
  // posted, while the app reads it.
  const input = last === null ? null : serialize(rest);
  const day = analysisDay(new Date(now));
  if (last !== null && input !== null && last.day === day && last.input.equals(input)) {
    post({ id, ok: true, unchanged: true });
    return;
  }
  const bytes = resultBytes(wrap(analyzeRequest(workspaces, request)));
  const same = last !== null && sameBytes(last.answer, bytes);
  if (same) post({ id, ok: true, unchanged: true });
  else {
    // The result goes as the bytes already made for the comparison (copies, moved, not cloned).
    const head = new Uint8Array(bytes.head);
    const entries = new Uint8Array(bytes.entries);
    post({ id, ok: true, head, entries }, [head.buffer, entries.buffer]);
  }
  last = { input: input ?? serialize(rest), day, answer: bytes };
}

/** Posts a partial result: it is never `last`, so the full result is always posted after it. */
function postPartial(id: number, fetched: LiveFetched): void {
  const bytes = resultBytes(analyzeFetched(workspaces, fetched));
  const head = new Uint8Array(bytes.head);
  const entries = new Uint8Array(bytes.entries);
  post({ id, ok: true, partial: true, head, entries }, [head.buffer, entries.buffer]);
}

async function live(id: number, request: LiveRequest, connection: LiveConnection, partial: boolean): Promise<void> {
  if (fetcher === null) {
    const made = connectLiveFetcher(connection);
    if ('fetch' in made) fetcher = made;
    else return post({ id, ok: false, fetch: made });
  }
  const controller = new AbortController();
  running.set(id, controller);
  try {
    const onPartial = partial && last === null && !request.files ? (p: LiveFetched) => postPartial(id, p) : undefined;
    const fetched = await fetcher.fetch(request, controller.signal, onPartial);
    if (!fetched.ok) return post({ id, ok: false, fetch: fetched });
    const { controlPlane, rules, ownRules } = fetched;
    answer(id, fetched.request, (result) => ({ result, controlPlane, rules, ownRules }));
  } finally {
    running.delete(id);
  }
}

parentPort?.on('message', (message: WorkerRequest) => {
  const { id } = message;
  if ('cancel' in message) {
    running.get(id)?.abort();
    return;
  }
  const fail = (error: unknown): void => {
    last = null;
    post({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  };
  try {
    if ('live' in message) live(id, message.live, message.connection, message.partial === true).catch(fail);
    else answer(id, message.request, (result) => result);
  } catch (error) {
    fail(error);
  }
});
