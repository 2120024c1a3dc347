import { listenersByPort, readGateway } from '../../resources/gateway.js';
import type { ListenerRead } from '../../resources/gateway.js';
import { fieldPath } from '../../base/path.js';
import { itemAnchor, valueSpan } from '../../resources/decode.js';
import type { AdmissionRule } from '../rule.js';

/**
 * Listeners sharing a port must agree: one protocol, distinct hostnames ("" is `*`), at most
 * one distinct non-zero connection limit. Kuma reports every listener involved; it walks Go
 * maps, so its order between ports varies: here ports come in order of first appearance.
 */
export const gatewayPortConflicts: AdmissionRule = {
  id: 'gateway-port-conflicts',
  kinds: ['MeshGateway'],
  check(doc, report) {
    const ports = listenersByPort(readGateway(doc));
    for (const listeners of ports) {
      if (new Set(listeners.map((l) => l.protocol.value)).size <= 1) continue;
      for (const l of listeners) {
        report({
          path: l.path,
          message: 'protocol conflicts with other listeners on this port',
          span: l.protocol.pair ? valueSpan(l.protocol.pair) : itemAnchor(l.node),
        });
      }
    }
    for (const listeners of ports) {
      const byHostname = new Map<string, ListenerRead[]>();
      for (const l of listeners) {
        const hostname = l.hostname.value === '' ? '*' : l.hostname.value;
        byHostname.set(hostname, [...(byHostname.get(hostname) ?? []), l]);
      }
      for (const same of byHostname.values()) {
        if (same.length <= 1) continue;
        for (const l of same) {
          report({
            path: l.path,
            message: 'multiple listeners for hostname on this port',
            span: l.hostname.pair ? valueSpan(l.hostname.pair) : itemAnchor(l.node),
          });
        }
      }
    }
    for (const listeners of ports) {
      const limited = listeners.filter((l) => l.connectionLimit.value !== 0);
      if (new Set(limited.map((l) => l.connectionLimit.value)).size <= 1) continue;
      for (const l of limited) {
        report({
          path: fieldPath(fieldPath(l.path, 'resources'), 'connectionLimit'),
          message: 'conflicting values for this port',
          span: l.connectionLimit.pair ? valueSpan(l.connectionLimit.pair) : itemAnchor(l.node),
        });
      }
    }
  },
};
