import { describeAt, inspectText, type MergedGateway, type OffsetDescription } from '@meshgw/engine';
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
      const result = ctx.store.analysis();
      const at = describeAt(result, key, toOffset(geometry, params.position));
      const gateways = at ? gatewaysFor(at, result.gateways, key) : [];
      if (gateways.length === 0) return null;
      // Files are keyed by URI inside the server; the report names them by path, as the CLI does.
      const shown = gateways.map((g) => ({ ...g, location: { ...g.location, file: uriToPath(g.location.file) ?? g.location.file } }));
      return { gateways: gateways.map((g) => ({ mesh: g.mesh, name: g.name })), text: inspectText(shown) };
    });
}

/**
 * The gateway under the cursor; for a dataplane, the gateway it is bound to; for a route, the
 * gateways it attaches to; elsewhere in the file, every gateway the file declares.
 */
function gatewaysFor(at: OffsetDescription, all: MergedGateway[], file: string): MergedGateway[] {
  if (at.gateway) return at.gateway.merged ? [at.gateway.merged] : [];
  const dataplane = at.dataplane;
  if (dataplane) return all.filter((g) => g.dataplanes.some((d) => d.mesh === dataplane.mesh && d.name === dataplane.name));
  const route = at.route ? { kind: 'MeshGatewayRoute', ...at.route } : at.policy;
  if (route) {
    return all.filter((g) => g.listeners.some((l) => l.routes.some((r) => r.kind === route.kind && r.mesh === route.mesh && r.name === route.name)));
  }
  return all.filter((g) => g.location.file === file);
}
