import type { KumaClient } from '../client.js';
import { isObject } from '../decode.js';
import { fail } from '../result.js';
import type { RawResource } from '../types.js';
import { listResources, meshPath, type Requests } from './resource-requests.js';

/** A mesh's MeshGateways and the routes that may attach to them. */
export function gatewayCalls(
  requests: Requests,
): Pick<KumaClient, 'listMeshGateways' | 'listMeshGatewayRoutes' | 'listMeshHttpRoutes' | 'listMeshTcpRoutes'> {
  return {
    async listMeshGateways(mesh, options = {}) {
      const response = await listResources(requests, meshPath(mesh, 'meshgateways'), options);
      // A server without the kind answers its plain-text "404: Page Not Found"; a missing mesh
      // (2.7+) is a 404 with a Kuma error body ("Failed to retrieve Mesh"), and stays not-found.
      if (!response.ok && response.error.kind === 'not-found' && response.error.title === undefined) {
        return fail({
          ...response.error,
          kind: 'no-gateway-support',
          message: `The control plane at ${requests.url} has no builtin MeshGateway support (GET ${response.error.path ?? ''} answered 404). Kuma 2.14 is the last release with MeshGateway.`,
        });
      }
      return response;
    },
    listMeshGatewayRoutes: (mesh, options = {}) => listResources(requests, meshPath(mesh, 'meshgatewayroutes'), options),
    listMeshHttpRoutes: (mesh, options = {}) => listResources(requests, meshPath(mesh, 'meshhttproutes'), options),
    listMeshTcpRoutes: (mesh, options = {}) => listResources(requests, meshPath(mesh, 'meshtcproutes'), options),
  };
}

/** Whether a MeshHTTPRoute or MeshTCPRoute targets a MeshGateway (`spec.targetRef.kind`). */
export function targetsMeshGateway(route: RawResource): boolean {
  const spec = route.spec;
  return isObject(spec) && isObject(spec.targetRef) && spec.targetRef.kind === 'MeshGateway';
}
