import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

// PLACEHOLDER: replaced by the timeline preview (issue 4).
export function registerPreview(_context: vscode.ExtensionContext, _client: LanguageClient): void {}
