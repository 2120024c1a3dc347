import type { MergedGateway, MergedListener, VaryingTag } from './types.js';

// Short texts for people about merged gateways, shared by inspect, hover and the terminal app.

/** A tag whose value differs between dataplanes, for people: `r0 … r4 (varies: 10 dataplanes)`. */
export function varyingText(tag: VaryingTag): string {
  const values = tag.values.length <= 3 ? tag.values.join(', ') : `${tag.values[0]} … ${tag.values[tag.values.length - 1]}`;
  return `${values} (varies: ${tag.dataplanes} dataplane${tag.dataplanes === 1 ? '' : 's'})`;
}

/** A listener's port and protocol as Kuma reads them, or as written when Kuma would not. */
export function portText(l: Pick<MergedListener, 'port' | 'protocol' | 'written'>): { port: string; protocol: string } {
  if (!l.written) return { port: String(l.port), protocol: l.protocol };
  return { port: l.written.port ?? '(no port)', protocol: l.written.protocol ?? '(no protocol)' };
}

/** The first line of a gateway's state: refused by Kuma, or what applying leaves of copies. */
export function gatewayStateLines(g: MergedGateway): string[] {
  const out: string[] = [];
  if (!g.admitted) {
    out.push(`REJECTED by Kuma: ${g.admissionErrors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')}`);
    out.push('nothing binds to it and no route attaches until it is fixed');
  }
  if (g.duplicates.length > 0) out.push(`also defined in ${g.duplicates.map((d) => d.file).join(', ')}; this copy is the one applying leaves`);
  return out;
}
