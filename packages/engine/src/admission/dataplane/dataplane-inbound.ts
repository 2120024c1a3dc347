import { dataplaneType } from '../../resources/dataplane.js';
import { isIP } from '../checks/net-address.js';
import { fieldPath, goQuote, indexPath, keyPath } from '../../base/path.js';
import { parseGoDuration } from '../../base/go-duration.js';
import { itemAnchor, keySpan, listField, lookup, messageField, stringField, tagsField, uintField, valueSpan } from '../../resources/decode.js';
import { checkTags } from '../checks/tag-checks.js';
import { ALLOWED_PROTOCOLS_HINT, isKnownProtocol } from '../../kuma/protocols.js';
import { PROTOCOL_TAG, SERVICE_TAG } from '../../kuma/reserved-tags.js';
import { inRange } from '../../kuma/versions.js';
import type { KumaVersion, VersionRange } from '../../kuma/versions.js';
import type { TagEntry } from '../../resources/decode.js';
import type { Emit } from '../checks/tag-checks.js';
import type { AdmissionRule, Report } from '../rule.js';
import type { YNode, YPair } from '../../syntax/tree.js';

/** Up to 2.13 every inbound needs `kuma.io/service`; from 2.14 only an inbound with tags does. */
const SERVICE_ALWAYS_REQUIRED: VersionRange = { until: '2.14' };

/**
 * Each inbound of a Dataplane, of any type (a gateway Dataplane may not have inbounds, see
 * `dataplane-builtin-sections` and `dataplane-delegated-sections`, yet Kuma still validates each
 * one): ports, addresses, tags, protocol, service probe, then the service tag.
 */
export const dataplaneInbound: AdmissionRule = {
  id: 'dataplane-inbound',
  kinds: ['Dataplane'],
  check(doc, report, target) {
    if (!dataplaneType(doc)) return;
    const networking = messageField(doc.spec, 'networking').value;
    const dataplaneAddress = stringField(networking, 'address').value;
    listField(networking, 'inbound').value.forEach((inbound, i) => {
      const path = indexPath('networking.inbound', i);
      checkInbound(inbound, path, dataplaneAddress, report, target);
      const tags = tagsField(inbound, 'tags');
      if (tags.value.length === 0 && !inRange(target, SERVICE_ALWAYS_REQUIRED)) return;
      if (!tags.value.some((t) => t.key === SERVICE_TAG)) {
        report({ path: keyPath(fieldPath(path, 'tags'), SERVICE_TAG), message: 'tag has to exist', span: tags.pair ? keySpan(tags.pair) : itemAnchor(inbound) });
      }
    });
  },
};

function checkInbound(inbound: YNode, path: string, dataplaneAddress: string, report: Report, target: KumaVersion): void {
  const anchor = itemAnchor(inbound);
  const at = (f: { pair: YPair | null }) => (f.pair ? valueSpan(f.pair) : anchor);
  const port = uintField(inbound, 'port');
  const servicePort = uintField(inbound, 'servicePort');
  const serviceAddress = stringField(inbound, 'serviceAddress');
  const address = stringField(inbound, 'address');
  const portRange = 'port must be in the range [1, 65535]';
  if (port.value === 0 || port.value > 65535) report({ path: fieldPath(path, 'port'), message: portRange, span: at(port) });
  if (servicePort.value !== 0 && servicePort.value > 65535) {
    report({ path: fieldPath(path, 'servicePort'), message: portRange, span: at(servicePort) });
  }
  const samePorts = servicePort.value === 0 || servicePort.value === port.value;
  const differ = 'serviceAddress and servicePort has to differ from address and port';
  if (serviceAddress.value !== '') {
    if (!isIP(serviceAddress.value)) {
      report({ path: fieldPath(path, 'serviceAddress'), message: 'serviceAddress has to be valid IP address', span: at(serviceAddress) });
    }
    if (serviceAddress.value === dataplaneAddress && samePorts) {
      report({ path: fieldPath(path, 'serviceAddress'), message: differ, span: at(serviceAddress) });
    }
  }
  if (address.value !== '') {
    if (!isIP(address.value)) report({ path: fieldPath(path, 'address'), message: 'address has to be valid IP address', span: at(address) });
    if (address.value === serviceAddress.value && samePorts) {
      report({ path: fieldPath(path, 'serviceAddress'), message: differ, span: at(serviceAddress) });
    }
  }
  const tags = tagsField(inbound, 'tags');
  checkTags(
    fieldPath(path, 'tags'),
    tags.value,
    tags.pair ? keySpan(tags.pair) : anchor,
    { values: 'tags', mapChecks: [knownProtocol(target)] },
    (p, message, span) => report({ path: p, message, span }),
  );
  const protocol = stringField(inbound, 'protocol');
  if (protocol.value !== '' && !isKnownProtocol(protocol.value, target)) {
    report({
      path: fieldPath(path, 'protocol'),
      message: `has an invalid value ${goQuote(protocol.value)}. ${ALLOWED_PROTOCOLS_HINT}`,
      span: at(protocol),
    });
  }
  checkServiceProbe(inbound, fieldPath(path, 'serviceProbe'), report);
}

function knownProtocol(target: KumaVersion) {
  return (entries: TagEntry[], path: string, emit: Emit): void => {
    const protocol = entries.find((e) => e.key === PROTOCOL_TAG);
    if (protocol && !isKnownProtocol(protocol.value, target)) {
      emit(
        keyPath(path, PROTOCOL_TAG),
        `tag ${goQuote(PROTOCOL_TAG)} has an invalid value ${goQuote(protocol.value)}. ${ALLOWED_PROTOCOLS_HINT}`,
        valueSpan(protocol.pair),
      );
    }
  };
}

/**
 * `serviceProbe`: a given interval or timeout must be a positive duration, a given threshold
 * positive. A duration Kuma cannot parse is a parse error and reads as not given.
 */
function checkServiceProbe(inbound: YNode, path: string, report: Report): void {
  const probe = messageField(inbound, 'serviceProbe');
  if (!probe.value) return;
  for (const name of ['interval', 'timeout'] as const) {
    const pair = lookup(probe.value, name);
    const v = pair?.value;
    if (!pair || !v || v.kind !== 'scalar' || v.type !== 'string') continue;
    const seconds = parseGoDuration(v.value as string);
    if (seconds === 0) report({ path: fieldPath(path, name), message: 'must have a positive value', span: valueSpan(pair) });
  }
  for (const [name, proto] of [['unhealthyThreshold', 'unhealthy_threshold'], ['healthyThreshold', 'healthy_threshold']] as const) {
    const pair = lookup(probe.value, name, proto);
    if (!pair || (pair.value.kind === 'scalar' && pair.value.type === 'null')) continue;
    if (uintField(probe.value, name, proto).value === 0) {
      report({ path: fieldPath(path, name), message: 'must have a positive value', span: valueSpan(pair) });
    }
  }
}
