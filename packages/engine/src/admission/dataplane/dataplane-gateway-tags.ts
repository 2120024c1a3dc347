import { isBuiltinGateway } from '../../resources/dataplane.js';
import { goQuote, keyPath } from '../../base/path.js';
import { keySpan, messageField, tagsField, valueSpan } from '../../resources/decode.js';
import { checkTags } from '../checks/tag-checks.js';
import { PROTOCOL_TAG } from '../../kuma/reserved-tags.js';
import type { TagEntry } from '../../resources/decode.js';
import type { Emit } from '../checks/tag-checks.js';
import type { AdmissionRule } from '../rule.js';

const PATH = 'networking.gateway.tags';

/**
 * The tags of a builtin gateway Dataplane: Dataplane tag syntax (no `/`, no `*` in values),
 * `kuma.io/service` whenever there are tags, and `kuma.io/protocol` only `tcp`.
 */
export const dataplaneGatewayTags: AdmissionRule = {
  id: 'dataplane-gateway-tags',
  kinds: ['Dataplane'],
  check(doc, report) {
    if (!isBuiltinGateway(doc)) return;
    const gateway = messageField(messageField(doc.spec, 'networking').value, 'gateway');
    const tags = tagsField(gateway.value, 'tags');
    const mapSpan = tags.pair ? keySpan(tags.pair) : gateway.pair ? keySpan(gateway.pair) : doc.root.span;
    checkTags(
      PATH,
      tags.value,
      mapSpan,
      { values: 'tags', requireService: tags.value.length > 0, mapChecks: [tcpOnly] },
      (path, message, span) => report({ path, message, span }),
    );
  },
};

function tcpOnly(entries: TagEntry[], path: string, emit: Emit): void {
  const protocol = entries.find((e) => e.key === PROTOCOL_TAG);
  if (protocol && protocol.value.toLowerCase() !== 'tcp') {
    emit(
      keyPath(path, PROTOCOL_TAG),
      `other values than tcp are not allowed, provided value ${goQuote(protocol.value)}`,
      valueSpan(protocol.pair),
    );
  }
}
