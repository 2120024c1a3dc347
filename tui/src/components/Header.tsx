import { Box, Text } from 'ink';
import type { SourceInfo } from '../data/source.js';
import type { RefreshStatus } from '../state/state.js';
import { ago, clockTime } from '../views/format.js';

export interface HeaderProps {
  info: SourceInfo;
  status: RefreshStatus;
  /** The current time (ms), for "refreshed 12 s ago". */
  clock: number;
  crumbs: string[];
  /** `[shown/total]` for lists; null for other views. */
  count: { shown: number; total: number } | null;
  filter: string;
  width: number;
}

function modeText(info: Extract<SourceInfo, { kind: 'live' }>): string {
  if (info.mode === null) return '';
  if (info.mode === 'zone') return `zone${info.zone ? ` ${info.zone}` : ''}${info.federated ? ' (federated)' : ''}`;
  return info.mode;
}

/** Said only when the rules are not those of the version the control plane runs. */
function rulesText(info: Extract<SourceInfo, { kind: 'live' }>): string {
  if (info.rules === null) return '';
  if (info.pinned) return `rules of Kuma ${info.rules} (pinned)`;
  return info.ownRules ? '' : `rules of Kuma ${info.rules}`;
}

function freshness(status: RefreshStatus, clock: number, wide: boolean): { text: string; color?: string } {
  if (status.lastSuccessAt === null) return { text: status.refreshing ? 'loading…' : status.error ? 'no data' : 'waiting', color: status.error ? 'red' : undefined };
  const age = `refreshed ${ago(clock - status.lastSuccessAt)}${wide ? ` (${clockTime(status.lastSuccessAt)} UTC)` : ''}`;
  if (status.error) return { text: `STALE: ${age}`, color: 'red' };
  return { text: status.refreshing ? `${age} ↻` : age };
}

/**
 * Two lines: where the data comes from (control plane, product, version and mode, or the files)
 * with when it was last refreshed; then the breadcrumbs of the view stack, the row count and
 * the filter. Skipping TLS verification shows in red.
 */
export function Header({ info, status, clock, crumbs, count, filter, width }: HeaderProps) {
  const fresh = freshness(status, clock, width >= 120);
  return (
    <Box flexDirection="column" width={width}>
      <Box width={width}>
        <Box flexGrow={1} flexShrink={1}>
          <Text wrap="truncate-end">
            <Text bold color="cyan">
              meshgw
            </Text>
            {info.kind === 'files' ? (
              <Text>
                {'  files '}
                <Text bold>{info.label}</Text>
                <Text dimColor>{`  ${info.fileCount} file${info.fileCount === 1 ? '' : 's'}, no control plane, Kuma ${info.rules} rules`}</Text>
              </Text>
            ) : (
              <Text>
                {info.insecure ? (
                  <Text color="red" bold>
                    {'  TLS NOT VERIFIED'}
                  </Text>
                ) : null}
                {info.context !== null ? <Text>{`  ctx ${info.context}`}</Text> : null}
                {'  '}
                <Text bold>{info.product !== null ? `${info.product} ${info.version ?? ''}`.trim() : 'control plane'}</Text>
                {rulesText(info) ? <Text color="yellow">{`  ${rulesText(info)}`}</Text> : null}
                {modeText(info) ? <Text>{`  ${modeText(info)}`}</Text> : null}
                <Text dimColor>{`  ${info.url}`}</Text>
                {info.overlay !== undefined ? (
                  <Text>
                    {'  + files '}
                    <Text bold>{info.overlay}</Text>
                  </Text>
                ) : null}
              </Text>
            )}
          </Text>
        </Box>
        <Box flexShrink={0} marginLeft={2}>
          <Text color={fresh.color} bold={fresh.color !== undefined}>
            {fresh.text}
          </Text>
        </Box>
      </Box>
      <Text wrap="truncate-end">
        {crumbs.map((c, i) => (
          <Text key={i} bold={i === crumbs.length - 1} dimColor={i < crumbs.length - 1}>
            {i > 0 ? ' › ' : ''}
            {c}
          </Text>
        ))}
        {count !== null ? <Text dimColor>{count.shown === count.total ? `  [${count.total}]` : `  [${count.shown}/${count.total}]`}</Text> : null}
        {filter !== '' ? <Text color="cyan">{`  /${filter}`}</Text> : null}
      </Text>
    </Box>
  );
}
