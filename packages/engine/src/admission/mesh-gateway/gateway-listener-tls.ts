import { PROTOCOL, readGateway, TLS_MODE } from '../../resources/gateway.js';
import { fieldPath } from '../../base/path.js';
import { itemAnchor, keySpan, valueSpan } from '../../resources/decode.js';
import { inRange } from '../../kuma/versions.js';
import type { AdmissionRule, VersionedCheck } from '../rule.js';

const PASSTHROUGH_WITHOUT_CERTIFICATES: VersionedCheck = {
  versions: { until: '2.2' },
  what: 'refuses certificates in PASSTHROUGH mode (`must be empty in TLS passthrough mode`); from 2.3 they are accepted and ignored',
};
const HTTPS_PASSTHROUGH_REFUSED: VersionedCheck = {
  versions: { since: '2.3' },
  what: 'refuses PASSTHROUGH on an HTTPS listener (`mode is not supported on HTTPS listeners`); 2.2 cannot read the mode, 2.0 and 2.1 accept it',
};

/**
 * The `tls` of each MeshGateway listener: HTTPS needs one and (from 2.3) cannot pass through; a
 * present `tls` needs a mode, TERMINATE needs 1 or 2 certificates (and before 2.2, PASSTHROUGH
 * none); a crossMesh listener's `tls` must be empty.
 */
export const gatewayListenerTls: AdmissionRule = {
  id: 'gateway-listener-tls',
  kinds: ['MeshGateway'],
  group: 'gateway-listener',
  changes: [PASSTHROUGH_WITHOUT_CERTIFICATES, HTTPS_PASSTHROUGH_REFUSED],
  check(doc, report, target) {
    const httpsPassthroughRefused = inRange(target, HTTPS_PASSTHROUGH_REFUSED.versions);
    const passthroughWithoutCertificates = inRange(target, PASSTHROUGH_WITHOUT_CERTIFICATES.versions);
    for (const l of readGateway(doc).items) {
      const item = l.index;
      const tlsPath = fieldPath(l.path, 'tls');
      const tls = l.tls.value;
      const tlsKey = l.tls.pair ? keySpan(l.tls.pair) : itemAnchor(l.node);
      const modeSpan = l.mode.pair ? valueSpan(l.mode.pair) : tlsKey;
      if (l.protocol.value === PROTOCOL.HTTPS && !l.crossMesh.value) {
        if (!tls) {
          report({ path: tlsPath, message: 'cannot be empty', span: tlsKey, item });
        } else if (httpsPassthroughRefused && l.mode.value === TLS_MODE.PASSTHROUGH) {
          const fixes = l.mode.pair ? [{ title: 'Replace PASSTHROUGH by TERMINATE', edits: [{ span: valueSpan(l.mode.pair), newText: 'TERMINATE' }] }] : undefined;
          report({ path: fieldPath(tlsPath, 'mode'), message: 'mode is not supported on HTTPS listeners', span: modeSpan, item, fixes });
        }
      }
      if (!tls) continue;
      const certificatesPath = fieldPath(tlsPath, 'certificates');
      const certificatesSpan = l.certificates.pair ? keySpan(l.certificates.pair) : tlsKey;
      if (!l.crossMesh.value) {
        if (l.mode.value === TLS_MODE.NONE) {
          report({ path: fieldPath(tlsPath, 'mode'), message: 'cannot be empty', span: modeSpan, item });
        } else if (l.mode.value === TLS_MODE.TERMINATE) {
          const count = l.certificates.value.length;
          if (count === 0) {
            report({ path: certificatesPath, message: 'cannot be empty in TLS termination mode', span: certificatesSpan, item });
          } else if (count > 2) {
            report({ path: certificatesPath, message: 'cannot have more than 2 certificates', span: certificatesSpan, item });
          }
        } else if (passthroughWithoutCertificates && l.mode.value === TLS_MODE.PASSTHROUGH && l.certificates.value.length > 0) {
          report({ path: certificatesPath, message: 'must be empty in TLS passthrough mode', span: certificatesSpan, item });
        }
      } else if (l.mode.value !== TLS_MODE.NONE || l.certificates.value.length > 0) {
        report({ path: tlsPath, message: 'must be empty with crossMesh', span: tlsKey, item });
      }
    }
  },
};
