import { listenersByPort, PROTOCOL, readGateway, TLS_MODE } from '../resources/gateway.js';
import { fieldPath, indexPath } from '../base/path.js';
import { keySpan } from '../resources/decode.js';
import { dataSourceMember } from './certificate-file-datasource.js';
import type { WarningRule } from '../admission/rule.js';

/**
 * An `inlineString` certificate on a listener that terminates TLS, before Kuma 2.8: admission
 * accepts it, but the gateway names each certificate by its datasource type and knows only
 * `file`, `secret` and `inline` there (`filter_chain_generator.go`), so generation fails. 2.8
 * added `inlineString`.
 */
export const certificateInlineString: WarningRule = {
  id: 'certificate-inline-string',
  kinds: ['MeshGateway'],
  versions: { until: '2.8' },
  check(doc, report) {
    for (const listeners of listenersByPort(readGateway(doc))) {
      if (listeners[0].crossMesh.value) continue;
      for (const l of listeners) {
        const terminates = l.protocol.value === PROTOCOL.HTTPS || l.protocol.value === PROTOCOL.TLS;
        if (!terminates || l.crossMesh.value || l.mode.value !== TLS_MODE.TERMINATE) continue;
        l.certificates.value.forEach((certificate, j) => {
          const source = dataSourceMember(certificate);
          if (source?.member !== 'inlineString') return;
          report({
            path: fieldPath(indexPath(fieldPath(fieldPath(l.path, 'tls'), 'certificates'), j), 'inlineString'),
            message:
              'Kuma before 2.8 accepts an `inlineString` certificate, but its builtin gateway cannot use one: generating the ' +
              'configuration of this gateway\'s proxies fails with "unsupported datasource type *v1alpha1.DataSource_InlineString" ' +
              'and they keep their last configuration. Use `inline` (base64) or a Secret, or run Kuma 2.8 or newer.',
            span: keySpan(source.pair),
          });
        });
      }
    }
  },
};
