import { hoverAt } from '@meshgw/engine';
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver/node';
import { toHover, toOffset } from '../convert.js';
import { answer, geometryOf, type ServerContext } from '../context.js';

export function onHover(ctx: ServerContext) {
  return (params: HoverParams, token: CancellationToken): Promise<Hover | null> =>
    answer(ctx, 'hover', token, null, () => {
      const key = ctx.store.key(params.textDocument.uri);
      const geometry = geometryOf(ctx, key);
      if (!geometry) return null;
      const hover = hoverAt(ctx.store.analysis(), key, toOffset(geometry, params.position));
      if (!hover) return null;
      // A stale control plane says so under what it contributed.
      const stale = ctx.live.staleNote();
      return toHover(stale ? { ...hover, markdown: `${hover.markdown}\n\n${stale}` } : hover, geometry);
    });
}
