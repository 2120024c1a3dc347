import { Table, type Column } from './Table.js';
import { dataplaneCell, statusCell, unlessPending } from './cells.js';
import type { MeshRow } from '../data/mesh-rows.js';
import { seg } from '../views/styled.js';

export interface MeshListProps {
  rows: MeshRow[];
  mode: 'files' | 'live';
  cursor: number;
  top: number;
  height: number;
  width: number;
}

function buildColumns(mode: 'files' | 'live'): Column<MeshRow>[] {
  return [
    { title: 'MESH', cell: (r) => seg(r.name, 'plain', true), max: 40, min: 8, flex: 1 },
    { title: 'GATEWAYS', cell: (r) => seg(String(r.gateways)), align: 'right' },
    { title: mode === 'live' ? 'DP ONLINE' : 'DATAPLANES', cell: unlessPending((r) => dataplaneCell(r.online, r.total)), align: 'right' },
    { title: 'SECRETS', cell: (r) => seg(r.secrets.text, r.secrets.tone), align: 'right' },
    { title: 'WORST CERTIFICATE', cell: unlessPending((r) => statusCell(r.worst)), max: 24 },
  ];
}

/** Built once per mode, so that the table can reuse its cells across renders. */
const COLUMNS = { files: buildColumns('files'), live: buildColumns('live') };

/** Meshes with their gateway count, gateway proxies online, Secrets and worst certificate. */
export function MeshList({ rows, mode, cursor, top, height, width }: MeshListProps) {
  return <Table columns={COLUMNS[mode]} rows={rows} cursor={cursor} top={top} height={height} width={width} empty="No mesh." />;
}
