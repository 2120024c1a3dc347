import { isBuiltinGateway } from '../../resources/dataplane.js';
import { isIP } from '../checks/net-address.js';
import { fieldPath, goQuote, indexPath, keyPath } from '../../base/path.js';
import { itemAnchor, keySpan, listField, lookup, messageField, stringField, tagsField, uintField, valueSpan } from '../../resources/decode.js';
import { checkTags } from '../checks/tag-checks.js';
import { PROTOCOL_TAG, SERVICE_TAG } from '../../kuma/reserved-tags.js';
import type { TagEntry } from '../../resources/decode.js';
import type { Emit } from '../checks/tag-checks.js';
import type { AdmissionRule, Report } from '../rule.js';
import type { YNode, YPair } from '../../syntax/tree.js';

/** Protocols `ParseProtocol` knows (compared lower-cased), and the ones Kuma lists to the user. */
const KNOWN_PROTOCOLS: ReadonlySet<string> = new Set(['tcp', 'tls', 'http', 'http2', 'grpc', 'kafka', 'mysql']);
const ALLOWED_HINT = 'Allowed values: grpc, http, http2, kafka, tcp';

/**
 * Inbounds of a builtin gateway Dataplane are refused (see `dataplane-builtin-sections`), yet
 * Kuma still validates each one as for any Dataplane; this rule reports those checks.
 */
export const dataplaneInbound: AdmissionRule = {
  id: 'dataplane-inbound',
  kinds: ['Dataplane'],
  check(doc, report) {
    if (!isBuiltinGateway(doc)) return;
    const networking = messageField(doc.spec, 'networking').value;
    const dataplaneAddress = stringField(networking, 'address').value;
    listField(networking, 'inbound').value.forEach((inbound, i) => {
      const path = indexPath('networking.inbound', i);
      checkInbound(inbound, path, dataplaneAddress, report);
      const tags = tagsField(inbound, 'tags');
      if (tags.value.length > 0 && tags.pair && !tags.value.some((t) => t.key === SERVICE_TAG)) {
        report({ path: keyPath(fieldPath(path, 'tags'), SERVICE_TAG), message: 'tag has to exist', span: keySpan(tags.pair) });
      }
    });
  },
};

function checkInbound(inbound: YNode, path: string, dataplaneAddress: string, report: Report): void {
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
    { values: 'tags', mapChecks: [knownProtocol] },
    (p, message, span) => report({ path: p, message, span }),
  );
  const protocol = stringField(inbound, 'protocol');
  if (protocol.value !== '' && !KNOWN_PROTOCOLS.has(protocol.value.toLowerCase())) {
    report({
      path: fieldPath(path, 'protocol'),
      message: `has an invalid value ${goQuote(protocol.value)}. ${ALLOWED_HINT}`,
      span: at(protocol),
    });
  }
  checkServiceProbe(inbound, fieldPath(path, 'serviceProbe'), report);
}

function knownProtocol(entries: TagEntry[], path: string, emit: Emit): void {
  const protocol = entries.find((e) => e.key === PROTOCOL_TAG);
  if (protocol && !KNOWN_PROTOCOLS.has(protocol.value.toLowerCase())) {
    emit(
      keyPath(path, PROTOCOL_TAG),
      `tag ${goQuote(PROTOCOL_TAG)} has an invalid value ${goQuote(protocol.value)}. ${ALLOWED_HINT}`,
      valueSpan(protocol.pair),
    );
  }
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

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600,
};

/** Go's `time.ParseDuration` (how the decoder reads a Duration): seconds, or null if invalid. */
export function parseGoDuration(text: string): number | null {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return null;
  let total = 0;
  const re = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  while (s !== '') {
    const m = re.exec(s);
    if (!m || m[1] === '.') return null;
    total += Number(m[1]) * DURATION_UNITS[m[2]];
    s = s.slice(m[0].length);
  }
  return sign * total;
}
