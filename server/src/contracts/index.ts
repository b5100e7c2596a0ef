// The contracts: what the server, the command line, the client and the webview agree on. This
// folder imports nothing of the repository (only vscode-languageserver-protocol/-types), so the
// client and the webview type-check none of the service.
export * from './settings';
export * from './timeline';
export * from './patch';
export * from './export';
export * from './template';
export * from './model';
export * from './labels';
export * from './vocabulary';
export * from './snippets';
export * from './url';
export * from './ids';
