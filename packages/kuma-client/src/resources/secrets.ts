import { certificateBlocks } from '@meshgw/engine';
import type { KumaClient } from '../client.js';
import { isObject, stringMap } from '../decode.js';
import { clientError } from '../errors.js';
import type { CallOptions, SecretCertificates, SecretsState } from '../types.js';
import { meshPath, type Requests } from './resource-requests.js';

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/**
 * Reduces a Secret or GlobalSecret resource to its certificate blocks. `data` is decoded, the
 * `CERTIFICATE` blocks are kept and everything else (the private key above all) is dropped before
 * this function returns: nothing derived from the key leaves it. Returns null without a name.
 */
export function secretCertificates(item: unknown): SecretCertificates | null {
  if (!isObject(item) || typeof item.name !== 'string') return null;
  let certificates: string[] = [];
  let readable = false;
  if (typeof item.data === 'string' && BASE64.test(item.data)) {
    certificates = certificateBlocks(Buffer.from(item.data, 'base64').toString('utf8'));
    readable = true;
  }
  return {
    mesh: typeof item.mesh === 'string' ? item.mesh : null,
    name: item.name,
    labels: stringMap(item.labels),
    modificationTime: typeof item.modificationTime === 'string' ? item.modificationTime : null,
    certificates,
    readable,
  };
}

const FORBIDDEN_SECRETS = 'Certificate expiry needs an admin token: this identity may not read Secrets.';

/** Every page of Secrets at `path`, each reduced to its certificates; a 403 is the `forbidden` state. */
async function secretsAt(requests: Requests, path: string, options: CallOptions): Promise<Exclude<SecretsState, { state: 'not-requested' }>> {
  const response = await requests.list(path, { signal: options.signal });
  if (!response.ok) {
    if (response.error.kind === 'forbidden') return { state: 'forbidden', message: FORBIDDEN_SECRETS };
    return { state: 'error', error: response.error };
  }
  const secretsList: SecretCertificates[] = [];
  for (const item of response.value) {
    const secret = secretCertificates(item);
    if (secret === null) {
      return { state: 'error', error: clientError('bad-shape', `GET ${path} returned an item without a name.`, { path }) };
    }
    secretsList.push(secret);
  }
  return { state: 'ok', secrets: secretsList };
}

/** A mesh's Secrets and the GlobalSecrets, reduced to certificates. */
export function secretCalls(requests: Requests): Pick<KumaClient, 'listSecrets' | 'listGlobalSecrets'> {
  return {
    listSecrets: (mesh, options = {}) => secretsAt(requests, meshPath(mesh, 'secrets'), options),
    listGlobalSecrets: (options = {}) => secretsAt(requests, '/global-secrets', options),
  };
}
