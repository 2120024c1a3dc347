import type { LspClient, Message } from '../../server/support/lsp-client.js';

/**
 * Sends a request and resolves with the whole response message, error or result, without
 * throwing: for tests of what a server answers to requests it may reject.
 */
export function rawRequest(client: LspClient, method: string, params: unknown, options: { timeout?: number } = {}): Promise<Message> {
  const id = client.nextId();
  const reply = client.response(id, options);
  client.writeRaw(client.frame({ id, method, params }));
  return reply;
}

/** Whether a response is well formed: exactly one of `result` and `error`, an error with a numeric code. */
export function isAnswer(m: Message): boolean {
  const hasResult = 'result' in m;
  const hasError = m.error !== undefined;
  return hasResult !== hasError && (!hasError || (Number.isInteger(m.error!.code) && typeof m.error!.message === 'string'));
}

/** The five document requests every text editor sends, for the document `uri` at `position`. */
export function documentRequests(uri: string, position: { line: number; character: number }): { method: string; params: unknown }[] {
  const textDocument = { uri };
  return [
    { method: 'textDocument/hover', params: { textDocument, position } },
    { method: 'textDocument/completion', params: { textDocument, position } },
    { method: 'textDocument/documentSymbol', params: { textDocument } },
    { method: 'textDocument/codeAction', params: { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } } },
    { method: 'textDocument/diagnostic', params: { textDocument } },
  ];
}

/** What the five requests of `documentRequests` answer for a document the server does not hold. */
export const EMPTY_ANSWERS = [null, { isIncomplete: false, items: [] }, [], [], { kind: 'full', items: [] }];
