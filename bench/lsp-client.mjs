import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * A minimal LSP client over a child process's stdio, the same for every server measured: JSON-RPC
 * with `Content-Length` framing, nothing else in between. It answers the server's own requests
 * (`workspace/configuration` from `settings`, capability registration, progress creation,
 * refresh requests) and lets a caller wait for notifications. Times are `performance.now()`
 * milliseconds of this process.
 */
export function startLspClient({ command, args, cwd, env, settings = {}, timeoutMs = 60_000 }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const spawnedAt = performance.now();
  let nextId = 0;
  let stderr = '';
  const pending = new Map();
  const waiters = [];
  const listeners = [];
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));

  const send = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  child.stdin.on('error', () => undefined);

  const section = (name) => (name ? name.split('.').reduce((o, k) => (o == null ? null : (o[k] ?? null)), settings) : settings);
  const answerServer = (m) => {
    let result = null;
    if (m.method === 'workspace/configuration') result = m.params.items.map((item) => section(item.section));
    send({ id: m.id, result });
  };

  const dispatch = (m, at) => {
    if (m.method !== undefined && m.id !== undefined && m.id !== null) {
      answerServer(m);
      return;
    }
    if (m.method !== undefined) {
      for (const l of listeners) l(m.method, m.params, at);
      for (let i = waiters.length - 1; i >= 0; i--) {
        const w = waiters[i];
        if (w.method === m.method && w.match(m.params)) {
          waiters.splice(i, 1);
          clearTimeout(w.timer);
          w.resolve({ params: m.params, at });
        }
      }
      return;
    }
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.error) p.reject(new Error(`${p.method}: ${m.error.message}`));
    else p.resolve({ result: m.result, at });
  };

  // Chunks are joined only once a whole message has arrived, so large answers stay linear.
  let chunks = [];
  let buffered = 0;
  let expected = -1;
  let head = Buffer.alloc(0);
  child.stdout.on('data', (chunk) => {
    const at = performance.now();
    let data = chunk;
    while (data.length > 0) {
      if (expected < 0) {
        head = Buffer.concat([head, data]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        const match = /Content-Length:\s*(\d+)/i.exec(head.subarray(0, end).toString('ascii'));
        expected = match ? Number(match[1]) : 0;
        data = head.subarray(end + 4);
        head = Buffer.alloc(0);
        chunks = [];
        buffered = 0;
      }
      const take = Math.min(expected - buffered, data.length);
      chunks.push(data.subarray(0, take));
      buffered += take;
      data = data.subarray(take);
      if (buffered === expected) {
        const body = Buffer.concat(chunks, buffered).toString('utf8');
        expected = -1;
        chunks = [];
        buffered = 0;
        if (body.length > 0) dispatch(JSON.parse(body), at);
      }
    }
  });
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });

  const failAll = (why) => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new Error(`${p.method}: ${why}`));
      pending.delete(id);
    }
    for (const w of waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new Error(`${w.method}: ${why}`));
    }
  };
  child.on('exit', (code) => failAll(`server exited (${code}); stderr: ${stderr}`));

  return {
    pid: child.pid,
    spawnedAt,
    exited,
    /** Sends a request; resolves with the result and the time its answer arrived. */
    request(method, params, { timeout = timeoutMs } = {}) {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${method}: no answer within ${timeout} ms; stderr: ${stderr}`));
        }, timeout);
        pending.set(id, { method, resolve, reject, timer });
        send({ id, method, params });
      });
    },
    notify(method, params) {
      send({ method, params });
    },
    /** Resolves with the next notification `method` whose params satisfy `match`, and its arrival time. */
    waitFor(method, match = () => true, { timeout = timeoutMs } = {}) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          reject(new Error(`${method}: none within ${timeout} ms; stderr: ${stderr}`));
        }, timeout);
        const waiter = { method, match, resolve, reject, timer };
        waiters.push(waiter);
      });
    },
    /** Calls `listener(method, params, at)` for every notification from now on. */
    onNotification(listener) {
      listeners.push(listener);
    },
    /** Peak resident set size of the server process in bytes (Linux `VmHWM`), or null elsewhere. */
    peakRss() {
      return peakRssOf(child.pid);
    },
    stderr: () => stderr,
    async shutdown() {
      try {
        await this.request('shutdown', null, { timeout: 10_000 });
        this.notify('exit', null);
      } catch {
        // A server that does not answer is stopped below.
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
}

/** The `VmHWM` (peak resident set) of a process in bytes, or null when /proc is not there. */
export function peakRssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
