import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

/** A language server started as a plain Node process over stdio, with a JSON-RPC connection to it. */
export interface LspProcess {
  connection: MessageConnection;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Sends shutdown and exit, then waits for the process to end (killing it after `ms`). */
  close(ms?: number): Promise<void>;
}

export interface PublishedDiagnostics {
  uri: string;
  diagnostics: { message: string; range: { start: { line: number; character: number } }; severity?: number; code?: string | number; source?: string }[];
}

/**
 * Starts `node script ...args`. Requests the server sends (`workspace/configuration`,
 * `client/registerCapability`, ...) are answered by `onRequest` or with null.
 */
export function startLsp(
  script: string,
  args: string[],
  options: { cwd?: string; onRequest?: (method: string, params: unknown) => unknown } = {},
): LspProcess {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [script, ...args], { cwd: options.cwd, stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest((method, params) => options.onRequest?.(method, params) ?? null);
  connection.onNotification(() => undefined);
  connection.listen();
  // A server that dies fails the requests still waiting, instead of leaving them to time out.
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve())).then(() => connection.dispose());
  return {
    connection,
    stderr: () => stderr,
    async close(ms = 3000) {
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      try {
        if (child.exitCode === null) {
          await Promise.race([connection.sendRequest('shutdown'), exited]);
          void connection.sendNotification('exit').catch(() => undefined);
        }
      } catch {
        child.kill('SIGKILL');
      }
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves with the first `textDocument/publishDiagnostics` for `uri` that `accept` takes. */
export function nextDiagnostics(
  connection: MessageConnection,
  uri: string,
  accept: (p: PublishedDiagnostics) => boolean = () => true,
): Promise<PublishedDiagnostics> {
  return new Promise((resolve) => {
    const sub = connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      if (p.uri !== uri || !accept(p)) return;
      sub.dispose();
      resolve(p);
    });
  });
}

/** The standard client capabilities a test needs: markdown hover, pull and push diagnostics. */
export const CLIENT_CAPABILITIES = {
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    publishDiagnostics: { relatedInformation: true },
    synchronization: { dynamicRegistration: false, didSave: true },
  },
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
};
