import { mb, median, ms, percentile, ratio, spread, table } from './stats.mjs';

/**
 * Turns raw results into markdown: one table per group, then the targets. Every function takes
 * the raw numbers (milliseconds, bytes) and returns a string; nothing here measures.
 */

function count(n) {
  return n.toLocaleString('en-US');
}

function answered(session, key, total) {
  return session?.[key] === undefined ? 'n/a' : `${session[key]}/${total}`;
}

function failed(session) {
  return session?.error ? `failed: ${session.error}` : null;
}

/** `p50 / p95 / p99` or the failure of the session. */
function cell(session, key, ps) {
  return failed(session) ?? (session?.[key]?.length ? spread(session[key], ps) : 'n/a');
}

function p(session, key, at) {
  return session?.[key]?.length ? percentile(session[key], at) : NaN;
}

export function startTable({ labels, cold, many, manyFiles, requests, indexing, hugeMb }) {
  const [ours, peer] = [many.meshgw, many.yls];
  const during = indexing && !indexing.error ? [...indexing.hover, ...indexing.completion] : [];
  const rows = [
    ['cold start: spawn → `initialize` result (median, min–max of ' + cold.meshgw.length + '), `node server/dist/main.js`', coldCell(cold.meshgw), coldCell(cold.yls), ratio(median(cold.meshgw), median(cold.yls)), ''],
    ['cold start, `meshgw lsp --stdio` of the clone (`npm ci && npm run build`)', coldCell(cold.clone), '', ratio(median(cold.clone), median(cold.yls)), '≤ 200 ms'],
    ['cold start, `meshgw lsp --stdio` of the packed CLI (`npm run pack`)', coldCell(cold.packed), '', ratio(median(cold.packed), median(cold.yls)), '≤ 200 ms'],
    ['cold start, meshgw bundled into one file as the extension ships it', coldCell(cold.bundled), '', ratio(median(cold.bundled), median(cold.yls)), '≤ 200 ms'],
    ['cold start floor: a Node process that loads nothing and answers `initialize`', coldCell(cold.floor), '', ratio(median(cold.floor), median(cold.yls)), ''],
    [
      `${count(manyFiles)}-file workspace and a ${hugeMb} MB file: hover and completion while indexing runs, first / p50 / p95 / p99 (${during.length})`,
      indexing?.error ? `failed: ${indexing.error}` : during.length ? `${ms(indexing.first)} / ${spread(during)}` : 'n/a',
      'n/a (does not index)',
      '',
      'p99 ≤ 20 ms',
    ],
    [`${count(manyFiles)}-file workspace: \`initialized\` → indexed`, ms(ours?.indexMs), 'n/a (does not index)', '', ''],
    [`${count(manyFiles)}-file workspace: open → first diagnostics`, failed(ours) ?? ms(ours?.openToDiagnostics), failed(peer) ?? ms(peer?.openToDiagnostics), ratio(ours?.openToDiagnostics, peer?.openToDiagnostics), ''],
    [`${count(manyFiles)}-file workspace: edit → pushed diagnostics, p50 / p95 / p99`, cell(ours, 'edit'), cell(peer, 'edit'), ratio(p(ours, 'edit', 50), p(peer, 'edit', 50)), ''],
    [`${count(manyFiles)}-file workspace: hover p50 / p95 / p99 (${requests})`, cell(ours, 'hover'), cell(peer, 'hover'), ratio(p(ours, 'hover', 95), p(peer, 'hover', 95)), ''],
    [`${count(manyFiles)}-file workspace: completion p50 / p95 / p99 (${requests})`, cell(ours, 'completion'), cell(peer, 'completion'), ratio(p(ours, 'completion', 95), p(peer, 'completion', 95)), ''],
    [`${count(manyFiles)}-file workspace: peak RSS`, mb(ours?.peakRss), mb(peer?.peakRss), ratio(ours?.peakRss, peer?.peakRss), '≤ 120 MB'],
  ];
  return table(['measure', labels.meshgw, labels.yls, 'ratio', 'target'], rows);
}

/** `median (min–max)` of a list of milliseconds. */
function coldCell(values) {
  if (!values?.length) return 'n/a';
  return `${ms(median(values))} (${ms(Math.min(...values)).replace(/ ms$/, '')}–${ms(Math.max(...values))})`;
}

export function fileTable({ labels, size, push, pull, requests, is20k, isSmallest }) {
  const [ours, peer] = [push.meshgw, push.yls];
  const [oursPull, peerPull] = [pull.meshgw, pull.yls];
  const pullCell = (s) => (s?.unsupported ? 'not offered' : cell(s, 'edit'));
  const rows = [
    ['open → first pushed diagnostics', failed(ours) ?? ms(ours?.openToDiagnostics), failed(peer) ?? ms(peer?.openToDiagnostics), ratio(ours?.openToDiagnostics, peer?.openToDiagnostics), ''],
    ['edit → pushed diagnostics, p50 / p95 / p99 (each server\'s debounce included)', cell(ours, 'edit'), cell(peer, 'edit'), ratio(p(ours, 'edit', 50), p(peer, 'edit', 50)), is20k ? 'p50 ≤ 40 ms' : isSmallest ? 'p50 ≤ 10 ms' : ''],
    ['edit → pulled diagnostics (`textDocument/diagnostic`), p50 / p95 / p99', pullCell(oursPull), pullCell(peerPull), '', is20k ? 'p50 ≤ 20 ms' : ''],
    ['hover, first answer', ms(ours?.hoverFirst), ms(peer?.hoverFirst), ratio(ours?.hoverFirst, peer?.hoverFirst), ''],
    [`hover p50 / p95 / p99 (${requests} positions)`, cell(ours, 'hover'), cell(peer, 'hover'), ratio(p(ours, 'hover', 95), p(peer, 'hover', 95)), is20k ? 'p95 < 5 ms' : ''],
    ['completion, first answer', ms(ours?.completionFirst), ms(peer?.completionFirst), ratio(ours?.completionFirst, peer?.completionFirst), ''],
    [`completion p50 / p95 / p99 (${requests} positions)`, cell(ours, 'completion'), cell(peer, 'completion'), ratio(p(ours, 'completion', 95), p(peer, 'completion', 95)), is20k ? 'p95 < 5 ms' : ''],
    ['documentSymbol p50 / p95', cell(ours, 'symbols', [50, 95]), cell(peer, 'symbols', [50, 95]), ratio(p(ours, 'symbols', 95), p(peer, 'symbols', 95)), ''],
    ['peak RSS', mb(ours?.peakRss), mb(peer?.peakRss), ratio(ours?.peakRss, peer?.peakRss), ''],
    ['diagnostics on open; hovers and completions answered', `${ours?.diagnosticsOnOpen ?? 'n/a'}; ${answered(ours, 'hoverAnswered', requests)}, ${answered(ours, 'completionAnswered', requests)}`, `${peer?.diagnosticsOnOpen ?? 'n/a'}; ${answered(peer, 'hoverAnswered', requests)}, ${answered(peer, 'completionAnswered', requests)}`, '', ''],
  ];
  const title = `${count(size.lines)} lines, ${count(size.units)} gateways, ${count(size.documents)} documents`;
  return { title, markdown: table(['measure', labels.meshgw, labels.yls, 'ratio', 'target'], rows) };
}

/** The median of the ratios of paired runs: steadier than a ratio of medians on a busy machine. */
export function pairedRatio(engine) {
  return median(engine.analyze.map((a, i) => a / engine.parse[i]));
}

export function engineTable(engine) {
  const parse = median(engine.parse);
  const analyze = median(engine.analyze);
  const reanalyze = median(engine.reanalyze);
  const rows = [
    ['`yaml` `parseAllDocuments`, both files (the floor)', ms(parse), ms(Math.min(...engine.parse)), '1.00×', ''],
    ['engine: cold analysis of both files (new workspace)', ms(analyze), ms(Math.min(...engine.analyze)), `${pairedRatio(engine).toFixed(2)}× (runs paired)`, '< 2×'],
    ['engine: re-analysis after a one-character edit (warm workspace)', ms(reanalyze), ms(Math.min(...engine.reanalyze)), ratio(reanalyze, parse), ''],
  ];
  return table(['measure', `median of ${engine.parse.length}`, 'min', 'ratio to the floor', 'target'], rows);
}

export function terminalTable(t) {
  const tui = t.tui;
  const why = t.tuiError ? `not measured: ${t.tuiError}` : 'n/a';
  const rows = [
    [`\`meshgw inspect --cp URL --format json\`: spawn → exit (median, min–max of ${t.inspect.ms.length})`, coldCell(t.inspect.ms), '< 1.5 s'],
    ['`meshgw inspect`: requests to the control plane', String(t.inspect.requests), `≤ 60`],
    [`terminal app: spawn → first complete gateways screen (median, min–max of ${tui?.firstFullScreens?.length ?? 0})`, tui ? coldCell(tui.firstFullScreens) : why, '≤ 1 s'],
    [`terminal app: spawn → every row of every mesh analysed (median, min–max of ${tui?.everyRows?.length ?? 0})`, tui?.everyRows ? coldCell(tui.everyRows) : why, ''],
    ['terminal app, last run: modules loaded / first frame / first complete screen / every row, since the process started', tui?.phases ? [tui.phases.loaded, tui.phases.firstFrame, tui.phases.full, tui.phases.complete].map((v) => ms(v).replace(/ ms$/, '')).join(' / ') + ' ms' : why, ''],
    [`terminal app: key press → next frame, p50 / p95 / p99 (${tui ? tui.keys.length : 0} keys, refreshing meanwhile)`, tui ? `${spread(tui.keys)}${tui.keyTimeouts ? `, ${tui.keyTimeouts} without a frame in 2 s` : ''}` : why, '≤ 30 ms'],
    ['terminal app: requests of the first refresh (with Secrets)', tui ? String(tui.firstLoadRequests) : why, '≤ 60'],
    ['terminal app: requests per later refresh (each cycle)', tui ? (tui.cycles.length ? tui.cycles.join(', ') : 'no cycle seen') : why, '≤ 60'],
    ['terminal app: peak RSS', tui ? mb(tui.maxRss) : why, ''],
  ];
  return table(['measure', 'measured', 'target'], rows);
}

/** The targets of docs/benchmarks.md, each with its measured value and whether it is met. */
export function targetsTable({ cold, sizes, many, indexing, engine, terminal }) {
  const rows = [];
  const verdict = (ok) => (ok === null ? 'not measured' : ok ? 'met' : '**missed**');
  const add = (target, value, ok) => rows.push([target, value, verdict(ok)]);
  const under = (v, limit) => (Number.isFinite(v) ? v <= limit : null);
  for (const [id, what] of [['clone', 'the clone\'s `meshgw lsp --stdio`'], ['packed', 'the packed CLI'], ['bundled', 'the extension\'s bundle']]) {
    const m = median(cold[id] ?? []);
    add(`cold start → \`initialize\` result ≤ 200 ms (${what})`, ms(m), under(m, 200));
  }
  const largest = sizes[sizes.length - 1];
  if (largest) {
    const smallest = sizes[0];
    const pulledP50 = p(largest.pull.meshgw, 'edit', 50);
    add(`edit → pulled diagnostics ≤ 20 ms at ${count(largest.size.lines)} lines (p50)`, ms(pulledP50), under(pulledP50, 20));
    const pushedP50 = p(largest.push.meshgw, 'edit', 50);
    add(`edit → pushed diagnostics ≤ 40 ms at ${count(largest.size.lines)} lines (p50, debounce included)`, ms(pushedP50), under(pushedP50, 40));
    const smallPush = p(smallest.push.meshgw, 'edit', 50);
    add(`edit → pushed diagnostics ≤ 10 ms at ${count(smallest.size.lines)} lines (p50)`, ms(smallPush), under(smallPush, 10));
    const growth = pulledP50 / p(smallest.pull.meshgw, 'edit', 50);
    const lines = largest.size.lines / smallest.size.lines;
    add(
      `edit → diagnostics grows at most linearly (${count(smallest.size.lines)} → ${count(largest.size.lines)} lines: ×${lines.toFixed(1)})`,
      Number.isFinite(growth) ? `×${growth.toFixed(1)}` : 'n/a',
      Number.isFinite(growth) && sizes.length > 1 ? growth <= lines * 1.1 : null,
    );
    const h = p(largest.push.meshgw, 'hover', 95);
    const c = p(largest.push.meshgw, 'completion', 95);
    add(`hover p95 < 5 ms at ${count(largest.size.lines)} lines`, ms(h), Number.isFinite(h) ? h < 5 : null);
    add(`completion p95 < 5 ms at ${count(largest.size.lines)} lines`, ms(c), Number.isFinite(c) ? c < 5 : null);
  }
  const during = indexing && !indexing.error ? [...indexing.hover, ...indexing.completion] : [];
  const p99 = during.length ? percentile(during, 99) : NaN;
  add('hover and completion while indexing runs ≤ 20 ms (p99)', ms(p99), under(p99, 20));
  if (engine) {
    const r = pairedRatio(engine);
    add('engine analysis < 2× the bare `yaml` parse', `${r.toFixed(2)}×`, Number.isFinite(r) ? r < 2 : null);
  }
  const rss = many.meshgw?.peakRss;
  add('peak RSS ≤ 120 MB with the 1,000-file workspace indexed', mb(rss), rss ? rss <= 120 * 1024 * 1024 : null);
  if (terminal) {
    const tui = terminal.tui;
    add('`meshgw inspect --cp` < 1.5 s', ms(terminal.inspect.median), terminal.inspect.median < 1500);
    add('terminal app: first full screen ≤ 1 s', tui ? ms(tui.firstFullScreen) : 'n/a', tui ? tui.firstFullScreen <= 1000 : null);
    const k = tui?.keys.length ? percentile(tui.keys, 95) : NaN;
    add('terminal app: key press → frame ≤ 30 ms (p95)', ms(k), Number.isFinite(k) ? k <= 30 && tui.keyTimeouts === 0 : null);
    const most = Math.max(terminal.inspect.requests, tui?.firstLoadRequests ?? 0, ...(tui?.cycles ?? []));
    add(`requests per refresh ≤ 60 (${terminal.size.meshes} meshes)`, String(most), most <= 60);
  }
  return table(['target', 'measured', 'verdict'], rows);
}
