import { dataplaneType } from '../../resources/dataplane.js';
import { keySpan, listField, lookup, messageField, specAnchor } from '../../resources/decode.js';
import type { AdmissionRule } from '../rule.js';

/**
 * Up to 2.13, a Dataplane that is not a gateway needs at least one inbound. From 2.14 a sidecar
 * may have none (outbound-only, or zone proxy listeners only).
 */
export const dataplaneInboundRequired: AdmissionRule = {
  id: 'dataplane-inbound-required',
  kinds: ['Dataplane'],
  versions: { until: '2.14' },
  check(doc, report) {
    if (dataplaneType(doc) !== 'sidecar') return;
    const networking = messageField(doc.spec, 'networking');
    if (listField(networking.value, 'inbound').value.length > 0) return;
    const inbound = lookup(networking.value, 'inbound');
    const span = inbound ? keySpan(inbound) : networking.pair ? keySpan(networking.pair) : specAnchor(doc);
    report({ path: 'networking', message: 'has to contain at least one inbound interface or gateway', span });
  },
};
