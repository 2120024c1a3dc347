import { Text } from 'ink';
import type { Line } from '../views/styled.js';
import { toneProps } from './tone.js';

export interface StyledLineProps {
  line: Line;
}

/** One line of styled segments, cut (never wrapped) at the terminal's width. */
export function StyledLine({ line }: StyledLineProps) {
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((s, i) => (
        <Text key={i} {...toneProps(s.tone)} bold={s.bold === true}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}
