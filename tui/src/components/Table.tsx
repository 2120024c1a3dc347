import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { toneProps } from './tone.js';
import { fit } from '../views/format.js';
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
   * Flexible columns shrink first when the terminal is narrow, the highest number first, each
   * down to its minimum before the next one gives way.
   */
  flex?: number;
  /** Columns with a drop number are left out, highest first, when shrinking is not enough. */
  drop?: number;
  /** Cut long cells at the start, keeping the end (paths). */
  keepEnd?: boolean;
}

const GAP = 2;
/** The selection marker column. */
const MARK = 2;

/**
 * Column widths: each column's widest cell (capped), shrunk to fit `width`, flexible ones first;
 * then droppable columns are left out (width 0) until the rest fits.
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
  let excess = needed(widths) - width;
  const order = columns
    .map((c, i) => ({ i, flex: c.flex ?? 0 }))
    .filter((c) => c.flex > 0)
    .sort((a, b) => b.flex - a.flex || b.i - a.i);
  for (const { i } of order) {
    const give = Math.min(excess, widths[i] - mins[i]);
    if (give <= 0) continue;
    widths[i] -= give;
    excess -= give;
  }
  return widths;
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
    segments.flatMap((s, i) => (widths[i] === 0 ? [] : [{ ...s, text: fit(s.text, widths[i], columns[i].align, columns[i].keepEnd === true) + (i < last ? ' '.repeat(GAP) : '') }]));
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
