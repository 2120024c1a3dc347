import { parentPort } from 'node:worker_threads';
import { serialize } from 'node:v8';
import { analysisDay } from '@meshgw/engine';
import { analyzeRequest, createAnalysisWorkspaces, type AnalysisRequest } from './analysis.js';

/**
 * The worker thread behind `createAnalyzer`: one set of workspaces, one request at a time. An
 * answer equal to the last one posted is not posted again: it says `unchanged`, and the app keeps
 * the model it has, so that a refresh that changes nothing costs the app's thread no copy of the
 * model and no render. A request equal to the last one but for `now`, on the same analysis day
 * (the engine's results depend on `now` only through it, see `analysisDay`), is not analysed
 * again.
 */
const workspaces = createAnalysisWorkspaces();
let last: { input: Buffer; day: number; answer: Buffer } | null = null;

parentPort?.on('message', (message: { id: number; request: AnalysisRequest }) => {
  try {
    const { now, ...rest } = message.request;
    const input = serialize(rest);
    const day = analysisDay(new Date(now));
    if (last !== null && last.day === day && last.input.equals(input)) {
      parentPort?.postMessage({ id: message.id, ok: true, unchanged: true });
      return;
    }
    const answer = serialize(analyzeRequest(workspaces, message.request));
    const same = last !== null && last.answer.equals(answer);
    last = { input, day, answer };
    if (same) {
      parentPort?.postMessage({ id: message.id, ok: true, unchanged: true });
      return;
    }
    // The result goes as the bytes already made for the comparison (a copy, moved, not cloned).
    const bytes = new Uint8Array(answer);
    parentPort?.postMessage({ id: message.id, ok: true, bytes }, [bytes.buffer]);
  } catch (error) {
    last = null;
    parentPort?.postMessage({ id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
