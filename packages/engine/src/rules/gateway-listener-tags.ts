import { readGateway } from './gateway-read.js';
import { fieldPath } from './path.js';
import { itemAnchor, keySpan } from './read.js';
import { checkTags, GATEWAY_RESERVED_TAGS } from './tag-checks.js';
import type { AdmissionRule } from './rule.js';

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
        { values: 'selector', reservedKeys: GATEWAY_RESERVED_TAGS },
        (path, message, span) => report({ path, message, span, item: l.index }),
      );
    }
  },
};
