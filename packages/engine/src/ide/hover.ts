import { HOSTS_BY_EXACTNESS } from '../merge/ports.js';
import { formatKumaVersion, inRange } from '../kuma/versions.js';
import type { KumaVersion } from '../kuma/versions.js';
import { describeAt, type ListenerContext, type OffsetDescription } from './describe.js';
import { bestSelector, compareRank, tagRecord, tagsMatch } from '../merge/selection.js';
import { finalTagRecord } from '../merge/final-tags.js';
import type { WorkspaceResult } from '../analysis/workspace.js';
import type { GatewayModel, ListenerModel, Tag } from '../resources/types.js';
import type { MergedGateway, MergedListener, MergedPort, TagLayer } from '../merge/types.js';
import type { Span } from '../base/types.js';
import { isDataplaneOnlyTag } from '../kuma/reserved-tags.js';
import { certificateHover, certificateNames } from './certificate-hover.js';
import { fieldHover } from './field-docs.js';
import { cell } from './markdown.js';
import { varyingText } from '../merge/texts.js';
import { gatewayStateLines } from '../merge/texts.js';
import { portText } from '../merge/texts.js';
import { boundDataplaneText, dataplaneLayerText, dataplaneName, isLive } from './live-origin.js';

/** A hover: markdown and the span it is about (a key or a value). */
export interface HoverResult {
  markdown: string;
  span: Span;
}

/**
 * What Kuma will make of the thing at `offset` (UTF-16 units) of `file`, as markdown: merged
 * ports and final tags on listeners, the final value of a tag, hostname matching, certificate
 * facts, what selectors bind or attach to, and field documentation elsewhere. Null when the
 * offset is not on a key or value of a Kuma resource.
 */
export function hoverAt(result: WorkspaceResult, file: string, offset: number): HoverResult | null {
  const d = describeAt(result, file, offset);
  if (!d || !d.resource || !d.scalar || !d.pair) return null;
  const span = d.scalar.span;
  const sections = hoverSections(result, d);
  if (sections.length === 0) return null;
  const merged = d.gateway?.merged;
  if (merged && (!merged.admitted || merged.duplicates.length > 0)) sections.unshift(gatewayStateLines(merged).map((l, i) => (i === 0 ? `**${l}**` : l)).join('  \n'));
  const model = d.gateway?.model;
  if (model && result.replaced.some((r) => r.local === model.doc)) sections.push(`Applying this file replaces the control plane's MeshGateway \`${model.name}\`.`);
  sections.push(`*Kuma ${formatKumaVersion(result.options.kumaVersion)} rules*`);
  return { markdown: sections.join('\n\n'), span };
}

function hoverSections(result: WorkspaceResult, d: OffsetDescription): string[] {
  const gateway = d.gateway;
  if (d.certificate && d.listener && gateway) {
    return certificateHover(result, gateway.model, d.listener, d.certificate);
  }
  if (d.tag && (d.tag.place === 'gateway' || d.tag.place === 'listener') && gateway?.merged) {
    return tagHover(gateway.model, gateway.merged, d);
  }
  if (d.tag && d.tag.place === 'dataplane' && d.dataplane) {
    const out = dataplaneTagHover(result, d);
    if (out.length > 0) return out;
  }
  if (d.selector && d.selector.owner === 'MeshGatewayRoute' && d.route) {
    return routeSelectorHover(result, d);
  }
  if (d.selector && d.selector.owner === 'MeshGateway' && gateway) {
    return gatewaySelectorHover(result, gateway.model, d.selector.index);
  }
  if (d.listener && gateway?.merged) {
    const l = d.listener;
    if (l.rest.length === 1 && l.rest[0] === 'port' && l.port) return portSection(gateway.model, l.port, l.index);
    if (l.rest.length === 1 && l.rest[0] === 'hostname' && l.port) return hostnameHover(gateway.model, l, result.options.kumaVersion);
    const out = listenerHover(gateway.model, gateway.merged, l);
    if (l.rest.length > 0) {
      const doc = fieldHover(d, result.options.kumaVersion);
      if (doc.length > 0) out.push('---', ...doc);
    }
    return out;
  }
  return fieldHover(d, result.options.kumaVersion);
}

// ---------------------------------------------------------------------------------------------
// Listeners, ports, hostnames

function listenerTitle(gateway: GatewayModel, l: ListenerModel): string {
  const host = l.hostname === '*' ? '`*` (any host)' : `\`${l.hostname}\``;
  return `**Listener #${l.index}** of MeshGateway \`${gateway.name}\` (mesh \`${gateway.mesh}\`): ${portText(l).protocol} on port ${portText(l).port}, ${host}`;
}

function listenerHover(gateway: GatewayModel, merged: MergedGateway, l: ListenerContext): string[] {
  const out = [listenerTitle(gateway, l.model)];
  if (l.port) out.push(...portSection(gateway, l.port, l.index));
  if (l.merged) out.push(...finalTagsSection(merged, l.merged));
  if (l.merged) {
    const routes = l.merged.routes;
    if (routes.length === 0) {
      out.push('Routes: none attaches to this listener.');
    } else {
      const sorted = [...routes].sort((a, b) => byName(a.name, b.name));
      const names = sorted.map((r) => `\`${r.name}\` (${r.kind}${isLive(r.location) ? ', live' : ''}${r.dataplanes ? `, on ${r.dataplanes.join(', ')} only` : ''}${r.effective ? '' : ', ignored: a Mesh*Route applies'})`);
      out.push(`Routes: ${names.join(', ')}.`);
    }
  }
  return out;
}

/** The merged port: every listener on it, the hostnames in Kuma's order, the limit that applies. */
function portSection(gateway: GatewayModel, port: MergedPort, current: number | null): string[] {
  const listeners = port.listeners.map((i) => gateway.listeners[i]).filter((l): l is ListenerModel => !!l);
  const count = listeners.length === 1 ? '1 listener' : `${listeners.length} listeners merged into one Envoy listener`;
  const shown = listeners[0] ? portText(listeners[0]) : { port: String(port.port), protocol: port.protocol };
  const out: string[] = [`**Port ${shown.port}** · ${shown.protocol} · ${count}`];
  const rows = [
    '| listener | hostname | protocol | TLS mode | certificates |',
    '| --- | --- | --- | --- | --- |',
    ...listeners.map(
      (l) =>
        `| #${l.index}${l.index === current ? ' (this)' : ''} | ${cell(l.hostname)} | ${cell(portText(l).protocol)} | ${l.tls ? cell(l.tls.mode) : '—'} | ${certificateNames(l)} |`,
    ),
  ];
  out.push(rows.join('\n'));
  const notes: string[] = [`Hostnames, most specific first: ${port.hostnames.map((h) => `\`${h}\``).join(', ')}.`];
  const first = listeners[0];
  if (first) {
    notes.push(
      port.connectionLimit > 0
        ? `Connection limit: ${port.connectionLimit} (set by listener #${first.index}, the first on the port).`
        : `Connection limit: unlimited (listener #${first.index}, the first on the port, sets none).`,
    );
    for (const l of listeners.slice(1)) {
      if (l.connectionLimit > 0 && l.connectionLimit !== port.connectionLimit) {
        notes.push(`Listener #${l.index} sets ${l.connectionLimit}: ignored, only the first listener of a port sets the limit.`);
      }
      if (l.protocol !== port.protocol) {
        notes.push(`Listener #${l.index} says ${l.protocol}, but the port takes its protocol (${port.protocol}) from its first listener.`);
      }
    }
  }
  if (port.crossMesh) notes.push('crossMesh: this port is reachable from other meshes only, over mesh mTLS.');
  out.push(notes.join('\n'));
  return out;
}

const MATCHING: Record<string, string> = {
  HTTP: 'Kuma builds one Envoy listener for the port with a virtual host per hostname. A request goes to the virtual host that matches its Host header: an exact name first, then the longest `*.` wildcard, then `*`.',
  HTTPS:
    'Each hostname gets its own TLS filter chain, chosen by the SNI of the connection (an exact name first, then the longest `*.` wildcard, then the chain without server names); inside it the Host header must match the hostname too.',
  TLS: 'Each hostname gets its own filter chain, chosen by the SNI of the connection: an exact name first, then the longest `*.` wildcard, then the chain without server names (`*`).',
  TCP: 'TCP has no hostnames to match: all listeners of the port share one TCP proxy whose backends are the union of the routes of all its hostnames.',
};

function hostnameHover(gateway: GatewayModel, l: ListenerContext, target: KumaVersion): string[] {
  const port = l.port as MergedPort;
  const out = [
    `**Hostname** \`${l.model.hostname}\`${l.model.hostnameSpan ? '' : ' (no hostname: `*`, any host)'} · listener #${l.index} of \`${gateway.name}\``,
  ];
  const owners = new Map<string, number[]>();
  for (const i of port.listeners) {
    const listener = gateway.listeners[i];
    if (!listener) continue;
    owners.set(listener.hostname, [...(owners.get(listener.hostname) ?? []), i]);
  }
  const lines = port.hostnames.map((h, n) => {
    const who = (owners.get(h) ?? []).map((i) => `#${i}${i === l.index ? ' (this)' : ''}`).join(', ');
    return `${n + 1}. \`${h}\` — listener ${who}`;
  });
  const first = gateway.listeners[port.listeners[0]];
  const shown = first ? portText(first) : { port: String(port.port), protocol: port.protocol };
  const order = inRange(target, HOSTS_BY_EXACTNESS) ? 'most specific first' : 'in reverse name order, as Kuma before 2.6 emits them';
  out.push(`Hostnames on port ${shown.port} (${shown.protocol}), ${order}:\n\n${lines.join('\n')}`);
  out.push(MATCHING[port.protocol] ?? 'Kuma rejects a listener without a valid protocol, so nothing is matched on this port.');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tags

const LAYER_ORDER = 'dataplane, then gateway, then listener tags; later layers win';

function finalTagsSection(merged: MergedGateway, l: MergedListener): string[] {
  const out: string[] = [`**Final tags** of listener #${l.index} (${LAYER_ORDER}):`];
  const dataplaneLayer = dataplaneLayerText(merged);
  const rows = [
    ...l.finalTags.map((t) => ({ key: t.key, row: `| ${cell(t.key)} | ${cell(t.value)} | ${t.from === 'dataplane' ? dataplaneLayer : t.from} |` })),
    ...l.varyingTags.map((t) => ({ key: t.key, row: `| ${cell(t.key)} | ${cell(varyingText(t))} | ${dataplaneLayer} |` })),
  ].sort((a, b) => byName(a.key, b.key));
  out.push(['| key | value | from |', '| --- | --- | --- |', ...rows.map((r) => r.row)].join('\n'));
  if (l.varyingTags.length > 0) out.push(varyingSection(l));
  const notes: string[] = [];
  for (const t of l.finalTags) {
    for (const o of t.overridden) {
      notes.push(`\`${t.key}\`: ${layerName(t.from)} value \`${t.value}\` overrides ${layerName(o.from)} value \`${o.value}\`.`);
    }
  }
  notes.push(dataplaneLine(merged));
  out.push(notes.join('\n'));
  return out;
}

function dataplaneLine(merged: MergedGateway): string {
  if (merged.dataplaneLayerFromSelector || merged.dataplanes.length === 0) {
    return 'No Dataplane bound to this gateway is in the workspace: the dataplane layer comes from the selector (its exact-valued tags); a real Dataplane may add more tags.';
  }
  const names = merged.dataplanes.map(boundDataplaneText);
  if (merged.dataplanes.length === 1) return `Bound Dataplane: ${names[0]}, through selector #${merged.dataplanes[0].selectorIndex}.`;
  const shown = names.length > 10 ? `${names.slice(0, 10).join(', ')} and ${names.length - 10} more` : names.join(', ');
  return `Bound Dataplanes: ${shown}; Kuma configures each on its own, so the table shows the tags they share and the ones that vary.`;
}

/** The values of the varying tags on each bound dataplane (the first 10). */
function varyingSection(l: MergedListener): string {
  const keys = l.varyingTags.map((t) => t.key);
  const names = Object.keys(l.finalTagsByDataplane).sort(byName);
  const rows = names.slice(0, 10).map((name) => {
    const tags = new Map(l.finalTagsByDataplane[name].map((t) => [t.key, t.value]));
    return `| ${cell(name)} | ${keys.map((k) => cell(tags.get(k) ?? '—')).join(' | ')} |`;
  });
  const more = names.length > 10 ? `\n\n…and ${names.length - 10} more dataplanes.` : '';
  return [`**Per dataplane**, the tags that vary:`, [`| dataplane | ${keys.map(cell).join(' | ')} |`, `| --- |${keys.map(() => ' --- |').join('')}`, ...rows].join('\n') + more].join('\n\n');
}

function layerName(layer: TagLayer): string {
  return layer === 'selector' ? 'selector' : layer;
}

function tagHover(gateway: GatewayModel, merged: MergedGateway, d: OffsetDescription): string[] {
  const tag = d.tag!;
  const out: string[] = [];
  if (tag.place === 'listener' && d.listener) {
    const l = d.listener;
    out.push(`**Tag \`${tag.key}\`** · listener #${l.index} of MeshGateway \`${gateway.name}\``);
    const final = l.merged?.finalTags.find((t) => t.key === tag.key);
    if (final) {
      const lines = [`Final value: \`${final.value}\`, from the ${layerName(final.from)} (${LAYER_ORDER}).`];
      for (const o of final.overridden) lines.push(`It overrides the ${layerName(o.from)} value \`${o.value}\`.`);
      out.push(lines.join('\n'));
    }
  } else {
    out.push(`**Tag \`${tag.key}\`** · gateway tags of MeshGateway \`${gateway.name}\`, applied to every listener`);
    const rows = merged.listeners.map((l) => {
      const final = l.finalTags.find((t) => t.key === tag.key);
      const where = `#${l.index} :${l.port} ${l.hostname}`;
      return `| ${cell(where)} | ${final ? cell(final.value) : '—'} | ${final ? final.from : '—'} |`;
    });
    out.push(['Final value on each listener:', '', '| listener | value | from |', '| --- | --- | --- |', ...rows].join('\n'));
    const overridden = merged.listeners[0]?.finalTags.find((t) => t.key === tag.key)?.overridden.filter((o) => o.from === 'dataplane' || o.from === 'selector');
    if (overridden && overridden.length > 0) out.push(`It overrides the dataplane value \`${overridden[0].value}\`.`);
  }
  if (isDataplaneOnlyTag(tag.key)) {
    out.push(`Kuma rejects \`${tag.key}\` in ${tag.place} tags: it always comes from the Dataplane.`);
  }
  return out;
}

function dataplaneTagHover(result: WorkspaceResult, d: OffsetDescription): string[] {
  const dp = d.dataplane!;
  const tag = d.tag!;
  const gateway = result.merge.bindings.get(dp) ?? null;
  const out = [`**Tag \`${tag.key}\`** · gateway tags of Dataplane \`${dp.name}\``];
  if (!gateway) {
    out.push(dp.builtin ? `No MeshGateway of mesh \`${dp.mesh}\` in the workspace selects this Dataplane.` : 'This Dataplane is not a builtin gateway (`networking.gateway.type: BUILTIN`).');
    return out;
  }
  const merged = result.merge.merged.get(gateway);
  out.push(`This Dataplane runs MeshGateway \`${gateway.name}\`; every listener starts from these tags.`);
  if (!merged) return out;
  if (merged.dataplanes[0] && merged.dataplanes[0].name !== dp.name) {
    out.push(`The gateway's final tags below use the tags of \`${merged.dataplanes[0].name}\`, the first bound Dataplane.`);
  }
  const rows = merged.listeners.map((l) => {
    const final = l.finalTags.find((t) => t.key === tag.key);
    return `| ${cell(`#${l.index} :${l.port} ${l.hostname}`)} | ${final ? cell(final.value) : '—'} | ${final ? final.from : '—'} |`;
  });
  out.push(['Final value on each listener:', '', '| listener | value | from |', '| --- | --- | --- |', ...rows].join('\n'));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Selectors

function matchText(match: Pick<Tag, 'key' | 'value'>[]): string {
  return match.length === 0 ? '(no tags)' : match.map((m) => `\`${m.key}: ${m.value}\``).join(', ');
}

function routeSelectorHover(result: WorkspaceResult, d: OffsetDescription): string[] {
  const route = d.route!;
  const sel = d.selector!;
  const out = [
    `**Selector #${sel.index}** of MeshGatewayRoute \`${route.name}\` · matches listeners whose final tags include ${matchText(sel.selector.match)}`,
  ];
  const rows: string[] = [];
  const gateways = result.models.gateways.map((g) => ({ g, merged: result.merge.merged.get(g) })).sort((a, b) => byName(a.g.name, b.g.name));
  gateways.forEach(({ g, merged }) => {
    if (!merged || g.mesh !== route.mesh || sel.selector.match.length === 0) return;
    for (const l of merged.listeners) {
      if (!tagsMatch(sel.selector.match, finalTagRecord(l.finalTags))) continue;
      const attached = l.routes.find((r) => r.kind === 'MeshGatewayRoute' && r.name === route.name);
      let state: string;
      if (!attached) {
        state = `not attached: a ${route.protocol ?? 'route without conf'} route does not apply to ${l.protocol} listeners`;
      } else if (!attached.effective) {
        state = 'ignored: a Mesh*Route applies to this gateway';
      } else if (attached.selectorIndex !== sel.index) {
        state = `attached (selector #${attached.selectorIndex} matches first)`;
      } else {
        state = 'attached';
      }
      rows.push(`| ${cell(g.name)} | #${l.index} | ${portText(l).port} | ${cell(l.hostname)} | ${cell(portText(l).protocol)} | ${state} |`);
    }
  });
  if (rows.length === 0) {
    out.push(`No listener of mesh \`${route.mesh}\` in the workspace has these final tags, so this selector attaches nowhere.`);
  } else {
    out.push(['| gateway | listener | port | hostname | protocol | state |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n'));
  }
  return out;
}

function gatewaySelectorHover(result: WorkspaceResult, gateway: GatewayModel, index: number): string[] {
  const selector = gateway.selectors[index];
  if (!selector) return [];
  const out = [
    `**Selector #${index}** of MeshGateway \`${gateway.name}\` · binds builtin Dataplanes whose gateway tags include ${matchText(selector.match)}`,
  ];
  const rows: string[] = [];
  for (const dp of [...result.models.dataplanes].sort((a, b) => byName(a.name, b.name))) {
    if (!dp.builtin || dp.mesh !== gateway.mesh || selector.match.length === 0) continue;
    const tags = tagRecord(dp.gatewayTags);
    if (!tagsMatch(selector.match, tags)) continue;
    const winner = result.merge.bindings.get(dp) ?? null;
    let state: string;
    if (winner === gateway) {
      const best = bestSelector(gateway.selectors, tags);
      state = best && best.selector.index !== index ? `bound to this gateway through selector #${best.selector.index}` : 'bound to this gateway';
    } else if (winner) {
      const mine = bestSelector(gateway.selectors, tags);
      const theirs = bestSelector(winner.selectors, tags);
      const why =
        mine && theirs && compareRank(theirs.rank, mine.rank) > 0
          ? 'its selector ranks higher (more tags, then more exact values)'
          : 'equal rank: it was created later or comes first by name';
      state = `won by MeshGateway \`${winner.name}\` (${why})`;
    } else {
      state = 'not bound';
    }
    rows.push(`| ${cell(dataplaneName(result, dp))} | ${cell(dp.address ?? '—')} | ${state} |`);
  }
  if (rows.length === 0) {
    out.push(`No builtin Dataplane of mesh \`${gateway.mesh}\` in the workspace matches this selector.`);
    if (index === 0) out.push('The listeners\' final tags take their dataplane layer from this selector.');
  } else {
    out.push(['| dataplane | address | state |', '| --- | --- | --- |', ...rows].join('\n'));
  }
  return out;
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
