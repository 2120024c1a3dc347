import { keySpan, specAnchor, tagsField } from '../../resources/decode.js';
import { checkTags } from '../checks/tag-checks.js';
import { GATEWAY_RESERVED_TAGS } from '../../kuma/reserved-tags.js';
import type { AdmissionRule } from '../rule.js';
import { ownersOf } from '../checks/owners.js';

/** MeshGateway `tags`: tag syntax, and none of the keys that come from the Dataplane. */
export const gatewayTags: AdmissionRule = {
  id: 'gateway-tags',
  kinds: ['MeshGateway'],
  check(doc, report) {
    const tags = tagsField(doc.spec, 'tags');
    checkTags(
      'tags',
      tags.value,
      tags.pair ? keySpan(tags.pair) : specAnchor(doc),
      { values: 'selector', reservedKeys: GATEWAY_RESERVED_TAGS, written: { map: tags.pair?.value ?? null, owners: ownersOf(doc.spec, tags.pair) } },
      (path, message, span, fixes) => report({ path, message, span, fixes }),
    );
  },
};
