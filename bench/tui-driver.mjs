import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { seededRandom } from './generate.mjs';

/**
 * Runs the terminal app in this process against a control plane, on an in-memory terminal,
 * and reports to the parent over IPC: `{ type: 'full', at, loadedAt, firstFrameAt }` when the
 * first complete gateways screen is drawn (with when the modules were loaded and the first frame
 * was drawn), `{ type: 'complete', at }` when every mesh is analysed, then
 * `{ type: 'keys', latencies, timeouts }`; after the parent's `quit` message
 * it quits the app and sends `{ type: 'done', maxRss }`.
 * Times are `performance.now()` of this process, i.e. milliseconds since it started.
 *
 * The terminal is a stream that says it is a TTY of COLUMNS x ROWS and records every write;
 * Ink renders to it exactly as to a real terminal (throttled, full frames), so a frame is one
 * write with visible text. Keys are written to a stream that says it is a raw-mode TTY.
 *
 * `node bench/tui-driver.mjs URL GATEWAYS KEYS REFRESH_MS [COLUMNS ROWS]`
 */

const [url, gatewaysText, keysText, refreshText, columnsText = '120', rowsText = '40'] = process.argv.slice(2);
const expected = Number(gatewaysText);
const keyCount = Number(keysText);
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|\u001b[()][A-Z0-9]/g;

class Terminal extends EventEmitter {
  isTTY = true;
  columns = Number(columnsText);
  rows = Number(rowsText);
  frame = '';
  frames = 0;
  #waiters = [];
  write(chunk, encoding, callback) {
    const text = String(chunk).replace(ANSI, '');
    if (text.trim() !== '') {
      this.frame = text;
      this.frames++;
      const at = performance.now();
      for (const w of this.#waiters.splice(0)) w(at);
    }
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) queueMicrotask(done);
    return true;
  }
  /** Resolves with the time of the next frame. */
  nextFrame() {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
  getColorDepth() {
    return 8;
  }
  hasColors() {
    return true;
  }
}

class Keyboard extends EventEmitter {
  isTTY = true;
  isRaw = false;
  #data = null;
  press(data) {
    this.#data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read() {
    const data = this.#data;
    this.#data = null;
    return data;
  }
  setRawMode(raw) {
    this.isRaw = raw;
  }
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

const send = (message) => process.send?.(message);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Like `meshgw tui`, React runs its production build unless the environment says otherwise
// (the bench runs this file bundled with that build; the variable matters when it runs as is).
const env = process.env;
env.NODE_ENV ??= 'production';
// Like `meshgw tui`: connect and start the first refresh (its first screen as tall as the
// terminal), then load the app while it runs.
const { createKumaClient, nodeConnectionEnvironment, resolveConnection } = await import('@meshgw/kuma-client');
const settings = await resolveConnection({ cp: url }, nodeConnectionEnvironment());
if (!settings.ok) throw new Error(settings.error.message);
const client = createKumaClient(settings.value);
if (!client.ok) throw new Error(client.error.message);
const source = { kind: 'live', client: client.value, settings: settings.value, contexts: [] };
const { createLoader, startLoader } = await import('@meshgw/tui/loader');
const loader = startLoader(createLoader(source, { secretsIntervalMs: 60_000, firstRows: Number(rowsText) }), { signal: new AbortController().signal, now: new Date() });
const { runTui } = await import('@meshgw/tui');
const loadedAt = performance.now();

const terminal = new Terminal();
const keyboard = new Keyboard();
const errors = new EventEmitter();
errors.write = () => true;
const running = runTui({
  source,
  loader,
  refreshMs: Number(refreshText),
  stdin: keyboard,
  stdout: terminal,
  stderr: errors,
});

/** The name on the selected row (`> name ...`): a key press counts once the cursor has moved. */
const cursorOf = (frame) => /^> (\S+)/m.exec(frame)?.[1] ?? null;
const rowLines = () => terminal.frame.split('\n').filter((l) => /^[> ] gw-\d+ /.test(l));
// The first complete screen: every gateway counted and every row on the screen analysed (rows
// of meshes still loading say `loading…`); then every row of every mesh (the header stops
// saying `loading…` and says when it refreshed).
const full = () => terminal.frame.includes(`[${expected}]`) && rowLines().length > 0 && rowLines().every((l) => !l.includes('loading…'));
const complete = () => / refreshed /.test(terminal.frame.split('\n')[0] ?? '');
const firstFrameAt = await terminal.nextFrame();
while (!full()) await terminal.nextFrame();
send({ type: 'full', at: performance.now(), loadedAt, firstFrameAt });
while (!complete()) await terminal.nextFrame();
send({ type: 'complete', at: performance.now() });

await sleep(300);
const random = seededRandom(7);
const latencies = [];
let timeouts = 0;
for (let i = 0; i < keyCount; i++) {
  const before = cursorOf(terminal.frame);
  const started = performance.now();
  keyboard.press(i % 2 === 0 ? 'j' : 'k');
  let drawn = null;
  const deadline = started + 2000;
  while (drawn === null && performance.now() < deadline) {
    const at = await Promise.race([terminal.nextFrame(), sleep(Math.max(0, deadline - performance.now())).then(() => null)]);
    if (at !== null && cursorOf(terminal.frame) !== before) drawn = at;
  }
  if (drawn === null) timeouts++;
  else latencies.push(drawn - started);
  await sleep(40 + Math.floor(random() * 80));
}
send({ type: 'keys', latencies, timeouts });

await new Promise((resolve) => process.once('message', resolve));
keyboard.press('q');
await Promise.race([running, sleep(3000)]);
send({ type: 'done', maxRss: process.resourceUsage().maxRSS * 1024 });
process.exit(0);
