import { completeAt } from '@meshgw/engine';
import type { CancellationToken, CompletionList, CompletionParams } from 'vscode-languageserver/node';
import { toCompletionItems, toOffset } from '../convert.js';
import { answer, geometryOf, type ServerContext } from '../context.js';

export function onCompletion(ctx: ServerContext) {
  return (params: CompletionParams, token: CancellationToken): Promise<CompletionList> =>
    answer(ctx, 'completion', token, { isIncomplete: false, items: [] }, () => {
      const key = ctx.store.key(params.textDocument.uri);
      const geometry = geometryOf(ctx, key);
      const text = ctx.store.text(key);
      if (!geometry || text === null) return { isIncomplete: false, items: [] };
      const entries = completeAt(ctx.store.analysis(), key, toOffset(geometry, params.position), text);
      return { isIncomplete: false, items: toCompletionItems(entries, geometry, ctx.client) };
    });
}
