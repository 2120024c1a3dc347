import { gatewayStateLines, portText, varyingText, type Diagnostic, type FinalTag, type MergedListener } from '@meshgw/engine';
import { wrapWords } from './format.js';
import { seg, type Line } from './styled.js';
import type { GatewayEntry } from '../data/gateway-rows.js';
import { statusOf } from '../data/secret-access.js';
import type { ViewModel } from '../data/view-model.js';

function section(title: string, extra = ''): Line {
  return extra ? [seg(title, 'accent', true), seg(`  ${extra}`, 'muted')] : [seg(title, 'accent', true)];
}

/** A final tag's value; one written as a number or boolean (which Kuma refuses) as written. */
function valueOf(t: FinalTag, written: Record<string, string>): string {
  return t.value === '' && (t.from === 'gateway' || t.from === 'listener') ? written[t.key] ?? '' : t.value;
}

function tagLines(tags: FinalTag[], indent: string, written: Record<string, string>): Line[] {
  if (tags.length === 0) return [[seg(`${indent}no tags`, 'muted')]];
  const values = tags.map((t) => valueOf(t, written));
  const keyWidth = Math.max(...tags.map((t) => t.key.length));
  const valueWidth = Math.max(...values.map((v) => v.length));
  return tags.map((t, i) => {
    const line: Line = [seg(`${indent}tag   `, 'muted'), seg(t.key.padEnd(keyWidth)), seg('  '), seg(values[i].padEnd(valueWidth), 'plain', true), seg(`  ${t.from}`, 'accent')];
    if (t.overridden.length > 0) line.push(seg(`  (overrides ${t.overridden.map((o) => `${o.from} ${o.value}`).join(', ')})`, 'muted'));
    return line;
  });
}

/** The listener's tags: shared and varying ones, or one dataplane's own when `dataplane` is named. */
function listenerTagLines(l: MergedListener, dataplane: string | null, entry: GatewayEntry): Line[] {
  // A listener's tag overrides the gateway's of the same key; both are looked up by key.
  const written = { ...entry.writtenTags.gateway, ...entry.writtenTags.listeners[l.index] };
  if (dataplane !== null) return tagLines(l.finalTagsByDataplane[dataplane] ?? [], '      ', written);
  const out = tagLines(l.finalTags, '      ', written);
  const keyWidth = Math.max(0, ...l.finalTags.map((t) => t.key.length), ...l.varyingTags.map((t) => t.key.length));
  for (const t of l.varyingTags) out.push([seg('      tag   ', 'muted'), seg(t.key.padEnd(keyWidth)), seg('  '), seg(varyingText(t), 'warn'), seg('  v: one dataplane at a time', 'muted')]);
  return out;
}

const DIAGNOSTIC_INDENT = '              ';

function diagnosticLines(d: Diagnostic, width: number): Line[] {
  const tone = d.severity === 'error' ? 'bad' : d.severity === 'warning' ? 'warn' : 'muted';
  const mark = d.severity === 'error' ? '✗' : d.severity === 'warning' ? '!' : '·';
  const head: Line = [seg(`  ${mark} ${d.severity.padEnd(7)}   `, tone, true), seg(d.path ?? '(document)', 'muted'), seg(`  [${d.code}]`, 'muted')];
  const text = wrapWords(d.message, Math.max(20, width - DIAGNOSTIC_INDENT.length - 1));
  return [head, ...text.map((t) => [seg(DIAGNOSTIC_INDENT), seg(t)])];
}

/**
 * The gateway detail as lines (long messages wrapped to `width`): identity, bound dataplanes, then each merged port with its
 * listeners (TLS, certificates with days left, final tags with their layer, routes), then the
 * engine's diagnostics for this gateway.
 */
export function gatewayDetailLines(entry: GatewayEntry, model: ViewModel, width = 100, dataplaneIndex = -1): Line[] {
  const g = entry.gateway;
  const out: Line[] = [];
  const dataplane = g.dataplanes[dataplaneIndex]?.name ?? null;
  out.push([seg('MeshGateway ', 'muted'), seg(g.name, 'plain', true), seg('  mesh ', 'muted'), seg(g.mesh), seg('  zone ', 'muted'), seg(entry.zone ?? '-')]);
  gatewayStateLines(g).forEach((text, i) => out.push([seg(text, g.admitted ? 'warn' : 'bad', i === 0)]));
  if (dataplane !== null) out.push([seg('viewing     ', 'muted'), seg(`dataplane ${dataplane}`, 'accent', true), seg(`  (${dataplaneIndex + 1} of ${g.dataplanes.length}; v: next)`, 'muted')]);
  if (model.mode === 'files') out.push([seg('file        ', 'muted'), seg(g.location.file)]);
  out.push([seg('selectors   ', 'muted'), seg(entry.selectors.length > 0 ? entry.selectors.join('  |  ') : 'none')]);
  if (entry.tags.length > 0) out.push([seg('tags        ', 'muted'), seg(entry.tags.join(', '))]);
  out.push([]);

  const online = g.dataplanes.filter((d) => d.online === true).length;
  const known = g.dataplanes.some((d) => d.online !== null);
  out.push(section('DATAPLANES', known ? `${online}/${g.dataplanes.length} online` : `${g.dataplanes.length} bound`));
  if (g.dataplanes.length === 0) {
    out.push([seg('  no dataplane is bound to this gateway', 'warn'), seg('; the dataplane layer of the tags comes from the selector', 'muted')]);
  } else {
    const nameWidth = Math.max(...g.dataplanes.map((d) => d.name.length));
    const addressWidth = Math.max(7, ...g.dataplanes.map((d) => (d.address ?? '-').length));
    for (const d of g.dataplanes) {
      const state = d.online === null ? seg('○ unknown', 'muted') : d.online ? seg('● online ', 'ok', true) : seg('○ offline', 'bad', true);
      out.push([seg('  '), state, seg(`  ${d.name.padEnd(nameWidth)}  `), seg((d.address ?? '-').padEnd(addressWidth)), seg('  zone ', 'muted'), seg(d.zone ?? '-')]);
    }
  }
  for (const lost of g.lostDataplanes) out.push([seg(`  ${lost.name} matches a selector but Kuma gives it to ${lost.winner}: ${lost.reason}`, 'muted')]);
  out.push([]);

  out.push(section('PORTS', `${g.ports.length} port${g.ports.length === 1 ? '' : 's'}, ${g.listeners.length} listener${g.listeners.length === 1 ? '' : 's'} merged by port`));
  for (const p of g.ports) {
    const limit = p.connectionLimit > 0 ? `connection limit ${p.connectionLimit}` : 'no connection limit';
    const shown = portText(g.listeners[p.listeners[0]]);
    out.push([
      seg(`  :${shown.port} `, 'plain', true),
      seg(shown.protocol, g.listeners[p.listeners[0]].written ? 'bad' : 'accent', true),
      seg(`  hostnames `, 'muted'),
      seg(p.hostnames.join(', ')),
      seg(`  ${limit}`, 'muted'),
      ...(p.crossMesh ? [seg('  crossMesh', 'warn')] : []),
    ]);
    for (const index of p.listeners) {
      const l = g.listeners[index];
      if (!l) continue;
      out.push([seg(`    listener [${l.index}] `, 'muted'), seg(l.hostname, 'plain', true), seg(`  ${portText(l).protocol}`, l.written ? 'bad' : 'plain'), ...(l.tlsMode ? [seg('  TLS ', 'muted'), seg(l.tlsMode)] : [])]);
      for (const c of l.certificates) {
        const status = statusOf(model, c, g.mesh);
        const leaf = c.bundle?.certificates[0];
        const name = c.source.kind === 'secret' ? c.source.name : c.source.kind === 'file' ? c.source.path : c.source.kind;
        const line: Line = [seg('      cert  ', 'muted'), seg(name), seg('  '), seg(status.label, status.tone, true)];
        if (leaf) line.push(seg(`  ${leaf.notAfter.slice(0, 10)}  ${leaf.keyType}${leaf.keyBits ? ` ${leaf.keyBits}` : ''}`, 'muted'));
        if (c.coversHostname === true) line.push(seg('  ✓ covers host', 'ok'));
        if (c.coversHostname === false) line.push(seg(`  ✗ does not cover ${l.hostname}`, 'bad', true));
        out.push(line);
        if (status.problem && status.band !== 'unknown') {
          for (const t of wrapWords(status.problem, Math.max(20, width - 13))) out.push([seg(`            ${t}`, 'bad')]);
        }
      }
      out.push(...listenerTagLines(l, dataplane, entry));
      for (const r of l.routes) {
        if (dataplane !== null && r.dataplanes && !r.dataplanes.includes(dataplane)) continue;
        const on = dataplane === null && r.dataplanes ? [seg(`  (on ${r.dataplanes.join(', ')} only)`, 'warn')] : [];
        out.push([seg('      route ', 'muted'), seg(`${r.kind} `, 'muted'), seg(r.name), ...on, ...(r.effective ? [] : [seg('  (ignored: a Mesh*Route applies)', 'muted')])]);
      }
      if (l.routes.length === 0) out.push([seg('      no route attached', 'warn')]);
    }
  }
  out.push([]);

  out.push(section('DIAGNOSTICS', entry.diagnostics.length === 0 ? 'none' : `${entry.diagnostics.length}`));
  for (const d of entry.diagnostics) out.push(...diagnosticLines(d, width));
  return out;
}
