import { listenersByPort, PROTOCOL, readGateway, TLS_MODE } from '../resources/gateway.js';
import { fieldPath, indexPath } from '../base/path.js';
import { lookup } from '../resources/decode.js';
import type { ResourceDoc } from '../resources/types.js';
import type { YNode, YPair } from '../syntax/tree.js';

/**
 * The DataSource oneof, latest declared first: when several are written the last one set wins.
 */
const DATASOURCE_MEMBERS = ['inlineString', 'inline', 'file', 'secret'] as const;
export type DataSourceMember = (typeof DATASOURCE_MEMBERS)[number];

/** The member a certificate DataSource uses, and its pair; null for `{}` or a non-map. */
export function dataSourceMember(node: YNode): { member: DataSourceMember; pair: YPair } | null {
  for (const member of DATASOURCE_MEMBERS) {
    const pair = lookup(node, member);
    const v = pair?.value;
    if (pair && v && v.kind === 'scalar' && v.type === 'string') return { member, pair };
  }
  return null;
}

/**
 * Every certificate the gateway loads for a listener that terminates TLS (HTTPS or TLS with mode
 * TERMINATE, not crossMesh, on a port whose first listener is not crossMesh), with its Kuma path
 * (`conf.listeners[i].tls.certificates[j].<member>`) and the DataSource member it uses.
 */
export function terminatingCertificates(doc: ResourceDoc): { path: string; member: DataSourceMember; pair: YPair }[] {
  const out: { path: string; member: DataSourceMember; pair: YPair }[] = [];
  for (const listeners of listenersByPort(readGateway(doc))) {
    if (listeners[0].crossMesh.value) continue;
    for (const l of listeners) {
      const terminates = l.protocol.value === PROTOCOL.HTTPS || l.protocol.value === PROTOCOL.TLS;
      if (!terminates || l.crossMesh.value || l.mode.value !== TLS_MODE.TERMINATE) continue;
      l.certificates.value.forEach((certificate, j) => {
        const source = dataSourceMember(certificate);
        if (source) out.push({ path: fieldPath(indexPath(fieldPath(fieldPath(l.path, 'tls'), 'certificates'), j), source.member), ...source });
      });
    }
  }
  return out;
}
