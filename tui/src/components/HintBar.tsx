import { Text } from 'ink';
import type { Tone } from '../data/certificate-status.js';
import { toneProps } from './tone.js';

export interface HintBarProps {
  /** Pairs of key and what it does, in order of importance (the end is cut on narrow terminals). */
  hints: [string, string][];
  /** A message that replaces the hints until the next key. */
  flash: { text: string; tone: Tone } | null;
}

/** The bottom line: the keys that work here, k9s style, or a one-line message. */
export function HintBar({ hints, flash }: HintBarProps) {
  if (flash) {
    return (
      <Text wrap="truncate-end" {...toneProps(flash.tone)}>
        {flash.text}
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end">
      {hints.map(([key, label], i) => (
        <Text key={i}>
          {i > 0 ? '  ' : ''}
          <Text bold color="cyan">{`<${key}>`}</Text>
          {` ${label}`}
        </Text>
      ))}
    </Text>
  );
}
