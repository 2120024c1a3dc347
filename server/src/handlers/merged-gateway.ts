import { gatewaysAt, inspectText, sortGateways } from '@meshgw/engine';
import type { CancellationToken } from 'vscode-languageserver/node';
import { toOffset } from '../convert.js';
import { answer, geometryOf, type ServerContext } from '../context.js';
import type { MergedGatewayParams, MergedGatewayResult } from '../protocol.js';
import { uriToPath } from '../uri.js';

/** `meshgw/mergedGateway`: the gateways at the cursor, as `meshgw inspect` prints them. */
export function onMergedGateway(ctx: ServerContext) {
  return (params: MergedGatewayParams, token: CancellationToken): Promise<MergedGatewayResult | null> =>
    answer(ctx, 'meshgw/mergedGateway', token, null, () => {
      const key = ctx.store.key(params.textDocument.uri);
      const geometry = geometryOf(ctx, key);
      if (!geometry) return null;
      const gateways = sortGateways(gatewaysAt(ctx.store.analysis(), key, toOffset(geometry, params.position)));
      if (gateways.length === 0) return null;
      // Files are keyed by URI inside the server; the report names them by path, as the CLI does.
      const shown = gateways.map((g) => ({ ...g, location: { ...g.location, file: uriToPath(g.location.file) ?? g.location.file } }));
      return { gateways: gateways.map((g) => ({ mesh: g.mesh, name: g.name })), text: inspectText(shown) };
    });
}
