import { parentPort } from 'node:worker_threads';
import { createWorkspace } from '@meshgw/engine';
import { analyzeRequest, type AnalysisRequest } from './analysis.js';

/** The worker thread behind `createAnalyzer`: one workspace, one request at a time. */
const workspace = createWorkspace();

parentPort?.on('message', (message: { id: number; request: AnalysisRequest }) => {
  try {
    parentPort?.postMessage({ id: message.id, ok: true, result: analyzeRequest(workspace, message.request) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
