import { keySpan } from '../resources/decode.js';
import { terminatingCertificates } from './terminating-certificates.js';
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
    for (const c of terminatingCertificates(doc)) {
      if (c.member !== 'inlineString') continue;
      report({
        path: c.path,
        message:
          'Kuma before 2.8 accepts an `inlineString` certificate, but its builtin gateway cannot use one: generating the ' +
          'configuration of this gateway\'s proxies fails with "unsupported datasource type *v1alpha1.DataSource_InlineString" ' +
          'and they keep their last configuration. Use `inline` (base64) or a Secret, or run Kuma 2.8 or newer.',
        span: keySpan(c.pair),
      });
    }
  },
};
