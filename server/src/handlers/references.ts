import { referencesAt } from '@meshgw/engine';
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver/node';
import { toLocations, toOffset } from '../convert.js';
import { answer, geometryOf, navigableFile, type ServerContext } from '../context.js';

/** `textDocument/references`: the listeners that use a Secret; the routes and Dataplanes of a gateway. */
export function onReferences(ctx: ServerContext) {
  return (params: ReferenceParams, token: CancellationToken): Promise<Location[]> =>
    answer(ctx, 'references', token, [], () => {
      const key = ctx.store.key(params.textDocument.uri);
      const geometry = geometryOf(ctx, key);
      if (!geometry) return [];
      const offset = toOffset(geometry, params.position);
      const found = referencesAt(ctx.store.analysis(), key, offset, { includeDeclaration: params.context.includeDeclaration });
      return toLocations(found, (file) => navigableFile(ctx, file));
    });
}
