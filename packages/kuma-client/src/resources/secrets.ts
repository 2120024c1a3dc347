import { certificateBlocks } from '@meshgw/engine';
import { isObject, stringMap } from '../decode.js';
import type { SecretCertificates } from '../types.js';

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
