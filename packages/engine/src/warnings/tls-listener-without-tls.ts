import { listenersByPort, PROTOCOL, readGateway } from '../resources/gateway.js';
import { fieldPath } from '../base/path.js';
import { itemAnchor, valueSpan } from '../resources/decode.js';
import type { WarningRule } from '../admission/rule.js';
import { TLS_PROTOCOL_SUPPORTED } from '../kuma/enums.js';

/** A TLS listener without `tls`: admitted, but its filter chain cannot be generated. */
export const tlsListenerWithoutTls: WarningRule = {
  id: 'tls-listener-without-tls',
  kinds: ['MeshGateway'],
  versions: TLS_PROTOCOL_SUPPORTED,
  check(doc, report) {
    for (const listeners of listenersByPort(readGateway(doc))) {
      // The port's first listener decides crossMesh; a crossMesh port needs no `tls`.
      if (listeners[0].crossMesh.value) continue;
      for (const l of listeners) {
        if (l.protocol.value !== PROTOCOL.TLS || l.tls.value) continue;
        report({
          path: fieldPath(l.path, 'tls'),
          message:
            'This TLS listener has no `tls`: Kuma accepts it, but generating the configuration of this gateway\'s ' +
            'proxies will fail with unsupported TLS mode "NONE" and they keep their last configuration. Add `tls` ' +
            'with mode TERMINATE (and certificates) or PASSTHROUGH.',
          span: l.protocol.pair ? valueSpan(l.protocol.pair) : itemAnchor(l.node),
        });
      }
    }
  },
};
