import { dataplaneType } from '../../resources/dataplane.js';
import { isDNSName, isIP } from '../checks/net-address.js';
import { keySpan, messageField, specAnchor, stringField, valueSpan } from '../../resources/decode.js';
import type { AdmissionRule } from '../rule.js';

/**
 * Kuma's `validateAddress` for `networking.address`: required, not a wildcard, an IP address or a
 * domain name. Returns the messages in Kuma's order.
 */
export function addressViolations(address: string): string[] {
  if (address === '') return ["address can't be empty"];
  const out: string[] = [];
  if (address === '0.0.0.0' || address === '::') out.push('must not be 0.0.0.0 or ::');
  if (!isIP(address) && !isDNSName(address)) out.push('address has to be valid IP address or domain name');
  return out;
}

/** `networking.address` of a Dataplane of any type. */
export const dataplaneAddress: AdmissionRule = {
  id: 'dataplane-address',
  kinds: ['Dataplane'],
  check(doc, report) {
    if (!dataplaneType(doc)) return;
    const networking = messageField(doc.spec, 'networking');
    const address = stringField(networking.value, 'address');
    const span = address.pair ? valueSpan(address.pair) : networking.pair ? keySpan(networking.pair) : specAnchor(doc);
    for (const message of addressViolations(address.value)) report({ path: 'networking.address', message, span });
  },
};
