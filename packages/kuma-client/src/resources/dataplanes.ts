import type { KumaClient } from '../client.js';
import { decodeDataplaneRefs, decodeGatewayDataplane } from '../decode.js';
import { clientError } from '../errors.js';
import { fail, ok } from '../result.js';
import type { CallOptions, GatewayDataplane, Result } from '../types.js';
import { getOne, meshPath, type Requests } from './resource-requests.js';

async function listGatewayDataplanes(requests: Requests, mesh: string, options: CallOptions): Promise<Result<GatewayDataplane[]>> {
  const path = meshPath(mesh, 'dataplanes+insights');
  let response = await requests.list(path, { query: { gateway: 'builtin' }, signal: options.signal });
  if (!response.ok && response.error.status === 400) {
    response = await requests.list(path, { query: { gateway: 'true' }, signal: options.signal });
  }
  if (!response.ok) return response;
  const out: GatewayDataplane[] = [];
  for (const item of response.value) {
    const dataplane = decodeGatewayDataplane(item, mesh);
    if (dataplane === null) return fail(clientError('bad-shape', `GET ${path} returned an item without a name.`, { path }));
    if (dataplane.gatewayType === 'BUILTIN') out.push(dataplane);
  }
  return ok(out);
}

/** A mesh's builtin gateway proxies, and the proxies a gateway's selectors match. */
export function dataplaneCalls(requests: Requests): Pick<KumaClient, 'listGatewayDataplanes' | 'getMeshGatewayDataplanes'> {
  return {
    listGatewayDataplanes: (mesh, options = {}) => listGatewayDataplanes(requests, mesh, options),
    getMeshGatewayDataplanes: (mesh, gateway, options = {}) =>
      getOne(requests, meshPath(mesh, `meshgateways/${encodeURIComponent(gateway)}/dataplanes`), options, decodeDataplaneRefs, 'a dataplane list ({"items": [{"dataplane": ...}]})'),
  };
}
