import { listenersByPort, readGateway } from '../resources/gateway.js';
import { fieldPath } from '../base/path.js';
import { itemAnchor, valueSpan } from '../resources/decode.js';
import type { WarningRule } from '../admission/rule.js';
import type { Fix } from '../base/diagnostic.js';
import { removePairEdit } from '../syntax/edits.js';
import { ownersOf } from '../admission/checks/owners.js';
import type { ListenerRead } from '../resources/gateway.js';

/**
 * A connection limit on a later listener of a port whose first listener sets none: Kuma takes a
 * port's resources from its first listener, so this limit is dropped.
 */
export const connectionLimitDropped: WarningRule = {
  id: 'connection-limit-dropped',
  kinds: ['MeshGateway'],
  check(doc, report) {
    for (const [first, ...rest] of listenersByPort(readGateway(doc))) {
      if (first.connectionLimit.value !== 0) continue;
      for (const l of rest) {
        if (l.connectionLimit.value === 0) continue;
        report({
          path: fieldPath(fieldPath(l.path, 'resources'), 'connectionLimit'),
          message:
            `This connection limit is dropped: Kuma takes the limit of port ${l.port.value} from its first listener ` +
            `(${first.path}), which sets none, so the port stays unlimited. Set the limit on that listener instead.`,
          span: l.connectionLimit.pair ? valueSpan(l.connectionLimit.pair) : itemAnchor(l.node),
          fixes: removalFix(l),
        });
      }
    }
  },
};

/** Removes the dropped limit (and `resources` when nothing else is in it). */
function removalFix(l: ListenerRead): Fix[] | undefined {
  const map = l.resources.value;
  if (!l.connectionLimit.pair || map?.kind !== 'map') return undefined;
  const edit = removePairEdit(map, l.connectionLimit.pair, ownersOf(l.node, l.resources.pair));
  return [{ title: 'Remove the connection limit Kuma drops', edits: [edit] }];
}
