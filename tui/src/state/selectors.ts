import type { DocumentViewKind, ListView, State, View } from './state.js';
import type { CertificateRow } from '../data/certificate-rows.js';
import type { GatewayRow } from '../data/gateway-rows.js';
import type { MeshRow } from '../data/mesh-rows.js';
import { filterRows, pendingText, type ViewModel } from '../data/view-model.js';
import { diffViewLines } from '../views/diff-view.js';
import { gatewayDetailLines } from '../views/gateway-detail.js';
import { seg, type Line } from '../views/styled.js';
import { yamlApiPath, yamlTitle, yamlViewLines } from '../views/yaml-view.js';

export type Row = GatewayRow | CertificateRow | MeshRow;

/** The rows a list view shows, its filter applied. */
export function rowsOf(model: ViewModel | null, view: ListView): Row[] {
  if (model === null) return [];
  switch (view.kind) {
    case 'gateways': {
      const rows = view.mesh === null ? model.gateways : model.gateways.filter((g) => g.mesh === view.mesh);
      return filterRows(rows, view.filter);
    }
    case 'certs':
      return filterRows(model.certificates, view.filter);
    case 'meshes':
      return filterRows(model.meshes, view.filter);
  }
}

/** How many rows the list has before filtering, for the `[3/152]` count. */
export function totalOf(model: ViewModel | null, view: ListView): number {
  if (model === null) return 0;
  if (view.kind === 'gateways') return view.mesh === null ? model.gateways.length : model.gateways.filter((g) => g.mesh === view.mesh).length;
  return view.kind === 'certs' ? model.certificates.length : model.meshes.length;
}

/** The cursor index: the selected row if it is still listed, else the last index, clamped. */
export function cursorOf(view: ListView, rows: { key: string }[]): number {
  if (view.selected !== null) {
    const index = rows.findIndex((r) => r.key === view.selected);
    if (index >= 0) return index;
  }
  return Math.max(0, Math.min(view.cursor, rows.length - 1));
}

/** The lines of a document view (gateway detail, YAML). */
export function linesOf(state: State, view: DocumentViewKind): Line[] {
  const model = state.model;
  if (view.kind === 'gateway' || view.kind === 'diff') {
    const entry = model?.entries.get(view.key);
    if (!entry) return [[seg(model === null ? 'Loading…' : pendingText(model, view.key) ?? 'This gateway is no longer there. Press esc to go back.', 'muted')]];
    return view.kind === 'diff' ? diffViewLines(entry) : gatewayDetailLines(entry, model!, state.size.columns, view.dataplane ?? -1);
  }
  const path = yamlApiPath(view.target, model);
  const fetched = path !== null && state.fetched?.path === path && state.fetched.error === null ? state.fetched.value : undefined;
  const lines = yamlViewLines(view.target, model, fetched);
  if (path !== null && state.fetched?.path === path && state.fetched.error !== null) {
    return [[seg(`# Could not fetch the current version (${state.fetched.error}); showing the last refresh.`, 'warn')], ...lines];
  }
  return lines;
}

/** A view's name in the breadcrumbs. */
export function crumbOf(view: View, model: ViewModel | null): string {
  switch (view.kind) {
    case 'gateways':
      return view.mesh === null ? 'gateways' : `gateways (mesh ${view.mesh})`;
    case 'certs':
      return 'certificates';
    case 'meshes':
      return 'meshes';
    case 'gateway': {
      const entry = model?.entries.get(view.key);
      return entry ? `${entry.gateway.mesh}/${entry.gateway.name}` : 'gateway';
    }
    case 'yaml':
      return `yaml ${yamlTitle(view.target, model)}`;
    case 'diff': {
      const entry = model?.entries.get(view.key);
      return entry ? `diff ${entry.gateway.mesh}/${entry.gateway.name}` : 'diff';
    }
  }
}

/** The API path the current view wants fetched fresh, or null. */
export function fetchPathOf(state: State): string | null {
  const view = state.stack[state.stack.length - 1];
  return view.kind === 'yaml' ? yamlApiPath(view.target, state.model) : null;
}
