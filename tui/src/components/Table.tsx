import { Box, Text } from 'ink';
import { memo, useMemo, useRef } from 'react';
import { toneProps } from './tone.js';
import { fit, type Cut } from '../views/format.js';
import type { Segment } from '../views/styled.js';

export interface Column<R> {
  title: string;
  cell: (row: R) => Segment;
  /** The widest this column gets; longer cells are cut with `…`. */
  max?: number;
  /** The narrowest it gets before the line itself is cut. Default: the title's width. */
  min?: number;
  align?: 'left' | 'right';
  /**
   * Flexible columns shrink when the terminal is narrow, each in proportion to its widest cell,
   * none under its minimum; the number only breaks ties.
   */
  flex?: number;
  /** Columns with a drop number are left out, highest first, when shrinking is not enough. */
  drop?: number;
  /** Where long cells are cut: at the end (the default), or in the middle (paths). */
  cut?: Cut;
}

const GAP = 2;
/** The selection marker column. */
const MARK = 2;

/**
 * Column widths: each column's widest cell (capped); droppable columns are left out (width 0)
 * until the rest fits at their minimums, then flexible columns shrink by their content.
 */
export function columnWidths<R>(columns: Column<R>[], cells: Segment[][], width: number): number[] {
  const natural = columns.map((c, i) => Math.min(c.max ?? Infinity, Math.max(c.title.length, ...cells.map((row) => row[i].text.length))));
  const mins = columns.map((c, i) => (c.flex ? Math.min(natural[i], c.min ?? c.title.length) : natural[i]));
  const dropped = new Set<number>();
  const needed = (sizes: number[]): number => {
    const kept = sizes.filter((_, i) => !dropped.has(i));
    return kept.reduce((a, b) => a + b, 0) + GAP * (kept.length - 1) + MARK;
  };
  const droppable = columns
    .map((c, i) => ({ i, drop: c.drop ?? 0 }))
    .filter((c) => c.drop > 0)
    .sort((a, b) => b.drop - a.drop);
  for (const { i } of droppable) {
    if (needed(mins) <= width) break;
    dropped.add(i);
  }
  const widths = natural.map((w, i) => (dropped.has(i) ? 0 : w));
  const flexible = columns.map((c, i) => i).filter((i) => (columns[i].flex ?? 0) > 0 && !dropped.has(i));
  const excess = needed(widths) - width;
  if (excess > 0 && flexible.length > 0) shrinkByContent(widths, mins, flexible, columns, excess);
  return widths;
}

/**
 * Takes `excess` columns from the flexible ones in proportion to their content: each keeps the
 * same share of its widest cell (never under its minimum), so a long column keeps more room than
 * a short one. The rounding remainder comes off the widest, the highest flex number first.
 */
function shrinkByContent<R>(widths: number[], mins: number[], flexible: number[], columns: Column<R>[], excess: number): void {
  const natural = flexible.map((i) => widths[i]);
  const total = natural.reduce((a, b) => a + b, 0);
  const sized = (share: number): number[] => flexible.map((i, k) => Math.max(mins[i], Math.floor(natural[k] * share)));
  const sum = (list: number[]): number => list.reduce((a, b) => a + b, 0);
  let low = 0;
  let high = 1;
  for (let step = 0; step < 30; step++) {
    const mid = (low + high) / 2;
    if (sum(sized(mid)) <= total - excess) low = mid;
    else high = mid;
  }
  const out = sized(low);
  for (let left = total - excess - sum(out); left > 0; left--) {
    let pick = -1;
    for (let k = 0; k < out.length; k++) {
      if (out[k] >= natural[k]) continue;
      if (pick < 0 || natural[k] - out[k] > natural[pick] - out[pick]) pick = k;
    }
    if (pick < 0) break;
    out[pick]++;
  }
  for (let left = sum(out) - (total - excess); left > 0; left--) {
    let pick = -1;
    for (let k = 0; k < out.length; k++) {
      if (out[k] <= mins[flexible[k]]) continue;
      const flex = columns[flexible[k]].flex ?? 0;
      if (pick < 0 || out[k] > out[pick] || (out[k] === out[pick] && flex > (columns[flexible[pick]].flex ?? 0))) pick = k;
    }
    if (pick < 0) break;
    out[pick]--;
  }
  flexible.forEach((i, k) => (widths[i] = out[k]));
}

export interface TableProps<R extends { key: string }> {
  columns: Column<R>[];
  rows: R[];
  cursor: number;
  /** Index of the first visible row. */
  top: number;
  /** Rows shown, not counting the titles. */
  height: number;
  width: number;
  /** Shown when there are no rows. */
  empty: string;
}

/**
 * A list with a title line and a window of `height` rows starting at `top`: only the visible rows
 * are rendered, whatever the number of rows. The selected row is marked with `>` and inverse video.
 */
export function Table<R extends { key: string }>({ columns, rows, cursor, top, height, width, empty }: TableProps<R>) {
  // Cells and widths depend on the rows, not on the cursor: a key press that only moves the
  // cursor re-renders the visible window without recomputing every row. A refresh brings new
  // row objects; a row equal to the one before keeps its cells (the same array), so that its
  // line is not drawn again.
  const previous = useRef<{ columns: Column<R>[]; byKey: Map<string, { text: string; cells: Segment[] }> } | null>(null);
  const cells = useMemo(() => {
    const before = previous.current?.columns === columns ? previous.current.byKey : new Map<string, { text: string; cells: Segment[] }>();
    const byKey = new Map<string, { text: string; cells: Segment[] }>();
    const out = rows.map((r) => {
      const text = JSON.stringify(r);
      const known = before.get(r.key);
      const entry = known && known.text === text ? known : { text, cells: columns.map((c) => c.cell(r)) };
      byKey.set(r.key, entry);
      return entry.cells;
    });
    previous.current = { columns, byKey };
    return out;
  }, [rows, columns]);
  const widths = useStable(useMemo(() => columnWidths(columns, cells, width), [columns, cells, width]));
  const start = Math.max(0, Math.min(top, Math.max(0, rows.length - height)));
  const visible = rows.slice(start, start + height);
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text wrap="truncate-end" bold>
        {'  '}
        {line(columns, widths, columns.map((c) => ({ text: c.title }))).map((s) => s.text).join('')}
      </Text>
      {rows.length === 0 ? <Text dimColor>{`  ${empty}`}</Text> : null}
      {visible.map((row, i) => (
        <TableRow key={row.key} columns={columns} widths={widths} cells={cells[start + i]} selected={start + i === cursor} />
      ))}
    </Box>
  );
}

/** The cells of a row fitted to the column widths, with the gaps; dropped columns left out. */
function line<R>(columns: Column<R>[], widths: number[], segments: Segment[]): Segment[] {
  const last = widths.reduce((at, w, i) => (w > 0 ? i : at), 0);
  return segments.flatMap((s, i) => (widths[i] === 0 ? [] : [{ ...s, text: fit(s.text, widths[i], columns[i].align, columns[i].cut) + (i < last ? ' '.repeat(GAP) : '') }]));
}

/** The same array as last time while the values are the same, so that memoised rows stay. */
function useStable(values: number[]): number[] {
  const ref = useRef(values);
  if (ref.current.length !== values.length || ref.current.some((v, i) => v !== values[i])) ref.current = values;
  return ref.current;
}

interface TableRowProps<R> {
  columns: Column<R>[];
  widths: number[];
  cells: Segment[];
  selected: boolean;
}

/** One row; drawn again only when its cells, the widths or its selection change. */
const TableRow = memo(function TableRow<R>({ columns, widths, cells, selected }: TableRowProps<R>) {
  return (
    <Text wrap="truncate-end" inverse={selected}>
      {selected ? '> ' : '  '}
      {line(columns, widths, cells).map((s, j) => (
        <Text key={j} {...toneProps(s.tone)} bold={s.bold === true}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}) as <R>(props: TableRowProps<R>) => ReturnType<typeof Text>;
