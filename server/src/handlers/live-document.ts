import type { CancellationToken } from 'vscode-languageserver/node';
import { answer, liveDocumentKey, type ServerContext } from '../context.js';
import type { LiveDocumentParams } from '../protocol.js';

/** `meshgw/liveDocument`: a control plane's resource as last read, for a read-only document. */
export function onLiveDocument(ctx: ServerContext) {
  return (params: LiveDocumentParams, token: CancellationToken): Promise<{ text: string } | null> =>
    answer(ctx, 'meshgw/liveDocument', token, null, () => {
      const key = liveDocumentKey(params.uri);
      const text = key === null ? null : ctx.store.text(key);
      return text === null ? null : { text };
    });
}
