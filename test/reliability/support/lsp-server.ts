import { startClient, type LspClient } from '../../server/support/lsp-client.js';

/** The clock the servers of these tests run at (`MESHGW_NOW`), so that certificate facts never drift. */
export const SERVER_NOW = '2026-06-01T00:00:00Z';

/**
 * Starts the built language server over stdio, initializes it with `folders` as the workspace
 * and resolves once it has indexed them, so that no request waits for indexing.
 */
export async function startIndexedServer(folders: string[]): Promise<LspClient> {
  const client = startClient({ env: { MESHGW_NOW: SERVER_NOW } });
  await client.initialize({ folders });
  await client.waitFor<{ message: string }>('window/logMessage', (p) => p.message.startsWith('meshgw: indexed'));
  return client;
}

/** Whether the server process is still running: it answers a request. */
export async function answers(client: LspClient): Promise<boolean> {
  try {
    await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere/alive.yaml' } }, { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The errors the server logged (`window/logMessage` of type Error), such as a handler that threw
 * and was answered with its fallback: a well-formed answer that hides a failure.
 */
export function loggedErrors(client: LspClient): string[] {
  return client.notifications
    .filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1)
    .map((n) => (n.params as { message: string }).message);
}
