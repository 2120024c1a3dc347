import { readGateway } from '../../resources/gateway.js';
import { fieldPath } from '../../base/path.js';
import { itemAnchor, keySpan } from '../../resources/decode.js';
import { checkTags } from '../checks/tag-checks.js';
import { GATEWAY_RESERVED_TAGS } from '../../kuma/reserved-tags.js';
import type { AdmissionRule } from '../rule.js';
import { ownersOf } from '../checks/owners.js';

/** Listener `tags`: tag syntax, and none of the keys that come from the Dataplane. */
export const gatewayListenerTags: AdmissionRule = {
  id: 'gateway-listener-tags',
  kinds: ['MeshGateway'],
  group: 'gateway-listener',
  check(doc, report) {
    for (const l of readGateway(doc).items) {
      checkTags(
        fieldPath(l.path, 'tags'),
        l.tags.value,
        l.tags.pair ? keySpan(l.tags.pair) : itemAnchor(l.node),
        { values: 'selector', reservedKeys: GATEWAY_RESERVED_TAGS, written: { map: l.tags.pair?.value ?? null, owners: ownersOf(l.node, l.tags.pair) } },
        (path, message, span, fixes) => report({ path, message, span, item: l.index, fixes }),
      );
    }
  },
};
