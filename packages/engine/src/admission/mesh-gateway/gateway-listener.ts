import { PROTOCOL, readGateway } from '../../resources/gateway.js';
import { utf8Length } from '../../base/go-text.js';
import { fieldPath } from '../../base/path.js';
import { itemAnchor, valueSpan } from '../../resources/decode.js';
import { inRange } from '../../kuma/versions.js';
import type { KumaVersion } from '../../kuma/versions.js';
import type { AdmissionRule, VersionedCheck } from '../rule.js';

const HOSTNAME_LENGTH: VersionedCheck = {
  versions: { since: '2.6' },
  what: 'also refuses a hostname longer than 253 characters (`must be at most 253 characters`)',
};
const UDP_TLS_REFUSED: VersionedCheck = {
  versions: { until: '2.2' },
  what: 'refuses the protocols UDP and TLS (`protocol type is not supported`), which its protos declare',
};

const DNS_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DOMAIN = new RegExp(`^${DNS_LABEL}(\\.${DNS_LABEL})*$`);

/**
 * Kuma's `ValidateHostname` for a non-empty listener hostname: `*`, `*.` + a DNS name, or a
 * lower-case DNS name (of at most 253 bytes from 2.6). Returns Kuma's messages, in Kuma's order.
 */
export function hostnameViolations(hostname: string, target: KumaVersion): string[] {
  if (hostname === '*') return [];
  const out: string[] = [];
  if (inRange(target, HOSTNAME_LENGTH.versions) && utf8Length(hostname) > 253) out.push('must be at most 253 characters');
  if (hostname.startsWith('*.')) {
    if (!DOMAIN.test(hostname.slice(2))) out.push('invalid wildcard domain');
    return out;
  }
  if (!DOMAIN.test(hostname)) out.push('invalid hostname');
  return out;
}

/**
 * Each MeshGateway listener: a valid hostname when one is given, a port in 1..65535, a
 * protocol (before 2.2 neither UDP nor TLS), and no HTTPS on a crossMesh listener.
 */
export const gatewayListener: AdmissionRule = {
  id: 'gateway-listener',
  kinds: ['MeshGateway'],
  group: 'gateway-listener',
  changes: [UDP_TLS_REFUSED, HOSTNAME_LENGTH],
  check(doc, report, target) {
    const udpTlsRefused = inRange(target, UDP_TLS_REFUSED.versions);
    for (const l of readGateway(doc).items) {
      const item = l.index;
      if (l.hostname.value !== '' && l.hostname.pair) {
        for (const message of hostnameViolations(l.hostname.value, target)) {
          report({ path: fieldPath(l.path, 'hostname'), message, span: valueSpan(l.hostname.pair), item });
        }
      }
      if (l.port.value === 0 || l.port.value > 65535) {
        report({
          path: fieldPath(l.path, 'port'),
          message: 'port must be in the range [1, 65535]',
          span: l.port.pair ? valueSpan(l.port.pair) : itemAnchor(l.node),
          item,
        });
      }
      const protocolSpan = l.protocol.pair ? valueSpan(l.protocol.pair) : itemAnchor(l.node);
      if (l.protocol.value === PROTOCOL.NONE) {
        report({ path: fieldPath(l.path, 'protocol'), message: 'cannot be empty', span: protocolSpan, item });
      } else if (udpTlsRefused && (l.protocol.value === PROTOCOL.UDP || l.protocol.value === PROTOCOL.TLS)) {
        report({ path: fieldPath(l.path, 'protocol'), message: 'protocol type is not supported', span: protocolSpan, item });
      } else if (l.protocol.value === PROTOCOL.HTTPS && l.crossMesh.value) {
        report({ path: fieldPath(l.path, 'protocol'), message: 'protocol is not supported with crossMesh', span: protocolSpan, item });
      }
    }
  },
};
