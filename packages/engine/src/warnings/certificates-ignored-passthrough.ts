import { PROTOCOL, readGateway, TLS_MODE } from '../resources/gateway.js';
import { fieldPath } from '../base/path.js';
import { keySpan } from '../resources/decode.js';
import type { WarningRule } from '../admission/rule.js';
import { TLS_PROTOCOL_SUPPORTED } from '../kuma/enums.js';

/** Certificates on a TLS listener in PASSTHROUGH mode: never used. */
export const certificatesIgnoredPassthrough: WarningRule = {
  id: 'certificates-ignored-passthrough',
  kinds: ['MeshGateway'],
  versions: TLS_PROTOCOL_SUPPORTED,
  check(doc, report) {
    for (const l of readGateway(doc).items) {
      if (l.protocol.value !== PROTOCOL.TLS || l.mode.value !== TLS_MODE.PASSTHROUGH) continue;
      if (l.certificates.value.length === 0 || !l.certificates.pair) continue;
      report({
        path: fieldPath(fieldPath(l.path, 'tls'), 'certificates'),
        message:
          'These certificates are ignored: in PASSTHROUGH mode the gateway does not terminate TLS, it only routes ' +
          'connections by SNI to the backends, which present their own certificates.',
        span: keySpan(l.certificates.pair),
      });
    }
  },
};
