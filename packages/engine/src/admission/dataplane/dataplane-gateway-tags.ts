import { dataplaneType } from '../../resources/dataplane.js';
import { goQuote, keyPath } from '../../base/path.js';
import { keySpan, messageField, tagsField, valueSpan } from '../../resources/decode.js';
import { checkTags } from '../checks/tag-checks.js';
import { PROTOCOL_TAG } from '../../kuma/reserved-tags.js';
import { inRange } from '../../kuma/versions.js';
import type { KumaVersion, VersionRange } from '../../kuma/versions.js';
import type { TagEntry } from '../../resources/decode.js';
import type { Emit } from '../checks/tag-checks.js';
import type { AdmissionRule } from '../rule.js';

const PATH = 'networking.gateway.tags';

/** Up to 2.13, gateway tags need `kuma.io/service` even when there are none; from 2.14 only when there are tags. */
const SERVICE_ALWAYS_REQUIRED: VersionRange = { until: '2.14' };
/**
 * From 2.12 the protocol tag is compared as `ParseProtocol` reads it (any case of `tcp`) and
 * quoted as Go's `%q`; before, only `tcp` itself passed and the value was printed as written.
 */
const PROTOCOL_PARSED: VersionRange = { since: '2.12' };

/**
 * The tags of a gateway Dataplane, builtin or delegated: Dataplane tag syntax (no `/`, no `*` in
 * values), `kuma.io/service`, and `kuma.io/protocol` only `tcp`.
 */
export const dataplaneGatewayTags: AdmissionRule = {
  id: 'dataplane-gateway-tags',
  kinds: ['Dataplane'],
  check(doc, report, target) {
    const type = dataplaneType(doc);
    if (type !== 'builtin' && type !== 'delegated') return;
    const gateway = messageField(messageField(doc.spec, 'networking').value, 'gateway');
    const tags = tagsField(gateway.value, 'tags');
    const mapSpan = tags.pair ? keySpan(tags.pair) : gateway.pair ? keySpan(gateway.pair) : doc.root.span;
    checkTags(
      PATH,
      tags.value,
      mapSpan,
      { values: 'tags', requireService: tags.value.length > 0 || inRange(target, SERVICE_ALWAYS_REQUIRED), mapChecks: [tcpOnly(target)] },
      (path, message, span) => report({ path, message, span }),
    );
  },
};

function tcpOnly(target: KumaVersion) {
  const parsed = inRange(target, PROTOCOL_PARSED);
  return (entries: TagEntry[], path: string, emit: Emit): void => {
    const protocol = entries.find((e) => e.key === PROTOCOL_TAG);
    if (!protocol) return;
    if (parsed ? protocol.value.toLowerCase() === 'tcp' : protocol.value === 'tcp') return;
    const shown = parsed ? goQuote(protocol.value) : `"${protocol.value}"`;
    emit(keyPath(path, PROTOCOL_TAG), `other values than tcp are not allowed, provided value ${shown}`, valueSpan(protocol.pair));
  };
}
