import { keySpan, messageField, specAnchor } from '../../resources/decode.js';
import type { AdmissionRule } from '../rule.js';

/**
 * Every Dataplane needs `networking`. This is the one check made on any Dataplane: without
 * networking nothing tells a builtin gateway apart, and Kuma refuses it before anything else.
 */
export const dataplaneNetworking: AdmissionRule = {
  id: 'dataplane-networking',
  kinds: ['Dataplane'],
  check(doc, report) {
    const networking = messageField(doc.spec, 'networking');
    if (networking.value) return;
    report({ path: 'networking', message: 'must be defined', span: networking.pair ? keySpan(networking.pair) : specAnchor(doc) });
  },
};
