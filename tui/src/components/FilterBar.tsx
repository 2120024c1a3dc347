import { Text } from 'ink';

export interface FilterBarProps {
  mode: 'filter' | 'command';
  text: string;
}

/** The bottom line while typing a filter (`/`) or a command (`:`). */
export function FilterBar({ mode, text }: FilterBarProps) {
  return (
    <Text wrap="truncate-end">
      <Text bold color="cyan">
        {mode === 'filter' ? '/' : ':'}
      </Text>
      {text}
      <Text dimColor>_</Text>
      <Text dimColor>
        {mode === 'filter' ? '   enter keeps the filter · esc clears it' : '   gateways [MESH] · certs · meshes · ctx NAME · q   (tab completes, esc cancels)'}
      </Text>
    </Text>
  );
}
