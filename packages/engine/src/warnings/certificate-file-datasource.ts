import { keySpan } from '../resources/decode.js';
import { terminatingCertificates } from './terminating-certificates.js';
import type { WarningRule } from '../admission/rule.js';

/**
 * A `file` certificate on a listener that terminates TLS: admission accepts it, but the gateway
 * loads certificates through a loader that has no file support, so generation fails.
 */
export const certificateFileDatasource: WarningRule = {
  id: 'certificate-file-datasource',
  kinds: ['MeshGateway'],
  check(doc, report) {
    for (const c of terminatingCertificates(doc)) {
      if (c.member !== 'file') continue;
      report({
        path: c.path,
        message:
          'Kuma accepts a `file` certificate, but the builtin gateway cannot load one: generating the configuration of ' +
          'this gateway\'s proxies will fail with "unsupported type of the DataSource" and they keep their last ' +
          'configuration. Store the certificate in a Secret and refer to it with `secret:`.',
        span: keySpan(c.pair),
      });
    }
  },
};
