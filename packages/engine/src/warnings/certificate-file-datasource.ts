import { listenersByPort, PROTOCOL, readGateway, TLS_MODE } from '../resources/gateway.js';
import { fieldPath, indexPath } from '../base/path.js';
import { lookup, keySpan } from '../resources/decode.js';
import type { WarningRule } from '../admission/rule.js';
import type { YNode, YPair } from '../syntax/tree.js';

/**
 * The DataSource oneof, latest declared first: when several are written the last one set wins.
 */
const DATASOURCE_MEMBERS = ['inlineString', 'inline', 'file', 'secret'] as const;

/** The member a certificate DataSource uses, and its pair; null for `{}` or a non-map. */
export function dataSourceMember(node: YNode): { member: (typeof DATASOURCE_MEMBERS)[number]; pair: YPair } | null {
  for (const member of DATASOURCE_MEMBERS) {
    const pair = lookup(node, member);
    const v = pair?.value;
    if (pair && v && v.kind === 'scalar' && v.type === 'string') return { member, pair };
  }
  return null;
}

/**
 * A `file` certificate on a listener that terminates TLS: admission accepts it, but the gateway
 * loads certificates through a loader that has no file support, so generation fails.
 */
export const certificateFileDatasource: WarningRule = {
  id: 'certificate-file-datasource',
  kinds: ['MeshGateway'],
  check(doc, report) {
    for (const listeners of listenersByPort(readGateway(doc))) {
      if (listeners[0].crossMesh.value) continue;
      for (const l of listeners) {
        const terminates = l.protocol.value === PROTOCOL.HTTPS || l.protocol.value === PROTOCOL.TLS;
        if (!terminates || l.crossMesh.value || l.mode.value !== TLS_MODE.TERMINATE) continue;
        l.certificates.value.forEach((certificate, j) => {
          const source = dataSourceMember(certificate);
          if (source?.member !== 'file') return;
          report({
            path: fieldPath(indexPath(fieldPath(fieldPath(l.path, 'tls'), 'certificates'), j), 'file'),
            message:
              'Kuma accepts a `file` certificate, but the builtin gateway cannot load one: generating the configuration of ' +
              'this gateway\'s proxies will fail with "unsupported type of the DataSource" and they keep their last ' +
              'configuration. Store the certificate in a Secret and refer to it with `secret:`.',
            span: keySpan(source.pair),
          });
        });
      }
    }
  },
};
