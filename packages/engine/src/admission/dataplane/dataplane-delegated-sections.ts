import { dataplaneType } from '../../resources/dataplane.js';
import { DATAPLANE_FIELD_VERSIONS } from '../../kuma/dataplane-field-versions.js';
import { inRange } from '../../kuma/versions.js';
import { keySpan, listField, messageField } from '../../resources/decode.js';
import type { AdmissionRule } from '../rule.js';

/**
 * A delegated gateway Dataplane (`networking.gateway` of type DELEGATED, the default) has no
 * inbounds, nor zone proxy listeners (a field since 2.14). Outbounds and probes are allowed.
 */
export const dataplaneDelegated: AdmissionRule = {
  id: 'dataplane-delegated-sections',
  kinds: ['Dataplane'],
  check(doc, report, target) {
    if (dataplaneType(doc) !== 'delegated') return;
    const networking = messageField(doc.spec, 'networking').value;
    const sections = inRange(target, DATAPLANE_FIELD_VERSIONS.listeners) ? (['inbound', 'listeners'] as const) : (['inbound'] as const);
    for (const name of sections) {
      const list = listField(networking, name);
      if (list.value.length > 0 && list.pair) {
        report({ path: `networking.${name}`, message: `${name} cannot be defined for delegated gateways`, span: keySpan(list.pair) });
      }
    }
  },
};
