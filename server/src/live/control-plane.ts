import { dirname } from 'node:path';
import { controlPlaneTarget, sameControlPlaneSetting, type ControlPlaneSetting } from '@meshgw/engine';
import { loadControlPlaneSnapshot, snapshotInputs } from '@meshgw/kuma-client';
import { MessageType, ShowMessageNotification, type Connection, type WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { ServerContext } from '../context.js';
import type { DiagnosticsPublisher } from '../handlers/diagnostics.js';
import { ControlPlaneStatusNotification, type ControlPlaneStatus } from '../protocol.js';
import { uriToPath } from '../uri.js';
import { connectControlPlane, type LiveTarget } from './connect.js';
import { createLiveStatus } from './live-status.js';

/** The server's connection to the control plane named by `meshgw.controlPlane` (or the project file's `controlPlane`). */
export interface LiveControlPlane {
  /**
   * Reads the settings in force; when they name another control plane (or none), drops the old
   * state and fetches at once; when only the interval changed, reschedules.
   */
  sync(): void;
  /** Fetches now; a refresh already running is joined, not doubled. Never rejects. */
  refresh(): Promise<void>;
  status(): ControlPlaneStatus;
  /** The sentence a hover adds when the live data is stale; null when fresh or off. */
  staleNote(): string | null;
  dispose(): void;
}

export interface LiveOptions {
  connection: Connection;
  ctx: ServerContext;
  publisher: DiagnosticsPublisher;
  /** The workspace folders: relative paths of the client's setting are under the first. */
  folders: () => string[];
  /** Milliseconds since the epoch, for the data's age (the real clock, even when the analysis' is pinned). */
  clock: () => number;
}

interface Current {
  setting: ControlPlaneSetting;
  base: string | null;
  target: LiveTarget | null;
  controller: AbortController;
  running: Promise<void> | null;
}

/** What the status shows before the connection is resolved. */
function provisionalName(setting: ControlPlaneSetting): string {
  if (setting.context !== null) return setting.context;
  if (setting.url !== null) {
    try {
      return new URL(setting.url).host;
    } catch {
      return setting.url;
    }
  }
  return 'kumactl';
}

/**
 * Fetches the control plane's state in the background (the client's bounded requests), on a
 * timer and on demand, and hands it to the store: requests never wait for it, they use the
 * last state. While fetching, `$/progress` when the client shows it; a message when the
 * connection fails and one when it comes back; `meshgw/controlPlaneStatus` on every change.
 */
export function createLiveControlPlane(options: LiveOptions): LiveControlPlane {
  const { connection, ctx, publisher } = options;
  const status = createLiveStatus();
  let current: Current | null = null;
  let timer: NodeJS.Timeout | null = null;
  let interval = 0;
  const refreshSeconds = () => ctx.store.settings().refreshSeconds;
  const sendStatus = () => void connection.sendNotification(ControlPlaneStatusNotification, status.status(refreshSeconds())).catch(() => undefined);

  const schedule = (seconds: number) => {
    if (timer) clearInterval(timer);
    timer = null;
    interval = seconds;
    if (current === null) return;
    timer = setInterval(() => void refresh(), seconds * 1000);
    timer.unref();
  };

  const progress = async (): Promise<WorkDoneProgressServerReporter | null> => {
    if (!ctx.client.workDoneProgress) return null;
    const created = connection.window.createWorkDoneProgress().catch(() => null);
    const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000).unref());
    return Promise.race([created, late]);
  };

  const fetchOnce = async (run: Current): Promise<void> => {
    const reporter = await progress();
    reporter?.begin('meshgw: control plane', undefined, run.target?.name ?? provisionalName(run.setting), false);
    try {
      if (run.target === null) {
        const connected = await connectControlPlane(run.setting, run.base);
        if (current !== run) return;
        if (!connected.ok) return fail(connected.message);
        run.target = connected.value;
        status.rename(connected.value.name);
        ctx.log(`meshgw: control plane ${connected.value.description}`);
        for (const w of connected.value.warnings) ctx.log(`meshgw: ${w}`);
      }
      const loaded = await loadControlPlaneSnapshot(run.target.client, { signal: run.controller.signal, includeSecrets: true });
      if (current !== run || run.controller.signal.aborted) return;
      if (!loaded.ok) return fail(loaded.error.message);
      const snapshot = loaded.value;
      const target = controlPlaneTarget(snapshot.controlPlane.kumaVersion);
      if (target?.warning) ctx.log(`meshgw: ${target.warning}`);
      const before = ctx.store.settings().kumaVersionSource;
      const changed = ctx.store.setLive({ ...snapshotInputs(snapshot), kumaVersion: target?.version ?? null });
      const rules = ctx.store.settings();
      if (rules.kumaVersionSource === 'control plane' && before !== 'control plane') ctx.log(`meshgw: the control plane runs Kuma ${snapshot.controlPlane.kumaVersion}: its rules apply`);
      const message = status.succeeded({ kumaVersion: snapshot.controlPlane.kumaVersion, meshes: snapshot.meshes.length }, options.clock());
      if (message) show(MessageType.Info, message);
      sendStatus();
      // A control plane that did not change leaves every diagnostic as it was.
      if (changed) publisher.changed();
    } catch (error) {
      if (current === run) fail(error instanceof Error ? error.message : String(error));
    } finally {
      reporter?.done();
    }
  };

  /** A plain `window/showMessage`: nothing to answer, so nothing waits for the user. */
  function show(type: MessageType, message: string): void {
    void connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(() => undefined);
  }

  function fail(reason: string): void {
    ctx.log(`meshgw: control plane refresh failed: ${reason}`);
    // The next refresh reads the connection again: a rotated token file or kumactl config takes effect.
    if (current !== null) current.target = null;
    const message = status.failed(reason);
    if (message) show(MessageType.Warning, message);
    sendStatus();
  }

  function refresh(): Promise<void> {
    const run = current;
    if (run === null) return Promise.resolve();
    if (run.running) return run.running;
    run.running = fetchOnce(run).finally(() => {
      run.running = null;
    });
    return run.running;
  }

  const stop = () => {
    current?.controller.abort();
    current = null;
    schedule(0);
  };

  return {
    sync() {
      const settings = ctx.store.settings();
      const setting = settings.controlPlane?.setting ?? null;
      const projectPath = settings.controlPlane?.from === 'project file' ? uriToPath(ctx.store.projectFile() ?? '') : null;
      const base = projectPath ? dirname(projectPath) : (options.folders()[0] ?? null);
      if (current !== null && setting !== null && sameControlPlaneSetting(current.setting, setting) && current.base === base) {
        if (interval !== settings.refreshSeconds) schedule(settings.refreshSeconds);
        return;
      }
      if (current === null && setting === null) return;
      const had = current !== null;
      stop();
      if (had) {
        ctx.store.setLive(null);
        publisher.changed();
      }
      status.reset(setting === null ? null : provisionalName(setting));
      sendStatus();
      if (setting === null) return;
      current = { setting, base, target: null, controller: new AbortController(), running: null };
      schedule(settings.refreshSeconds);
      void refresh();
    },
    refresh,
    status: () => status.status(refreshSeconds()),
    staleNote: () => status.staleNote(options.clock(), refreshSeconds()),
    dispose: stop,
  };
}
