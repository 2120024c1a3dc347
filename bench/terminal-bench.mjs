import { fork, spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { esbuild, inkDevtoolsStaysOut } from '../scripts/build-tools.mjs';
import { startLargeControlPlane } from './control-plane.mjs';
import { median } from './stats.mjs';

/**
 * The terminal faces against the test control plane, which runs in this process while the
 * measured programs run in their own: `meshgw inspect --cp URL --format json` from spawn to
 * exit, and the terminal app (`bench/tui-driver.mjs`, bundled as `npm run build` bundles
 * `meshgw`: split into chunks, React's production build, the worker next to it) from spawn to its
 * first complete gateways screen, then key presses to the next frame. Requests are counted on the control plane; the
 * app's refresh cycles are told apart by the pauses between them.
 */

const GAP_MS = 400;

function recordTimes(cp) {
  const times = [];
  const push = cp.requests.push.bind(cp.requests);
  cp.requests.push = (...items) => {
    for (let i = 0; i < items.length; i++) times.push(performance.now());
    return push(...items);
  };
  return {
    times,
    clear() {
      times.length = 0;
      cp.clearRequests();
    },
  };
}

/** Request counts of the refresh cycles in `times`: runs of requests with no pause over GAP_MS. */
function cycles(times) {
  const out = [];
  let last = -Infinity;
  for (const t of times) {
    if (t - last > GAP_MS) out.push(0);
    out[out.length - 1]++;
    last = t;
  }
  return out;
}

/** A child's environment without the CI markers that make Ink skip intermediate frames. */
function interactiveEnv() {
  const env = { ...process.env, NODE_OPTIONS: '' };
  for (const key of Object.keys(env)) if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) delete env[key];
  return env;
}

async function inspectOnce(repo, cp, log) {
  log.clear();
  const started = performance.now();
  const outcome = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repo, 'packages', 'cli', 'bin', 'meshgw.js'), 'inspect', '--cp', cp.url, '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (d) => (bytes += d.length));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, bytes, stderr }));
  });
  const ms = performance.now() - started;
  if (outcome.code !== 0) throw new Error(`meshgw inspect exited ${outcome.code}: ${outcome.stderr.trim()}`);
  return { ms, requests: log.times.length, bytes: outcome.bytes };
}

/** The driver and the app's worker bundled into `outdir` as scripts/bundle-cli.mjs bundles `meshgw`. */
async function bundleDriver(repo, outdir) {
  const { build } = await esbuild();
  await build({
    entryPoints: { 'tui-driver': join(repo, 'bench', 'tui-driver.mjs'), 'engine-worker': join(repo, 'tui', 'dist', 'data', 'engine-worker.js') },
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [inkDevtoolsStaysOut],
    banner: { js: "import { createRequire as __meshgwCreateRequire } from 'node:module'; const require = __meshgwCreateRequire(import.meta.url);" },
  });
  return join(outdir, 'tui-driver.js');
}

async function tuiOnce(driver, cp, log, { gateways, keys, refreshMs, cyclesWanted }) {
  log.clear();
  const started = performance.now();
  const child = fork(driver, [cp.url, String(gateways), String(keys), String(refreshMs)], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: interactiveEnv(),
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
  const out = { firstFullScreen: null, everyRow: null, phases: null, firstLoadRequests: null, keys: [], keyTimeouts: 0, cycles: [], maxRss: null };
  let fullAt = null;
  const after = () => log.times.filter((t) => t > fullAt);
  // After the keys, the app keeps refreshing until `cyclesWanted` later cycles are complete
  // (followed by a pause), or a minute has passed.
  const waitForCycles = async () => {
    const deadline = performance.now() + 60_000;
    for (;;) {
      const times = after();
      const quiet = times.length > 0 && performance.now() - times[times.length - 1] > GAP_MS;
      if ((quiet && cycles(times).length >= cyclesWanted) || performance.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`terminal app: no result within 240 s; stderr: ${stderr}`));
    }, 240_000);
    child.on('message', (m) => {
      if (m.type === 'full') {
        fullAt = performance.now();
        out.firstFullScreen = fullAt - started;
        // The child's clock starts with its process: these are milliseconds since it started.
        out.phases = { loaded: m.loadedAt, firstFrame: m.firstFrameAt, full: m.at };
      } else if (m.type === 'complete') {
        // Later cycles are counted from here: the first refresh ends with every mesh read.
        fullAt = performance.now();
        out.everyRow = fullAt - started;
        out.phases.complete = m.at;
        out.firstLoadRequests = log.times.filter((t) => t <= fullAt).length;
      } else if (m.type === 'keys') {
        out.keys = m.latencies;
        out.keyTimeouts = m.timeouts;
        void (cyclesWanted > 0 ? waitForCycles() : Promise.resolve()).then(() => {
          out.cycles = cycles(after());
          child.send({ type: 'quit' });
        });
      } else if (m.type === 'done') {
        out.maxRss = m.maxRss;
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (fullAt === null) reject(new Error(`terminal app exited (${code}) before a full screen; stderr: ${stderr}`));
      else resolve();
    });
  });
  return out;
}

/**
 * Measures `meshgw inspect --cp` and the terminal app's first screen `runs` times each, and in
 * the app's last run `keys` key presses, then `cycles` later refresh cycles, against a control
 * plane of `size`.
 */
export async function terminalBench(repo, tmpDir, { size, runs, keys, refreshMs, cycles: cyclesWanted }) {
  const cp = await startLargeControlPlane(tmpDir, size);
  const log = recordTimes(cp);
  try {
    const inspect = [];
    for (let i = 0; i < runs; i++) inspect.push(await inspectOnce(repo, cp, log));
    let tui = null;
    let tuiError = null;
    try {
      const driver = await bundleDriver(repo, join(tmpDir, 'tui-bundle'));
      // Every run times the first screen; the last one also presses keys and watches refreshes.
      const screens = [];
      const everyRow = [];
      for (let i = 0; i < runs; i++) {
        const last = i === runs - 1;
        const run = await tuiOnce(driver, cp, log, { gateways: size.gateways, keys: last ? keys : 0, refreshMs, cyclesWanted: last ? cyclesWanted : 0 });
        screens.push(run.firstFullScreen);
        everyRow.push(run.everyRow);
        if (last) tui = { ...run, firstFullScreens: screens, firstFullScreen: median(screens), everyRows: everyRow, everyRow: median(everyRow), firstLoadRequests: Math.max(run.firstLoadRequests, tui?.firstLoadRequests ?? 0) };
        else tui = { firstLoadRequests: Math.max(run.firstLoadRequests, tui?.firstLoadRequests ?? 0) };
      }
    } catch (error) {
      tui = null;
      tuiError = error instanceof Error ? error.message.split('\n')[0] : String(error);
    }
    return {
      size,
      inspect: { ms: inspect.map((r) => r.ms), median: median(inspect.map((r) => r.ms)), requests: Math.max(...inspect.map((r) => r.requests)) },
      tui,
      tuiError,
    };
  } finally {
    await cp.close();
  }
}
