import { Table, type Column } from './Table.js';
import { dataplaneCell, statusCell, unlessPending } from './cells.js';
import type { GatewayRow } from '../data/gateway-rows.js';
import { seg } from '../views/styled.js';

export interface GatewayListProps {
  rows: GatewayRow[];
  mode: 'files' | 'live';
  /** Files are laid over the control plane: a DIFF column marks the gateways they change. */
  overlay?: boolean;
  cursor: number;
  top: number;
  height: number;
  width: number;
}

function buildColumns(mode: 'files' | 'live', overlay = false): Column<GatewayRow>[] {
  const out: Column<GatewayRow>[] = [
    { title: 'NAME', cell: (r) => seg(r.name, 'plain', true), max: 40, min: 24, flex: 1 },
    { title: '!', cell: problemCell, max: 1, min: 1 },
    ...(overlay ? [{ title: 'DIFF', cell: changeCell, max: 7, min: 7 }] : []),
    { title: 'MESH', cell: (r) => seg(r.mesh), max: 20, min: 8, flex: 3 },
    { title: 'ZONE', cell: (r) => seg(r.zone ?? '-', r.zone ? 'plain' : 'muted'), max: 16, min: 4, flex: 5, drop: 3 },
    { title: 'PORTS', cell: (r) => (r.pending ? seg('loading…', 'muted') : seg(r.ports)), max: 32, min: 10 },
    { title: 'LISTENERS', cell: unlessPending((r) => seg(String(r.listeners))), align: 'right', drop: 2 },
    { title: mode === 'live' ? 'DP ONLINE' : 'DATAPLANES', cell: unlessPending((r) => dataplaneCell(r.online, r.total)), align: 'right' },
    { title: 'CERTIFICATES', cell: unlessPending((r) => statusCell(r.worst)), max: 24 },
  ];
  if (mode === 'files') out.push({ title: 'FILE', cell: (r) => seg(r.file, 'muted'), max: 60, min: 20, flex: 4, drop: 4, cut: 'middle' });
  return out;
}

/** `✗` for a gateway with errors (Kuma refuses it, or something it uses), `!` for warnings. */
function problemCell(r: GatewayRow) {
  if (r.rejected || r.errors > 0) return seg('✗', 'bad', true);
  if (r.warnings > 0) return seg('!', 'warn', true);
  return seg(' ');
}

/** What the laid-over files do to the gateway: `added`, `changed`, or `-` when they leave it as it is. */
function changeCell(r: GatewayRow) {
  if (r.change === 'added') return seg('added', 'ok', true);
  if (r.change === 'changed') return seg('changed', 'warn', true);
  if (r.change === 'removed') return seg('removed', 'bad', true);
  return seg('-', 'muted');
}

/** Built once per mode, so that the table can reuse its cells across renders. */
const COLUMNS = { files: buildColumns('files'), live: buildColumns('live'), overlay: buildColumns('live', true) };

/** Gateways: name, problems, what laid-over files change, mesh, zone, merged ports, listeners, dataplanes online, worst certificate. */
export function GatewayList({ rows, mode, overlay, cursor, top, height, width }: GatewayListProps) {
  return <Table columns={COLUMNS[overlay === true && mode === 'live' ? 'overlay' : mode]} rows={rows} cursor={cursor} top={top} height={height} width={width} empty="No MeshGateway matches." />;
}
