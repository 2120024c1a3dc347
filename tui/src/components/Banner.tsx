import { Text } from 'ink';
import type { Tone } from '../certificate-status.js';
import { toneProps } from './tone.js';

export interface BannerProps {
  text: string;
  tone: Tone;
  /** 1 or 2: longer text is cut. */
  lines: number;
  width: number;
}

/** A failed refresh (red) or a note (yellow), under the header. */
export function Banner({ text, tone, lines, width }: BannerProps) {
  const max = lines * width;
  const shown = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return (
    <Text {...toneProps(tone)} bold={tone === 'bad'} wrap="wrap">
      {shown}
    </Text>
  );
}
