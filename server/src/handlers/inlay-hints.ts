import { inlayHints } from '@meshgw/engine';
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver/node';
import { toInlayHints, toOffset } from '../convert.js';
import { answer, geometryOf, type ServerContext } from '../context.js';

/** `textDocument/inlayHint`: each listener's merged port and each certificate's state, in the range. */
export function onInlayHint(ctx: ServerContext) {
  return (params: InlayHintParams, token: CancellationToken): Promise<InlayHint[]> =>
    answer(ctx, 'inlayHint', token, [], () => {
      const key = ctx.store.key(params.textDocument.uri);
      const geometry = geometryOf(ctx, key);
      if (!geometry) return [];
      const span = { start: toOffset(geometry, params.range.start), end: toOffset(geometry, params.range.end) };
      return toInlayHints(inlayHints(ctx.store.analysis(), key, span), geometry);
    });
}
