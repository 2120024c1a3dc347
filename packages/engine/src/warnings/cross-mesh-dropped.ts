import { listenersByPort, readGateway } from '../resources/gateway.js';
import { fieldPath } from '../base/path.js';
import { itemAnchor, valueSpan } from '../resources/decode.js';
import type { WarningRule } from '../admission/rule.js';

/**
 * `crossMesh: true` on a later listener of a port whose first listener is not crossMesh: Kuma
 * takes crossMesh of a port from its first listener, so the flag is ignored.
 */
export const crossMeshDropped: WarningRule = {
  id: 'cross-mesh-dropped',
  kinds: ['MeshGateway'],
  check(doc, report) {
    for (const [first, ...rest] of listenersByPort(readGateway(doc))) {
      if (first.crossMesh.value) continue;
      for (const l of rest) {
        if (!l.crossMesh.value) continue;
        report({
          path: fieldPath(l.path, 'crossMesh'),
          message:
            `crossMesh is ignored here: Kuma takes crossMesh of port ${l.port.value} from its first listener ` +
            `(${first.path}), which is not crossMesh, so this listener is served like the others on the port.`,
          span: l.crossMesh.pair ? valueSpan(l.crossMesh.pair) : itemAnchor(l.node),
        });
      }
    }
  },
};
