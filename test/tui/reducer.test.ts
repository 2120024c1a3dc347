import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '@meshgw/engine';
import { buildViewModel, initialState, parseCommand, reduce, type Action, type KeyInfo, type State } from '@meshgw/tui';
import { manyGateways, NOW, testFiles } from './support/data.js';

function loaded(files = testFiles()): State {
  const source = { kind: 'files' as const, paths: ['ws'], load: async () => files };
  const model = buildViewModel(analyzeFiles(files, { now: NOW }), { mode: 'files' });
  const state = initialState({ source, columns: 100, rows: 24, intervalMs: 5000 });
  return reduce(state, { type: 'loaded', data: { at: NOW.getTime(), info: { kind: 'files', label: 'ws', fileCount: files.length }, model, notes: [] } });
}

function keys(state: State, ...events: (string | [string, KeyInfo])[]): State {
  return events.reduce<State>((s, e) => {
    const action: Action = typeof e === 'string' ? { type: 'key', input: e, key: {} } : { type: 'key', input: e[0], key: e[1] };
    return reduce(s, action);
  }, state);
}

const top = (s: State) => s.stack[s.stack.length - 1];
const ENTER: [string, KeyInfo] = ['\r', { return: true }];
const ESC: [string, KeyInfo] = ['', { escape: true, meta: true }];
/** Backspace as Ink 6.8 reports it on Node 20. */
const BACKSPACE: [string, KeyInfo] = ['', { delete: true }];

describe('keys through the reducer', () => {
  it('acts on each key of a burst in order, against the state the previous key left', () => {
    const s = keys(loaded(), 'jjjj\r');
    expect(top(s)).toMatchObject({ kind: 'gateway', key: 'payments/pay@ws/pay.yaml' });
    expect(top(keys(loaded(), 'j', 'k', ENTER))).toMatchObject({ kind: 'gateway', key: 'default/edge@ws/edge.yaml' });
  });

  it('hands the rest of a chunk to the command line once `:` opens it', () => {
    const s = keys(loaded(), ':certs\r');
    expect(s.mode).toBe('normal');
    expect(s.stack.map((v) => v.kind)).toEqual(['certs']);
    expect(keys(loaded(), ':meshes\rj\r').stack.map((v) => v.kind)).toEqual(['meshes', 'gateways']);
  });

  it('edits the filter with Backspace reported as delete, keeps it on enter, clears it on esc before going back', () => {
    let s = keys(loaded(), ENTER, ESC, '/', 'p', 'a', 'x', BACKSPACE, BACKSPACE, BACKSPACE, 'e', 'd', ENTER);
    expect(top(s)).toMatchObject({ kind: 'gateways', filter: 'ed' });
    expect(s.mode).toBe('normal');
    s = keys(s, 'j', 'j');
    expect(top(s)).toMatchObject({ kind: 'gateways', selected: 'default/edge@ws/edge.yaml' });
    s = keys(s, ESC);
    expect(top(s)).toMatchObject({ kind: 'gateways', filter: '' });
    expect(s.stack.length).toBe(1);
  });

  it('keeps the selection on the same gateway when rows come and go', () => {
    let s = keys(loaded(), 'j');
    expect(top(s)).toMatchObject({ cursor: 1, selected: 'payments/pay@ws/pay.yaml' });
    const more = [...testFiles(), ...manyGateways(3)];
    const model = buildViewModel(analyzeFiles(more, { now: NOW }), { mode: 'files' });
    s = reduce(s, { type: 'loaded', data: { at: NOW.getTime(), info: { kind: 'files', label: 'ws', fileCount: more.length }, model, notes: [] } });
    s = keys(s, ENTER);
    expect(top(s)).toMatchObject({ kind: 'gateway', key: 'payments/pay@ws/pay.yaml' });
  });

  it('shows partial data while the first load runs, never over a complete one', () => {
    const files = testFiles();
    const source = { kind: 'files' as const, paths: ['ws'], load: async () => files };
    const info = { kind: 'files' as const, label: 'ws', fileCount: files.length };
    const full = buildViewModel(analyzeFiles(files, { now: NOW }), { mode: 'files' });
    const partial = buildViewModel(analyzeFiles([], { now: NOW }), { mode: 'files', pending: [{ mesh: 'default', name: 'edge', file: 'ws/edge.yaml' }] });
    let s = reduce(initialState({ source, columns: 100, rows: 24, intervalMs: 5000 }), { type: 'refreshStarted' });
    s = reduce(s, { type: 'partial', data: { at: NOW.getTime(), info, model: partial, notes: [] } });
    expect(s.model).toBe(partial);
    expect(s.status).toMatchObject({ refreshing: true, lastSuccessAt: null });
    expect(s.model?.gateways.map((r) => [r.key, r.pending])).toEqual([['default/edge@ws/edge.yaml', true]]);
    s = reduce(s, { type: 'loaded', data: { at: NOW.getTime(), info, model: full, notes: [] } });
    expect(reduce(s, { type: 'partial', data: { at: NOW.getTime(), info, model: partial, notes: [] } })).toBe(s);
  });

  it('completes commands with tab, quits with q, :q and ctrl-c', () => {
    expect(keys(loaded(), ':', 'me', ['\t', { tab: true }], ENTER).stack.map((v) => v.kind)).toEqual(['meshes']);
    expect(keys(loaded(), 'q').quit).toBe(true);
    expect(keys(loaded(), ':q\r').quit).toBe(true);
    expect(keys(loaded(), '/', ['c', { ctrl: true }]).quit).toBe(true);
    expect(keys(loaded(), '/', 'q').quit).toBe(false);
  });

  it('pages and jumps within the window height', () => {
    let s = keys(loaded([...testFiles(), ...manyGateways(100)]), ['', { pageDown: true }]);
    expect(top(s)).toMatchObject({ cursor: 19, top: 1 });
    s = keys(s, 'G');
    expect(top(s)).toMatchObject({ cursor: 101, top: 83 });
    s = keys(s, 'g');
    expect(top(s)).toMatchObject({ cursor: 0, top: 0 });
  });

  it('parses commands k9s style', () => {
    expect(parseCommand('gw payments')).toEqual({ kind: 'view', view: 'gateways', arg: 'payments' });
    expect(parseCommand(' certificates ')).toEqual({ kind: 'view', view: 'certs', arg: '' });
    expect(parseCommand('ctx prod-eu')).toEqual({ kind: 'context', name: 'prod-eu' });
    expect(parseCommand('delete gw')).toEqual({ kind: 'unknown', text: 'delete gw' });
  });
});
