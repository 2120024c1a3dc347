import { completeCommand, parseCommand } from './commands.js';
import { intentsOf, isPrintable, splitKeys, type Intent } from './keymap.js';
import { bodyHeight, listHeight, windowTop } from './layout.js';
import { cursorOf, linesOf, rowsOf } from './selectors.js';
import { currentView, listView, type Action, type DocumentViewKind, type KeyInfo, type ListView, type State, type View } from './state.js';
import { sourceInfo } from '../data/source.js';

function replaceTop(state: State, view: View): State {
  return { ...state, stack: [...state.stack.slice(0, -1), view] };
}

function push(state: State, view: View): State {
  return { ...state, stack: [...state.stack, view], fetched: null };
}

function isList(view: View): view is ListView {
  return view.kind === 'gateways' || view.kind === 'certs' || view.kind === 'meshes';
}

function moveList(state: State, view: ListView, to: (cursor: number, count: number, page: number) => number): State {
  const rows = rowsOf(state.model, view);
  if (rows.length === 0) return state;
  const height = listHeight(state);
  const cursor = Math.max(0, Math.min(rows.length - 1, to(cursorOf(view, rows), rows.length, height)));
  const top = windowTop(view.top, cursor, height, rows.length);
  return replaceTop(state, { ...view, cursor, top, selected: rows[cursor].key });
}

function scrollDoc(state: State, view: DocumentViewKind, to: (scroll: number, max: number, page: number) => number): State {
  const height = bodyHeight(state);
  const max = Math.max(0, linesOf(state, view).length - height);
  const scroll = Math.max(0, Math.min(max, to(Math.min(view.scroll, max), max, height)));
  return scroll === view.scroll ? state : replaceTop(state, { ...view, scroll });
}

function move(state: State, to: (at: number, count: number, page: number) => number): State {
  const view = currentView(state);
  if (isList(view)) return moveList(state, view, to);
  return scrollDoc(state, view, (scroll, max, page) => to(scroll, max + 1, page));
}

function open(state: State): State {
  const view = currentView(state);
  if (!isList(view)) return state;
  const rows = rowsOf(state.model, view);
  const row = rows[cursorOf(view, rows)];
  if (!row) return state;
  switch (view.kind) {
    case 'gateways':
      return push(state, { kind: 'gateway', key: row.key, scroll: 0 });
    case 'certs':
      return push(state, { kind: 'yaml', target: { kind: 'certificate', key: row.key }, scroll: 0 });
    case 'meshes':
      return push(state, listView('gateways', { mesh: row.key }));
  }
}

function yaml(state: State): State {
  const view = currentView(state);
  if (view.kind === 'gateway') return push(state, { kind: 'yaml', target: { kind: 'gateway', key: view.key }, scroll: 0 });
  if (!isList(view)) return state;
  const rows = rowsOf(state.model, view);
  const row = rows[cursorOf(view, rows)];
  if (!row) return state;
  const target = view.kind === 'gateways' ? { kind: 'gateway' as const, key: row.key } : view.kind === 'certs' ? { kind: 'certificate' as const, key: row.key } : { kind: 'mesh' as const, name: row.key };
  return push(state, { kind: 'yaml', target, scroll: 0 });
}

/** What applying the laid-over files changes in the selected gateway, or in the one open. */
function diff(state: State): State {
  if (state.model !== null && !state.model.overlay) {
    return { ...state, flash: { text: 'd shows what files would change: start with meshgw tui --cp URL PATH...', tone: 'muted' } };
  }
  const view = currentView(state);
  if (view.kind === 'gateway') return push(state, { kind: 'diff', key: view.key, scroll: 0 });
  if (view.kind !== 'gateways') return { ...state, flash: { text: 'd shows the diff of a gateway: select one in the gateway list.', tone: 'muted' } };
  const rows = rowsOf(state.model, view);
  const row = rows[cursorOf(view, rows)];
  return row ? push(state, { kind: 'diff', key: row.key, scroll: 0 }) : state;
}

/** In the gateway detail, shows the next bound dataplane's own view, then all of them again. */
function nextDataplane(state: State): State {
  const view = currentView(state);
  if (view.kind !== 'gateway') return { ...state, flash: { text: 'v shows one dataplane at a time in a gateway\'s detail.', tone: 'muted' } };
  const count = state.model?.entries.get(view.key)?.gateway.dataplanes.length ?? 0;
  if (count === 0) return { ...state, flash: { text: 'No dataplane is bound to this gateway.', tone: 'muted' } };
  const current = view.dataplane ?? -1;
  return replaceTop(state, { ...view, dataplane: current + 1 >= count ? -1 : current + 1 });
}

function back(state: State): State {
  const view = currentView(state);
  if (isList(view) && view.filter !== '') return replaceTop(state, { ...view, filter: '', top: 0 });
  if (state.stack.length > 1) return { ...state, stack: state.stack.slice(0, -1), fetched: null };
  return state;
}

function applyIntent(state: State, intent: Intent): State {
  switch (intent) {
    case 'up':
      return move(state, (at) => at - 1);
    case 'down':
      return move(state, (at) => at + 1);
    case 'pageUp':
      return move(state, (at, _count, page) => at - page);
    case 'pageDown':
      return move(state, (at, _count, page) => at + page);
    case 'top':
      return move(state, () => 0);
    case 'bottom':
      return move(state, (_at, count) => count - 1);
    case 'open':
      return open(state);
    case 'back':
      return back(state);
    case 'yaml':
      return yaml(state);
    case 'diff':
      return diff(state);
    case 'dataplane':
      return nextDataplane(state);
    case 'filter': {
      const view = currentView(state);
      if (!isList(view)) return { ...state, flash: { text: 'Filters apply to lists: gateways, certificates, meshes.', tone: 'muted' } };
      return { ...state, mode: 'filter' };
    }
    case 'command':
      return { ...state, mode: 'command', input: '' };
    case 'help':
      return { ...state, help: true };
    case 'refresh':
      return { ...state, refreshNonce: state.refreshNonce + 1 };
    case 'quit':
      return { ...state, quit: true };
  }
}

function runCommand(state: State, text: string): State {
  const command = parseCommand(text);
  const normal: State = { ...state, mode: 'normal', input: '' };
  switch (command.kind) {
    case 'view': {
      let view: ListView = listView(command.view);
      if (command.arg !== '' && command.view === 'gateways') {
        const meshes = state.model?.meshes.map((m) => m.name) ?? null;
        if (meshes !== null && !meshes.includes(command.arg)) {
          const known = meshes.length > 0 ? ` Meshes: ${meshes.join(', ')}.` : '';
          return { ...normal, flash: { text: `No mesh named "${command.arg}".${known} Filter the list with / instead.`, tone: 'warn' } };
        }
        view = listView('gateways', { mesh: command.arg });
      } else if (command.arg !== '') {
        view = { ...view, filter: command.arg };
      }
      return { ...normal, stack: [view], fetched: null };
    }
    case 'context': {
      const source = state.source;
      if (source.kind !== 'live') return { ...normal, flash: { text: 'Contexts need a control plane; this session reads files.', tone: 'warn' } };
      if (command.name === '') {
        const current = state.info.kind === 'live' ? state.info.context : null;
        const known = source.contexts ?? [];
        const list = known.length > 0 ? `Contexts: ${known.join(', ')}.` : 'No kumactl contexts are known.';
        return { ...normal, flash: { text: `${list} Current: ${current ?? 'none (--cp)'}. Switch with :ctx NAME.`, tone: 'plain' } };
      }
      if (!source.connectContext) return { ...normal, flash: { text: 'Switching contexts is not available here.', tone: 'warn' } };
      return { ...normal, contextRequest: command.name, flash: { text: `Connecting to context ${command.name}…`, tone: 'muted' } };
    }
    case 'quit':
      return { ...normal, quit: true };
    case 'help':
      return { ...normal, help: true };
    case 'unknown':
      return { ...normal, flash: { text: `Unknown command "${command.text}". Try :gateways, :certs, :meshes or :ctx NAME.`, tone: 'warn' } };
  }
}

function editText(text: string, input: string, key: KeyInfo): string | null {
  if (key.backspace || key.delete) return text.slice(0, -1);
  if (isPrintable(input, key)) return text + input;
  return null;
}

function onKey(state: State, input: string, key: KeyInfo): State {
  let out = state;
  for (const [ch, flags] of splitKeys(input, key)) {
    out = onSingleKey(out, ch, flags);
    if (out.quit) break;
  }
  return out;
}

function onSingleKey(state: State, input: string, key: KeyInfo): State {
  const s: State = state.flash ? { ...state, flash: null } : state;
  if (key.ctrl && input === 'c') return { ...s, quit: true };
  if (s.help) {
    if (key.escape || key.return || input === '?' || input === 'q') return { ...s, help: false };
    return s;
  }
  if (s.mode === 'filter') {
    const view = currentView(s);
    if (!isList(view)) return { ...s, mode: 'normal' };
    if (key.return) return { ...s, mode: 'normal' };
    if (key.escape) return replaceTop({ ...s, mode: 'normal' }, { ...view, filter: '', top: 0 });
    const next = editText(view.filter, input, key);
    return next === null ? s : replaceTop(s, { ...view, filter: next, top: 0 });
  }
  if (s.mode === 'command') {
    if (key.return) return runCommand(s, s.input);
    if (key.escape) return { ...s, mode: 'normal', input: '' };
    if (key.tab) return { ...s, input: completeCommand(s.input, s.source.kind === 'live' ? s.source.contexts ?? [] : []) };
    const next = editText(s.input, input, key);
    return next === null ? s : { ...s, input: next };
  }
  let out = s;
  for (const intent of intentsOf(input, key)) out = applyIntent(out, intent);
  return out;
}

/** The app's only state transition. Pure: effects read the state it returns. */
export function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'key':
      return onKey(state, action.input, action.key);
    case 'resize':
      if (action.columns === state.size.columns && action.rows === state.size.rows) return state;
      return { ...state, size: { columns: action.columns, rows: action.rows } };
    case 'tick':
      return action.at === state.clock ? state : { ...state, clock: action.at };
    case 'refreshStarted':
      return state.status.refreshing ? state : { ...state, status: { ...state.status, refreshing: true } };
    case 'loaded':
      return {
        ...state,
        model: action.data.model,
        info: action.data.info,
        notes: action.data.notes,
        status: { refreshing: false, lastSuccessAt: action.data.at, error: null, count: state.status.count + 1 },
        clock: Math.max(state.clock, action.data.at),
      };
    case 'partial':
      // Shown only while nothing complete is: a late partial never replaces a full model.
      if (state.status.lastSuccessAt !== null) return state;
      return { ...state, model: action.data.model, info: action.data.info, notes: action.data.notes, clock: Math.max(state.clock, action.data.at) };
    case 'failed':
      return { ...state, status: { ...state.status, refreshing: false, error: { message: action.message, at: action.at } }, clock: Math.max(state.clock, action.at) };
    case 'sourceChanged': {
      const root = state.stack[0];
      const kind = isList(root) ? root.kind : 'gateways';
      return {
        ...state,
        source: action.source,
        info: sourceInfo(action.source),
        model: null,
        notes: [],
        status: { refreshing: false, lastSuccessAt: null, error: null, count: 0 },
        stack: [listView(kind)],
        contextRequest: null,
        fetched: null,
        flash: { text: `Switched to context ${action.name}.`, tone: 'ok' },
      };
    }
    case 'contextFailed':
      return { ...state, contextRequest: null, flash: { text: `Cannot switch to context ${action.name}: ${action.message}`, tone: 'bad' } };
    case 'resourceLoaded':
      return { ...state, fetched: { path: action.path, value: action.value, error: null } };
    case 'resourceFailed':
      return { ...state, fetched: { path: action.path, value: undefined, error: action.message } };
  }
}
