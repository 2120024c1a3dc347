import { dataplaneType } from '../../resources/dataplane.js';
import { keySpan, listField, messageField } from '../../resources/decode.js';
import type { AdmissionRule } from '../rule.js';

/**
 * A delegated gateway Dataplane (`networking.gateway` of type DELEGATED, the default) has no
 * inbounds, nor zone proxy listeners (a field since 2.14). Outbounds and probes are allowed.
 */
export const dataplaneDelegated: AdmissionRule = {
  id: 'dataplane-delegated-sections',
  kinds: ['Dataplane'],
  check(doc, report) {
    if (dataplaneType(doc) !== 'delegated') return;
    const networking = messageField(doc.spec, 'networking').value;
    for (const name of ['inbound', 'listeners'] as const) {
      const list = listField(networking, name);
      if (list.value.length > 0 && list.pair) {
        report({ path: `networking.${name}`, message: `${name} cannot be defined for delegated gateways`, span: keySpan(list.pair) });
      }
    }
  },
};
