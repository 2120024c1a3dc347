import { Box, Text } from 'ink';
import { useMemo } from 'react';
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
  // cursor re-renders the visible window without recomputing every row.
  const cells = useMemo(() => rows.map((r) => columns.map((c) => c.cell(r))), [rows, columns]);
  const widths = useMemo(() => columnWidths(columns, cells, width), [columns, cells, width]);
  const start = Math.max(0, Math.min(top, Math.max(0, rows.length - height)));
  const visible = rows.slice(start, start + height);
  const last = widths.reduce((at, w, i) => (w > 0 ? i : at), 0);
  const line = (segments: Segment[]): Segment[] =>
    segments.flatMap((s, i) => (widths[i] === 0 ? [] : [{ ...s, text: fit(s.text, widths[i], columns[i].align, columns[i].cut) + (i < last ? ' '.repeat(GAP) : '') }]));
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text wrap="truncate-end" bold>
        {'  '}
        {line(columns.map((c) => ({ text: c.title }))).map((s) => s.text).join('')}
      </Text>
      {rows.length === 0 ? <Text dimColor>{`  ${empty}`}</Text> : null}
      {visible.map((row, i) => {
        const index = start + i;
        const selected = index === cursor;
        return (
          <Text key={row.key} wrap="truncate-end" inverse={selected}>
            {selected ? '> ' : '  '}
            {line(cells[index]).map((s, j) => (
              <Text key={j} {...toneProps(s.tone)} bold={s.bold === true}>
                {s.text}
              </Text>
            ))}
          </Text>
        );
      })}
    </Box>
  );
}
