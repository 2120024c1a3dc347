import { useEffect, useMemo, useReducer } from 'react';
import { Box, Text, useApp, useInput, useStdin, useStdout } from 'ink';
import { Banner } from './components/Banner.js';
import { DocumentView } from './components/DocumentView.js';
import { CertificateList } from './components/CertificateList.js';
import { FilterBar } from './components/FilterBar.js';
import { GatewayDetail } from './components/GatewayDetail.js';
import { GatewayList } from './components/GatewayList.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { HintBar } from './components/HintBar.js';
import { MeshList } from './components/MeshList.js';
import { YamlView } from './components/YamlView.js';
import { createLoader, type Loader } from './data/loader.js';
import type { DataSource } from './data/source.js';
import type { CertificateRow } from './data/certificate-rows.js';
import type { GatewayRow } from './data/gateway-rows.js';
import type { MeshRow } from './data/mesh-rows.js';
import { useClock } from './hooks/use-clock.js';
import { useContextSwitch } from './hooks/use-context-switch.js';
import { usePoll } from './hooks/use-poll.js';
import { useResource } from './hooks/use-resource.js';
import { sizeOf, useTerminalSize } from './hooks/use-terminal-size.js';
import { bannerLines, bannerOf, bodyHeight, frameHeight, listHeight, MIN_COLUMNS, MIN_ROWS, tooSmall, windowTop } from './state/layout.js';
import { reduce } from './state/reducer.js';
import { crumbOf, cursorOf, fetchPathOf, linesOf, rowsOf, totalOf } from './state/selectors.js';
import { currentView, initialState, type State, type View } from './state/state.js';

export interface AppProps {
  source: DataSource;
  /** Milliseconds between list refreshes. Default 5 000. */
  refreshMs?: number;
  /** Milliseconds between Secrets refreshes. Default 60 000. */
  secretsRefreshMs?: number;
  /** The clock: the engine's `now` at each refresh and the header's "ago". Default: the real time. */
  now?: () => Date;
  /** Run the engine in a worker thread so that keys never wait for it. Default true. */
  analysisThread?: boolean;
  /** A loader for `source` made by the caller (see `startLoader`); the app closes it. */
  loader?: Loader;
}

const realNow = (): Date => new Date();

/** The hint bar's keys for a view; `d` where it shows a diff (files laid over a control plane). */
function hintsOf(view: View, overlay: boolean): [string, string][] {
  const tail: [string, string][] = [[':', 'command'], ['r', 'refresh'], ['?', 'help'], ['q', 'quit']];
  const diff: [string, string][] = overlay ? [['d', 'diff']] : [];
  switch (view.kind) {
    case 'gateways':
      return [['enter', 'open'], ...diff, ['y', 'yaml'], ['/', 'filter'], ['esc', 'back'], ...tail];
    case 'certs':
      return [['enter', 'facts'], ['/', 'filter'], ['esc', 'back'], ...tail];
    case 'meshes':
      return [['enter', 'gateways'], ['y', 'yaml'], ['/', 'filter'], ['esc', 'back'], ...tail];
    case 'gateway':
      return [['j/k', 'scroll'], ...diff, ['y', 'yaml'], ['esc', 'back'], ...tail];
    case 'yaml':
    case 'diff':
      return [['j/k', 'scroll'], ['esc', 'back'], ...tail];
  }
}

function Body({ state, secretsIntervalMs }: { state: State; secretsIntervalMs: number }) {
  const view = currentView(state);
  const height = bodyHeight(state);
  const width = state.size.columns;
  if (state.help) return <HelpOverlay height={height} intervalMs={state.intervalMs} secretsIntervalMs={secretsIntervalMs} />;
  if (state.model === null) {
    return (
      <Box height={height}>
        <Text dimColor>{state.status.error ? 'No data yet. Press r to retry now, q to quit.' : 'Loading…'}</Text>
      </Box>
    );
  }
  switch (view.kind) {
    case 'gateways':
    case 'certs':
    case 'meshes': {
      const rows = rowsOf(state.model, view);
      const cursor = cursorOf(view, rows);
      const rowsHeight = listHeight(state);
      const top = windowTop(view.top, cursor, rowsHeight, rows.length);
      const common = { cursor, top, height: rowsHeight, width };
      if (view.kind === 'gateways') return <GatewayList rows={rows as GatewayRow[]} mode={state.model.mode} overlay={state.model.overlay} {...common} />;
      if (view.kind === 'certs') return <CertificateList rows={rows as CertificateRow[]} loading={state.model.pendingMeshes.length > 0} {...common} />;
      return <MeshList rows={rows as MeshRow[]} mode={state.model.mode} {...common} />;
    }
    case 'gateway':
      return <GatewayDetail lines={linesOf(state, view)} scroll={view.scroll} height={height} />;
    case 'yaml':
      return <YamlView lines={linesOf(state, view)} scroll={view.scroll} height={height} />;
    case 'diff':
      return <DocumentView lines={linesOf(state, view)} scroll={view.scroll} height={height} />;
  }
}

/**
 * The terminal app. Owns all state through one reducer; keys are dispatched, never handled
 * against render-time state. Data flows loader -> `usePoll` -> reducer -> components.
 */
export function App({ source, refreshMs = 5_000, secretsRefreshMs = 60_000, now = realNow, analysisThread = true, loader: given }: AppProps) {
  const { stdout } = useStdout();
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const [state, dispatch] = useReducer(reduce, undefined, () => initialState({ source, ...sizeOf(stdout), intervalMs: refreshMs, now: now().getTime() }));
  const loader = useMemo(
    () => (given && state.source === source ? given : createLoader(state.source, { secretsIntervalMs: secretsRefreshMs, thread: analysisThread })),
    [given, source, state.source, secretsRefreshMs, analysisThread],
  );
  useEffect(() => () => loader.close(), [loader]);
  usePoll(loader, { intervalMs: refreshMs, nonce: state.refreshNonce, now }, dispatch);
  useTerminalSize(dispatch);
  useContextSwitch(state.source, state.contextRequest, dispatch);
  useResource(state.source, fetchPathOf(state), state.status.count, dispatch);
  useClock(now, dispatch);
  useInput((input, key) => dispatch({ type: 'key', input, key }), { isActive: isRawModeSupported === true });

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  useEffect(() => {
    const current = state.source;
    return () => {
      if (current.kind === 'live') current.client.close();
    };
  }, [state.source]);

  const { columns } = state.size;
  if (tooSmall(state.size)) {
    return (
      <Box flexDirection="column" height={frameHeight(state.size)}>
        <Text wrap="wrap" color="yellow">{`Terminal too small (${columns}×${state.size.rows}); meshgw tui needs at least ${MIN_COLUMNS}×${MIN_ROWS}. Resize it, or press q to quit.`}</Text>
      </Box>
    );
  }
  const view = currentView(state);
  const isList = view.kind === 'gateways' || view.kind === 'certs' || view.kind === 'meshes';
  const banner = bannerOf(state);
  return (
    <Box flexDirection="column" height={frameHeight(state.size)} width={columns}>
      <Header
        info={state.info}
        status={state.status}
        clock={state.clock}
        crumbs={state.stack.map((v) => crumbOf(v, state.model))}
        count={isList && state.model !== null ? { shown: rowsOf(state.model, view).length, total: totalOf(state.model, view) } : null}
        filter={isList ? view.filter : ''}
        width={columns}
      />
      {banner ? <Banner text={banner.text} tone={banner.tone} lines={bannerLines(state)} width={columns} /> : null}
      <Body state={state} secretsIntervalMs={secretsRefreshMs} />
      {state.mode === 'normal' ? <HintBar hints={hintsOf(view, state.model?.overlay === true)} flash={state.flash} /> : <FilterBar mode={state.mode} text={state.mode === 'filter' && isList ? view.filter : state.input} />}
    </Box>
  );
}
