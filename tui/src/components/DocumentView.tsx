import { Box } from 'ink';
import type { Line } from '../views/styled.js';
import { StyledLine } from './StyledLine.js';

export interface DocumentViewProps {
  lines: Line[];
  /** Index of the first line shown. */
  scroll: number;
  height: number;
}

/** A scrolled window of lines: only the visible ones are rendered. */
export function DocumentView({ lines, scroll, height }: DocumentViewProps) {
  const start = Math.max(0, Math.min(scroll, Math.max(0, lines.length - height)));
  const visible = lines.slice(start, start + height);
  return (
    <Box flexDirection="column" height={height}>
      {visible.map((line, i) => (
        <StyledLine key={start + i} line={line} />
      ))}
    </Box>
  );
}
