import { dataplaneType } from '../../resources/dataplane.js';
import { keySpan, listField, messageField } from '../../resources/decode.js';
import type { AdmissionRule } from '../rule.js';

/**
 * A builtin gateway Dataplane has no inbounds, outbounds, zone proxy listeners (a field since
 * 2.14) or probes.
 */
export const dataplaneBuiltin: AdmissionRule = {
  id: 'dataplane-builtin-sections',
  kinds: ['Dataplane'],
  check(doc, report) {
    if (dataplaneType(doc) !== 'builtin') return;
    const networking = messageField(doc.spec, 'networking').value;
    for (const name of ['inbound', 'outbound', 'listeners'] as const) {
      const list = listField(networking, name);
      if (list.value.length > 0 && list.pair) {
        report({ path: `networking.${name}`, message: `${name} cannot be defined for builtin gateways`, span: keySpan(list.pair) });
      }
    }
    const probes = messageField(doc.spec, 'probes');
    if (probes.value && probes.pair) {
      report({ path: 'networking.probes', message: 'probes cannot be defined for builtin gateways', span: keySpan(probes.pair) });
    }
  },
};
