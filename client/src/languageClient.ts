import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { normalizeSettings, SETTING_KEYS, SETTINGS_SECTION, type PostmortemSettings } from '../../server/src/contracts/settings';
import { CONFIG_LANGUAGE_ID, LANGUAGE_ID } from '../../server/src/contracts/ids';

/** `postmortem.config.yaml`: the server checks it against its own schema and applies it to the postmortems. */

/** The server runs in its own Node process over IPC; the client never parses YAML itself. */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const execArgv = serverExecArgv(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }, { language: CONFIG_LANGUAGE_ID }],
    // Quick fixes with places to fill in come as a command this client runs (contracts/snippets).
    initializationOptions: { settings: readSettings(), insertSnippetCommand: true },
    outputChannelName: vscode.l10n.t('Postmortem Language Server'),
    diagnosticPullOptions: { onChange: true, onSave: false },
  };
  return new LanguageClient(LANGUAGE_ID, vscode.l10n.t('Postmortem Language Server'), serverOptions, clientOptions);
}

/** The server's Node flags live in package.json so the benchmark launches it exactly the same way. */
function serverExecArgv(context: vscode.ExtensionContext): string[] {
  const manifest = context.extension.packageJSON as { postmortemServer?: { execArgv?: unknown } };
  const flags = manifest.postmortemServer?.execArgv;
  return Array.isArray(flags) ? flags.filter((flag): flag is string => typeof flag === 'string') : [];
}

/** Every setting of the contracts' table, as VS Code has it, normalized (the server reads the same shape). */
export function readSettings(): PostmortemSettings {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return normalizeSettings(Object.fromEntries(SETTING_KEYS.map((key) => [key, configuration.get(key)])));
}
