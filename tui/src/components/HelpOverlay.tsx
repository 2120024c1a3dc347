import { Box, Text } from 'ink';
import { CRITICAL_DAYS, WARNING_DAYS } from '../data/certificate-status.js';
import { duration } from '../views/format.js';

export interface HelpOverlayProps {
  height: number;
  intervalMs: number;
  secretsIntervalMs: number;
}

const KEYS: [string, string][] = [
  ['↑ ↓  k j', 'move, scroll'],
  ['PgUp PgDn  ctrl-b ctrl-f', 'page'],
  ['g G  Home End', 'first, last'],
  ['enter  l  →', 'open: gateway detail, certificate facts, gateways of a mesh'],
  ['esc  h  ←', 'back (clears the filter first)'],
  ['/', 'filter the list (words, any order); enter keeps it, esc clears it'],
  [':', 'command: :gateways [MESH], :certs, :meshes, :ctx NAME, :q'],
  ['y', 'YAML of the selected resource (never Secrets)'],
  ['d', 'what applying the files changes in the selected gateway (tui --cp URL PATH...)'],
  ['v', 'in a gateway: one bound dataplane\'s final tags at a time, then all'],
  ['r', 'refresh now (Secrets too)'],
  ['?', 'this help'],
  ['q  ctrl-c', 'quit'],
];

/** The keys, the certificate bands and how data is refreshed. Any of esc, enter, ? or q closes it. */
export function HelpOverlay({ height, intervalMs, secretsIntervalMs }: HelpOverlayProps) {
  const width = Math.max(...KEYS.map(([k]) => k.length));
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text bold color="cyan">
        Keys
      </Text>
      {KEYS.map(([key, text]) => (
        <Text key={key} wrap="truncate-end">
          {'  '}
          <Text bold>{key.padEnd(width)}</Text>
          {`  ${text}`}
        </Text>
      ))}
      <Text> </Text>
      <Text bold color="cyan">
        Certificates
      </Text>
      <Text wrap="truncate-end">
        {'  '}
        <Text color="red" bold>{`expired, under ${CRITICAL_DAYS} days`}</Text>
        {'  '}
        <Text color="yellow">{`under ${WARNING_DAYS} days`}</Text>
        {'  '}
        <Text color="green">{`${WARNING_DAYS} days or more`}</Text>
      </Text>
      <Text wrap="truncate-end">{'  admin-only: reading Secrets needs an admin token · not found · file: unsupported by gateways'}</Text>
      <Text> </Text>
      <Text bold color="cyan">
        Data
      </Text>
      <Text wrap="truncate-end">{`  Lists refresh every ${duration(intervalMs)}, Secrets every ${duration(secretsIntervalMs)}. A failed refresh keeps the last data on screen.`}</Text>
      <Text dimColor>{'  esc, enter, ? or q closes this help'}</Text>
    </Box>
  );
}
