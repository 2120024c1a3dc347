import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  TransportKind,
  type ConfigurationParams,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { controlPlaneDiffMiddleware } from './control-plane-diff.js';
import { registerControlPlaneStatus } from './control-plane-status.js';
import { registerLiveDocuments } from './live-documents.js';
import { registerMergedGateway } from './merged-gateway.js';
import { documentSelector } from './selector.js';
import { SECTION, translateSettings } from './settings.js';

let client: LanguageClient | undefined;

/**
 * Starts the bundled language server (`dist/server.js`, plain Node over stdio) for YAML files
 * and keeps it supplied with the translated `meshgw.*` settings. No analysis happens here.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('meshgw', { log: true });
  context.subscriptions.push(output);

  const settingsFor = (scopeUri?: string) => {
    const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
    const { settings, problems } = translateSettings(vscode.workspace.getConfiguration(SECTION, scope));
    for (const p of problems) output.warn(p);
    return settings;
  };

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    // liveDocuments: this client opens `meshgw-live:` documents (live-documents.ts).
    initializationOptions: () => ({ settings: settingsFor(), liveDocuments: true }),
    middleware: {
      ...controlPlaneDiffMiddleware(context),
      workspace: {
        // The server asks for `meshgw`; it gets the translated settings, never the raw ones.
        configuration: async (params: ConfigurationParams, token, next) => {
          const mine = params.items.map((item) => item.section === SECTION);
          const others = params.items.filter((_, i) => !mine[i]);
          const answered = others.length > 0 ? await next({ items: others }, token) : [];
          if (!Array.isArray(answered)) return answered;
          let j = 0;
          return params.items.map((item, i) => (mine[i] ? settingsFor(item.scopeUri) : answered[j++]));
        },
      },
    },
  };

  client = new LanguageClient('meshgw', 'meshgw', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION) || !client?.isRunning()) return;
      void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { [SECTION]: settingsFor() } });
    }),
    vscode.commands.registerCommand('meshgw.restartServer', async () => {
      if (!client) return;
      output.info('Restarting the meshgw language server.');
      await client.restart();
    }),
  );
  registerMergedGateway(context, () => client);
  registerLiveDocuments(context, () => client);
  registerControlPlaneStatus(context, client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  await c?.stop();
}
