import type { Tone } from '../data/certificate-status.js';
import type { LoadedData } from '../data/loader.js';
import { sourceInfo, type DataSource, type LiveSource, type SourceInfo } from '../data/source.js';
import type { ViewModel } from '../data/view-model.js';
import type { YamlTarget } from '../views/yaml-view.js';

/** A list view's position: the cursor index, the first visible row, and the selected row's key. */
export interface ListPosition {
  cursor: number;
  top: number;
  /** Follows the selected row across refreshes and filters; null before any move. */
  selected: string | null;
  filter: string;
}

export type View =
  | ({ kind: 'gateways'; mesh: string | null } & ListPosition)
  | ({ kind: 'certs' } & ListPosition)
  | ({ kind: 'meshes' } & ListPosition)
  /** `dataplane`: the bound dataplane whose own view the detail shows; -1 for all of them. */
  | { kind: 'gateway'; key: string; scroll: number; dataplane?: number }
  | { kind: 'yaml'; target: YamlTarget; scroll: number }
  /** What applying the laid-over files changes in one gateway. */
  | { kind: 'diff'; key: string; scroll: number };

/** The views that show a document of lines and scroll. */
export type DocumentViewKind = Extract<View, { kind: 'gateway' | 'yaml' | 'diff' }>;

export type ListView = Extract<View, { kind: 'gateways' | 'certs' | 'meshes' }>;

export interface RefreshStatus {
  refreshing: boolean;
  /** When the data on screen was produced (the engine's `now`, ms); null before the first success. */
  lastSuccessAt: number | null;
  /** The last failure since the last success. */
  error: { message: string; at: number } | null;
  /** Successful refreshes so far; views that fetch on their own follow it. */
  count: number;
}

/** A resource the YAML view fetched from the control plane by its API path. */
export interface Fetched {
  path: string;
  value: unknown;
  error: string | null;
}

/** Everything the app shows. The reducer is the only writer. */
export interface State {
  size: { columns: number; rows: number };
  stack: View[];
  mode: 'normal' | 'filter' | 'command';
  help: boolean;
  /** The text typed in command mode. */
  input: string;
  source: DataSource;
  info: SourceInfo;
  model: ViewModel | null;
  notes: string[];
  status: RefreshStatus;
  intervalMs: number;
  /** Bumped by `r`: the poll restarts at once. */
  refreshNonce: number;
  quit: boolean;
  /** A one-line message until the next key. */
  flash: { text: string; tone: Tone } | null;
  /** A kumactl context the user asked to switch to; the context hook acts on it. */
  contextRequest: string | null;
  fetched: Fetched | null;
  /**
   * The time (ms) the screen is drawn for: the header's "refreshed 12 s ago" and the banner's
   * "showing data 12 s old" both count from it. Ticks, refreshes and failures move it.
   */
  clock: number;
}

/** Key flags as Ink reports them; only the ones the app reads. */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

export type Action =
  | { type: 'key'; input: string; key: KeyInfo }
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'tick'; at: number }
  | { type: 'refreshStarted' }
  | { type: 'loaded'; data: LoadedData }
  /** The first part of a first load (some meshes still pending); the refresh goes on. */
  | { type: 'partial'; data: LoadedData }
  | { type: 'failed'; message: string; at: number }
  | { type: 'sourceChanged'; source: LiveSource; name: string }
  | { type: 'contextFailed'; name: string; message: string }
  | { type: 'resourceLoaded'; path: string; value: unknown }
  | { type: 'resourceFailed'; path: string; message: string };

export function listView<K extends ListView['kind']>(kind: K, extra: Partial<ListView> = {}): ListView {
  const base = { cursor: 0, top: 0, selected: null, filter: '' };
  return (kind === 'gateways' ? { kind, mesh: null, ...base, ...extra } : { kind, ...base, ...extra }) as ListView;
}

export interface InitOptions {
  source: DataSource;
  columns: number;
  rows: number;
  intervalMs: number;
  /** The time (ms) at start; default 0, before any tick. */
  now?: number;
}

export function initialState(options: InitOptions): State {
  return {
    size: { columns: options.columns, rows: options.rows },
    stack: [listView('gateways')],
    mode: 'normal',
    help: false,
    input: '',
    source: options.source,
    info: sourceInfo(options.source),
    model: null,
    notes: [],
    status: { refreshing: false, lastSuccessAt: null, error: null, count: 0 },
    intervalMs: options.intervalMs,
    refreshNonce: 0,
    quit: false,
    flash: null,
    contextRequest: null,
    fetched: null,
    clock: options.now ?? 0,
  };
}

export function currentView(state: State): View {
  return state.stack[state.stack.length - 1];
}
