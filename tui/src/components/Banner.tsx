import { Box, Text } from 'ink';
import type { Tone } from '../data/certificate-status.js';
import { wrapWords } from '../views/format.js';
import { toneProps } from './tone.js';

export interface BannerProps {
  text: string;
  tone: Tone;
  /** 1 or 2: longer text is cut. */
  lines: number;
  width: number;
}

/**
 * A failed refresh (red) or a note (yellow), under the header. Exactly `lines` lines: the text is
 * broken at spaces here, not by Ink, so that it never takes more lines than the layout gave it;
 * the last line ends with "…" when the text is cut.
 */
export function Banner({ text, tone, lines, width }: BannerProps) {
  const rows = wrapWords(text, width);
  if (rows.length > lines) {
    const last = rows[lines - 1];
    rows.splice(lines - 1, rows.length, last.length < width ? `${last}…` : `${last.slice(0, width - 1)}…`);
  }
  return (
    <Box flexDirection="column" flexShrink={0}>
      {rows.map((row, i) => (
        <Text key={i} {...toneProps(tone)} bold={tone === 'bad'} wrap="truncate-end">
          {row}
        </Text>
      ))}
    </Box>
  );
}
