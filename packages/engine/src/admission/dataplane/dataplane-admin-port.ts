import { dataplaneType } from '../../resources/dataplane.js';
import { isUnspecified, parseIP, sameIP } from '../checks/net-address.js';
import { keySpan, listField, messageField, stringField, uintField, valueSpan } from '../../resources/decode.js';
import type { AdmissionRule } from '../rule.js';
import type { YNode } from '../../syntax/tree.js';

const LOOPBACK = parseIP('127.0.0.1') ?? [];

/** Kuma's `overlap`: equal addresses, or either one unspecified; an invalid one overlaps nothing. */
function overlapsLoopback(address: string): boolean {
  const ip = parseIP(address);
  return ip !== null && (isUnspecified(ip) || sameIP(ip, LOOPBACK));
}

/**
 * The Envoy admin port of a Dataplane of any type (`networking.admin.port`) may not be a port an
 * inbound or outbound uses on 127.0.0.1 (Kuma checks this before anything else).
 */
export const dataplaneAdmin: AdmissionRule = {
  id: 'dataplane-admin-port',
  kinds: ['Dataplane'],
  check(doc, report) {
    if (!dataplaneType(doc)) return;
    const networking = messageField(doc.spec, 'networking');
    const admin = messageField(networking.value, 'admin');
    if (!admin.value || !admin.pair) return;
    const port = uintField(admin.value, 'port');
    const span = port.pair ? valueSpan(port.pair) : keySpan(admin.pair);
    const address = stringField(networking.value, 'address').value;
    const inbound = listField(networking.value, 'inbound').value;
    const outbound = listField(networking.value, 'outbound').value;
    if (inbound.some((i) => inboundUses(i, address, port.value))) {
      report({ path: 'networking.admin.port', message: 'must differ from inbound', span });
    }
    if (outbound.some((o) => outboundUses(o, port.value))) {
      report({ path: 'networking.admin.port', message: 'must differ from outbound', span });
    }
  },
};

function inboundUses(inbound: YNode, dataplaneAddress: string, port: number): boolean {
  const inboundPort = uintField(inbound, 'port').value;
  const servicePort = uintField(inbound, 'servicePort').value;
  const dataplaneIP = stringField(inbound, 'address').value || dataplaneAddress;
  const workloadIP = stringField(inbound, 'serviceAddress').value || dataplaneIP;
  const workloadPort = servicePort || inboundPort;
  return (port === inboundPort && overlapsLoopback(dataplaneIP)) || (port === workloadPort && overlapsLoopback(workloadIP));
}

function outboundUses(outbound: YNode, port: number): boolean {
  const address = stringField(outbound, 'address').value || '127.0.0.1';
  return port === uintField(outbound, 'port').value && overlapsLoopback(address);
}
