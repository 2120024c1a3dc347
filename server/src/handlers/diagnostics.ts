import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver/node';
import { toLspDiagnostic, type DiagnosticContext, type TextGeometry } from '../convert.js';
import { answer, geometryOf, type ServerContext } from '../context.js';
import { createPushPacing } from './push-pacing.js';

export function diagnosticContext(ctx: ServerContext, geometry: TextGeometry): DiagnosticContext {
  return {
    geometry,
    docsUrl: ctx.docsUrl,
    other(file) {
      const g = geometryOf(ctx, file);
      return g ? { uri: ctx.store.clientUri(file), geometry: g } : null;
    },
  };
}

/** The LSP diagnostics of a file as they stand now. */
export function lspDiagnostics(ctx: ServerContext, key: string): LspDiagnostic[] {
  const geometry = geometryOf(ctx, key);
  if (!geometry) return [];
  const dctx = diagnosticContext(ctx, geometry);
  return ctx.store.diagnostics(key).map((d) => toLspDiagnostic(d, dctx));
}

export interface DiagnosticsPublisher {
  /** Notes that a file changed and schedules a (debounced) update. */
  changed(key?: string): void;
  /** Runs a pending update now. */
  flush(): void;
  dispose(): void;
}

/**
 * Keeps the client's diagnostics current after changes. Pushes are paced (`push-pacing.ts`): at
 * once when the last push for the file was cheap or keys come slowly, after at most `delay` ms
 * while keys come faster than a push takes. Every file of the workspace is re-checked, so a
 * change to a Secret or Dataplane reaches the gateways that depend on it; only files whose
 * diagnostics changed (or open files with a new version) are sent. With a pull client nothing
 * is pushed: it is asked to refresh, `delay` ms after the last change, when files other than
 * the edited ones changed.
 */
export function createDiagnosticsPublisher(connection: Connection, ctx: ServerContext, options: { delay: number }): DiagnosticsPublisher {
  const published = new Map<string, string>();
  const edited = new Set<string>();
  /** A change not of one file (settings, a control plane's state): the edited files' diagnostics may change too. */
  let everything = false;
  const pacing = createPushPacing({ max: options.delay });
  let timer: NodeJS.Timeout | null = null;
  let immediate: NodeJS.Immediate | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
    timer = null;
    immediate = null;
  };

  const run = () => {
    cancel();
    const started = performance.now();
    const result = ctx.store.analysis();
    const keys = new Set<string>([...published.keys(), ...result.files.map((f) => f.file)]);
    let othersChanged = false;
    for (const key of keys) {
      const diagnostics = lspDiagnostics(ctx, key);
      const version = ctx.store.version(key);
      const body = JSON.stringify(diagnostics);
      const fingerprint = ctx.client.pullDiagnostics ? body : `${version ?? ''}|${body}`;
      const before = published.get(key);
      const known = before !== undefined;
      if (before === fingerprint || (!known && diagnostics.length === 0 && version === null)) continue;
      if (diagnostics.length === 0 && version === null) published.delete(key);
      else published.set(key, fingerprint);
      if (ctx.client.pullDiagnostics) {
        if (!edited.has(key) || everything) othersChanged = true;
        continue;
      }
      void connection.sendDiagnostics({ uri: ctx.store.clientUri(key), ...(version !== null ? { version } : {}), diagnostics });
    }
    pacing.took(edited, performance.now() - started);
    edited.clear();
    everything = false;
    if (othersChanged && ctx.client.diagnosticRefresh) {
      connection.languages.diagnostics.refresh().catch(() => undefined);
    }
  };

  const guarded = () => {
    try {
      run();
    } catch (error) {
      ctx.error(`diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  const later = () => void ctx.ready().then(guarded);
  return {
    changed(key) {
      if (key) edited.add(key);
      else everything = true;
      cancel();
      const delay = ctx.client.pullDiagnostics ? options.delay : pacing.delay(key, performance.now());
      // Changes that arrive together (one read of the input) still make one push.
      if (delay <= 0) immediate = setImmediate(later);
      else timer = setTimeout(later, delay);
    },
    flush() {
      guarded();
    },
    dispose() {
      cancel();
    },
  };
}

/**
 * `textDocument/diagnostic`: answered from the current analysis once indexing ended (before, the
 * files that hold a gateway's Secrets and Dataplanes may not be read yet).
 */
export function onDocumentDiagnostic(ctx: ServerContext) {
  return async (params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
    await ctx.ready();
    return answer(ctx, 'diagnostic', token, { kind: DocumentDiagnosticReportKind.Full, items: [] }, () => ({
      kind: DocumentDiagnosticReportKind.Full,
      items: lspDiagnostics(ctx, ctx.store.key(params.textDocument.uri)),
    }));
  };
}

/** `workspace/diagnostic`: every file that holds Kuma resources, once indexing ended. */
export function onWorkspaceDiagnostic(ctx: ServerContext) {
  return async (_params: unknown, token: CancellationToken): Promise<WorkspaceDiagnosticReport> => {
    await ctx.ready();
    return answer(ctx, 'workspace diagnostic', token, { items: [] }, () => ({
      items: ctx.store.kumaFiles().map((key) => ({
        kind: DocumentDiagnosticReportKind.Full,
        uri: ctx.store.clientUri(key),
        version: ctx.store.version(key),
        items: lspDiagnostics(ctx, key),
      })),
    }));
  };
}
