import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

// PLACEHOLDER: replaced by the notice export (issue 4).
export function registerExport(_context: vscode.ExtensionContext, _client: LanguageClient): void {}
