import { readGateway } from '../../resources/gateway.js';
import { keySpan, specAnchor } from '../../resources/decode.js';
import type { AdmissionRule } from '../rule.js';

/** MeshGateway `conf` is required and needs at least one listener. */
export const gatewayConf: AdmissionRule = {
  id: 'gateway-conf',
  kinds: ['MeshGateway'],
  check(doc, report) {
    const gateway = readGateway(doc);
    if (!gateway.conf.value) {
      report({ path: 'conf', message: 'cannot be empty', span: gateway.conf.pair ? keySpan(gateway.conf.pair) : specAnchor(doc) });
      return;
    }
    if (gateway.listeners.value.length === 0) {
      const at = gateway.listeners.pair ?? gateway.conf.pair;
      report({ path: 'conf.listeners', message: 'cannot be empty', span: at ? keySpan(at) : specAnchor(doc) });
    }
  },
};
