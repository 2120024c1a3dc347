import { certificateSummary, sortGateways } from './inspect.js';
import type { FinalTag, MergedGateway, MergedListener } from '../merge/types.js';
import { gatewayStateLines, portText, varyingText } from '../merge/texts.js';

function dataplaneLines(g: MergedGateway): string[] {
  const out: string[] = [];
  if (!g.admitted) out.push('  dataplanes: none (the gateway does not exist on the control plane)');
  else if (g.dataplanes.length === 0) {
    out.push('  dataplanes: none in the workspace; the dataplane layer of the tags comes from the selector');
  } else {
    const dps = g.dataplanes.map((d) => `${d.name}${d.address ? ` ${d.address}` : ''}${d.online === null ? '' : d.online ? ' online' : ' offline'}`);
    out.push(`  dataplanes: ${dps.join(', ')}`);
  }
  for (const lost of g.lostDataplanes) out.push(`  note: dataplane ${lost.name} matches a selector but Kuma gives it to ${lost.winner}: ${lost.reason}`);
  return out;
}

/** `; overrides dataplane v1, gateway v2`: the values the winning one hides, earliest layer first, as the terminal app lists them. */
function overridesText(t: FinalTag): string {
  if (t.overridden.length === 0) return '';
  return `; overrides ${t.overridden.map((o) => `${o.from} ${o.value}`).join(', ')}`;
}

function listenerLines(l: MergedListener): string[] {
  const out: string[] = [];
  const tls = l.tlsMode ? ` tls ${l.tlsMode}` : '';
  out.push(`    listener [${l.index}] ${l.hostname}${tls}`);
  const width = Math.max(0, ...l.finalTags.map((t) => t.key.length), ...l.varyingTags.map((t) => t.key.length));
  const rows = [
    ...l.finalTags.map((t) => ({ key: t.key, text: `${t.value}  (${t.from}${overridesText(t)})` })),
    ...l.varyingTags.map((t) => ({ key: t.key, text: varyingText(t) })),
  ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const r of rows) out.push(`      ${r.key.padEnd(width)}  ${r.text}`);
  for (const c of l.certificates) out.push(`      cert ${certificateSummary(c)}`);
  for (const r of l.routes) {
    const on = r.dataplanes ? ` (on ${r.dataplanes.join(', ')} only)` : '';
    out.push(`      route ${r.kind} ${r.name}${on}${r.effective ? '' : ' (ignored: a Mesh*Route applies)'}`);
  }
  return out;
}

/**
 * The text form of `meshgw inspect`: one block per gateway, ports merged, each listener's final
 * tags with their layer and the values they override (and the tags that vary between
 * dataplanes), certificates with days left. Plain text, no colours. A port or protocol Kuma would not read is shown as written.
 */
export function inspectText(gateways: MergedGateway[]): string {
  const lines: string[] = [];
  for (const g of sortGateways(gateways)) {
    lines.push(`MeshGateway ${g.name} (mesh ${g.mesh})  ${g.location.file}`);
    for (const s of gatewayStateLines(g)) lines.push(`  ${s}`);
    lines.push(...dataplaneLines(g));
    for (const p of g.ports) {
      const extra = [p.connectionLimit > 0 ? `connection limit ${p.connectionLimit}` : '', p.crossMesh ? 'crossMesh' : ''].filter(Boolean).join(', ');
      const first = portText(g.listeners[p.listeners[0]]);
      const asWritten = g.listeners[p.listeners[0]].written ? ' (as written; Kuma refuses it)' : '';
      lines.push(`  port ${first.port} ${first.protocol}${asWritten}${extra ? ` (${extra})` : ''}: ${p.hostnames.join(', ')}`);
      for (const index of p.listeners) lines.push(...listenerLines(g.listeners[index]));
    }
    lines.push('');
  }
  if (lines.length === 0) lines.push('No MeshGateway found.');
  return lines.join('\n');
}
