import type { KumaClient } from '../client.js';
import { decodeConfig, decodeIndex, decodeResourceTypes } from '../decode.js';
import { getOne, listResources, type Requests } from './resource-requests.js';

// Kuma 2.0 answers `GET /config` with 406 to `Accept: application/json`: the route declares no
// media type, and only the wildcard (or no Accept at all) matches it. Every release from 2.0 to
// 2.14 answers the wildcard with the JSON configuration (test/fixtures/kuma/read-api).
const CONFIG_ACCEPT = '*/*';

/** What the control plane is (`/`, `/config`, `/_resources`) and its meshes. */
export function controlPlaneCalls(requests: Requests): Pick<KumaClient, 'getIndex' | 'getConfig' | 'getResourceTypes' | 'listMeshes'> {
  return {
    getIndex: (options = {}) => getOne(requests, '/', options, decodeIndex, 'the index ({"product", "version", ...})'),
    getConfig: (options = {}) => getOne(requests, '/config', { signal: options.signal, accept: CONFIG_ACCEPT }, decodeConfig, 'a configuration object'),
    getResourceTypes: (options = {}) => getOne(requests, '/_resources', options, decodeResourceTypes, 'a resource type list ({"resources": [...]})'),
    listMeshes: (options = {}) => listResources(requests, '/meshes', options),
  };
}
