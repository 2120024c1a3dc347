import type { KumaClient } from '../client.js';
import { decodeConfig, decodeIndex, decodeResourceTypes } from '../decode.js';
import { getOne, listResources, type Requests } from './resource-requests.js';

/** What the control plane is (`/`, `/config`, `/_resources`) and its meshes. */
export function controlPlaneCalls(requests: Requests): Pick<KumaClient, 'getIndex' | 'getConfig' | 'getResourceTypes' | 'listMeshes'> {
  return {
    getIndex: (options = {}) => getOne(requests, '/', options, decodeIndex, 'the index ({"product", "version", ...})'),
    getConfig: (options = {}) => getOne(requests, '/config', options, decodeConfig, 'a configuration object'),
    getResourceTypes: (options = {}) => getOne(requests, '/_resources', options, decodeResourceTypes, 'a resource type list ({"resources": [...]})'),
    listMeshes: (options = {}) => listResources(requests, '/meshes', options),
  };
}
