import { PROTOCOL, readGateway } from '../resources/gateway.js';
import { fieldPath } from '../base/path.js';
import { keySpan } from '../resources/decode.js';
import type { WarningRule } from '../admission/rule.js';

/** A non-empty `tls` on an HTTP or TCP listener: validated at admission, then ignored. */
export const tlsIgnored: WarningRule = {
  id: 'tls-ignored',
  kinds: ['MeshGateway'],
  check(doc, report) {
    for (const l of readGateway(doc).items) {
      if (!l.tls.value || !l.tls.pair || l.tls.value.pairs.length === 0) continue;
      const plain = l.protocol.value === PROTOCOL.HTTP ? 'HTTP' : l.protocol.value === PROTOCOL.TCP ? 'TCP' : null;
      if (!plain) continue;
      const secure = plain === 'HTTP' ? 'HTTPS' : 'TLS';
      report({
        path: fieldPath(l.path, 'tls'),
        message:
          `\`tls\` is ignored on ${plain === 'HTTP' ? 'an' : 'a'} ${plain} listener: Kuma validates it but serves plain ${plain}. ` +
          `Use protocol ${secure} to terminate TLS.`,
        span: keySpan(l.tls.pair),
      });
    }
  },
};
