import { documentSymbols } from '@meshgw/engine';
import type { CancellationToken, DocumentSymbol, DocumentSymbolParams, SymbolInformation } from 'vscode-languageserver/node';
import { toDocumentSymbols, toSymbolInformation } from '../convert.js';
import { answer, geometryOf, type ServerContext } from '../context.js';

export function onDocumentSymbol(ctx: ServerContext) {
  return (params: DocumentSymbolParams, token: CancellationToken): Promise<DocumentSymbol[] | SymbolInformation[]> =>
    answer(ctx, 'documentSymbol', token, [], () => {
      const key = ctx.store.key(params.textDocument.uri);
      const geometry = geometryOf(ctx, key);
      if (!geometry) return [];
      const symbols = documentSymbols(ctx.store.analysis(), key);
      return ctx.client.hierarchicalSymbols ? toDocumentSymbols(symbols, geometry) : toSymbolInformation(symbols, geometry, params.textDocument.uri);
    });
}
