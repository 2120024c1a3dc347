import { definitionAt } from '@meshgw/engine';
import type { CancellationToken, DefinitionParams, Location } from 'vscode-languageserver/node';
import { toLocations, toOffset } from '../convert.js';
import { answer, geometryOf, navigableFile, type ServerContext } from '../context.js';

/** `textDocument/definition`: the Secret, gateway, listeners or Dataplanes the cursor points at. */
export function onDefinition(ctx: ServerContext) {
  return (params: DefinitionParams, token: CancellationToken): Promise<Location[]> =>
    answer(ctx, 'definition', token, [], () => {
      const key = ctx.store.key(params.textDocument.uri);
      const geometry = geometryOf(ctx, key);
      if (!geometry) return [];
      return toLocations(definitionAt(ctx.store.analysis(), key, toOffset(geometry, params.position)), (file) => navigableFile(ctx, file));
    });
}
