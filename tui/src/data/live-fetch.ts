import type { FileInput } from '@meshgw/engine';
import { createKumaClient, loadControlPlaneSnapshot, type ConnectionSettings, type ControlPlaneInfo, type ControlPlaneSnapshot, type KumaClient, type MeshSnapshot, type PartialSnapshot, type SecretsState } from '@meshgw/kuma-client';
import { analyzeRequest, type AnalysisRequest, type AnalysisResult, type AnalysisWorkspaces } from './analysis.js';
import { rulesFor } from './source.js';

/**
 * How the analysis thread reaches the control plane: what it needs to make its own client (a
 * client does not cross threads). Holds the token; never shown.
 */
export interface LiveConnection {
  settings: Pick<ConnectionSettings, 'url' | 'token' | 'headers' | 'tls'>;
  /** The per-request timeout the app's client was made with. */
  timeoutMs: number;
  /** Secrets are read at most this often (milliseconds); lists at every refresh. */
  secretsIntervalMs: number;
}

/** One refresh of a live source: `now` in milliseconds; `pinned`: the Kuma version the user chose. */
export interface LiveRequest {
  now: number;
  forceSecrets: boolean;
  /** Files laid over the control plane, read by the app. */
  files?: FileInput[];
  pinned?: string;
  /** With a partial read: how many gateway rows to analyse first (`AnalysisRequest.firstRows`). */
  firstRows?: number;
}

/** What a refresh of a live source gives: the analysis, who answered and whose rules applied. */
export interface LiveResult {
  result: AnalysisResult;
  controlPlane: ControlPlaneInfo;
  rules: string;
  ownRules: boolean;
}

export type LiveFailure = { ok: false; message: string; aborted: boolean };

/** A read of the control plane: the analysis request it makes, who answered and whose rules apply. */
export type LiveFetched = { ok: true; request: AnalysisRequest & { kind: 'snapshot' } } & Omit<LiveResult, 'result'>;

/**
 * What is read of a control plane is shown before the rest only when what it leaves loading
 * holds at least this many MeshGateways: below it, reading and analysing them is quick, and a
 * screen of rows that load would only flicker.
 */
export const PARTIAL_MIN_PENDING_GATEWAYS = 100;

/**
 * Reads a control plane for the app, refresh after refresh: Secrets only every secrets interval
 * (or when forced), the certificates last read standing in between, and also when a later Secrets
 * call fails. Runs on whichever thread analyses.
 */
export interface LiveFetcher {
  /**
   * The analysis request for this refresh, or why there is none (a cancelled refresh among them).
   * `onPartial`, when given, is called before that with a request for what is read so far: every
   * mesh `pending` once the MeshGateways are listed, then the first mesh read in full and the
   * others `pending` (see `SnapshotOptions.onPartial`), with `firstRows` when the request has it
   * (only the first screen's gateways analysed), each time the pending meshes hold
   * `PARTIAL_MIN_PENDING_GATEWAYS` MeshGateways or more.
   */
  fetch(request: LiveRequest, signal: AbortSignal, onPartial?: (partial: LiveFetched) => void): Promise<LiveFetched | LiveFailure>;
}

export function createLiveFetcher(client: KumaClient, secretsIntervalMs: number): LiveFetcher {
  const secrets = new Map<string, SecretsState>();
  let secretsAt: number | null = null;
  return {
    async fetch(request, signal, onPartial) {
      const due = request.forceSecrets || secretsAt === null || request.now - secretsAt >= secretsIntervalMs;
      const fetched = (snapshot: ControlPlaneSnapshot, pending?: string[]): LiveFetched => {
        const controlPlane = snapshot.controlPlane;
        const { rules, ownRules } = rulesFor({ kumaVersion: request.pinned }, controlPlane.kumaVersion);
        const analysis: AnalysisRequest & { kind: 'snapshot' } = {
          kind: 'snapshot',
          snapshot,
          now: request.now,
          kumaVersion: rules,
          ...(request.files ? { files: request.files } : {}),
          ...(pending ? { pending, ...(request.firstRows !== undefined ? { firstRows: request.firstRows } : {}) } : {}),
        };
        return { ok: true, request: analysis, controlPlane, rules, ownRules };
      };
      const partially = onPartial
        ? (partial: PartialSnapshot) => {
            // The gateways this partial leaves loading: those of meshes not read, and those of the
            // meshes read that a first screen does not show.
            let unread = 0;
            let read = 0;
            for (const m of partial.meshes) {
              if (partial.pending.includes(m.name)) unread += m.gateways.length;
              else read += m.gateways.length;
            }
            const waiting = unread + (request.firstRows !== undefined ? Math.max(0, read - request.firstRows) : 0);
            if (waiting >= PARTIAL_MIN_PENDING_GATEWAYS) onPartial(fetched(partial, partial.pending));
          }
        : undefined;
      const loaded = await loadControlPlaneSnapshot(client, { signal, includeSecrets: due, ...(partially ? { onPartial: partially } : {}) });
      if (!loaded.ok) return { ok: false, message: loaded.error.message, aborted: loaded.error.kind === 'aborted' || signal.aborted };
      if (due) secretsAt = request.now;
      const meshes: MeshSnapshot[] = loaded.value.meshes.map((m) => {
        const cached = secrets.get(m.name);
        // A failed secrets call keeps the certificates last read, as a failed refresh keeps the lists.
        if (m.secrets.state === 'error' && cached?.state === 'ok') return { ...m, secrets: cached };
        if (m.secrets.state !== 'not-requested') {
          secrets.set(m.name, m.secrets);
          return m;
        }
        return cached ? { ...m, secrets: cached } : m;
      });
      // What was read is kept (above) even when the refresh was cancelled meanwhile.
      if (signal.aborted) return { ok: false, message: 'The refresh was cancelled.', aborted: true };
      return fetched({ ...loaded.value, meshes });
    },
  };
}

/** A fetcher with its own client, for a thread that got only the connection. */
export function connectLiveFetcher(connection: LiveConnection): LiveFetcher | LiveFailure {
  // The app polls: lists unchanged since the last refresh are not parsed again.
  const client = createKumaClient(connection.settings, { reuseUnchangedBodies: true, timeoutMs: connection.timeoutMs });
  if (!client.ok) return { ok: false, message: client.error.message, aborted: false };
  return createLiveFetcher(client.value, connection.secretsIntervalMs);
}

/**
 * Fetches and analyses on the calling thread. `onPartial`: see `Analyzer.refreshLive`.
 */
export async function refreshLive(
  fetcher: LiveFetcher,
  workspaces: AnalysisWorkspaces,
  request: LiveRequest,
  signal: AbortSignal,
  onPartial?: (partial: LiveResult) => void,
): Promise<({ ok: true } & LiveResult) | LiveFailure> {
  const partially = onPartial && !request.files ? (p: LiveFetched) => onPartial(analyzeFetched(workspaces, p)) : undefined;
  const fetched = await fetcher.fetch(request, signal, partially);
  if (!fetched.ok) return fetched;
  return { ok: true, ...analyzeFetched(workspaces, fetched) };
}

/** Analyses what a fetch read. */
export function analyzeFetched(workspaces: AnalysisWorkspaces, fetched: LiveFetched): LiveResult {
  const { controlPlane, rules, ownRules } = fetched;
  return { result: analyzeRequest(workspaces, fetched.request), controlPlane, rules, ownRules };
}
