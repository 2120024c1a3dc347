import { certificateFileDatasource } from './certificate-file-datasource.js';
import { certificateInlineString } from './certificate-inline-string.js';
import { certificatesIgnoredPassthrough } from './certificates-ignored-passthrough.js';
import { connectionLimitDropped } from './connection-limit-dropped.js';
import { crossMeshDropped } from './cross-mesh-dropped.js';
import { tlsIgnored } from './tls-ignored.js';
import { tlsListenerWithoutTls } from './tls-listener-without-tls.js';
import type { WarningRule } from '../admission/rule.js';

/** What Kuma accepts but then drops or fails on when it generates the gateway's configuration. */
export const WARNING_RULES: readonly WarningRule[] = [
  certificateFileDatasource,
  certificateInlineString,
  tlsListenerWithoutTls,
  connectionLimitDropped,
  crossMeshDropped,
  tlsIgnored,
  certificatesIgnoredPassthrough,
];
