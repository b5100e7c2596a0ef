// What `vscode`, `vscode-languageserver` and `vscode-languageclient` resolve to inside the service
// (see `paths` in ./tsconfig.json): nothing. Importing from them here fails with "Module
// '…/layerFence' has no exported member …": the service knows neither VS Code nor the LSP
// connection; it uses vscode-languageserver-types.
export {};
