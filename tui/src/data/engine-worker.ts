import { parentPort } from 'node:worker_threads';
import { analyzeRequest, createAnalysisWorkspaces, type AnalysisRequest } from './analysis.js';

/** The worker thread behind `createAnalyzer`: one set of workspaces, one request at a time. */
const workspaces = createAnalysisWorkspaces();

parentPort?.on('message', (message: { id: number; request: AnalysisRequest }) => {
  try {
    parentPort?.postMessage({ id: message.id, ok: true, result: analyzeRequest(workspaces, message.request) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
