// Lint rules, and the layer boundaries of docs/ARCHITECTURE.md as import restrictions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layers } from './scripts/lint/layers.mjs';

/** The `layers/fence` rule for a layer: where its relative imports may land (repository paths). */
const fence = (allow, message) => ({ 'layers/fence': ['error', { allow, message }] });

const nodeIo = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https', 'child_process', 'node:child_process', 'worker_threads', 'node:worker_threads'];

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', '.cache/**', '.bench/**', 'test-results/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', AbortController: 'readonly', structuredClone: 'readonly', fetch: 'readonly', AbortSignal: 'readonly' } },
    plugins: { layers },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Rules that need the types (issue 9): a promise nobody awaits loses its rejection and its
    // ordering, and a switch over a union must say what it does with every member (a `default`
    // does not count: a new member must be placed on purpose). The types come from one program
    // over all these files, tsconfig.eslint.json (its `include` is this `files` list).
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'client/webview/**/*.ts', 'test/**/*.ts', 'scripts/preview-harness/**/*.ts', 'scripts/gen/**/*.ts', 'scripts/**/*.mjs'],
    languageOptions: { parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: ['bin/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The language service must not depend on VS Code.' },
            { name: 'vscode-languageserver', message: 'The language service must not know the LSP connection; use vscode-languageserver-types.' },
            { name: 'vscode-languageserver/node', message: 'The language service must not know the LSP connection; use vscode-languageserver-types.' },
            ...nodeIo.map((name) => ({ name, message: 'The language service does no I/O: the server or the CLI reads and writes.' })),
          ],
        },
      ],
      ...fence(['server/src/service', 'server/src/contracts', 'schemas'], 'the service imports only the contracts below it, never the layers above.'),
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['yaml', 'ajv'], message: 'The client never parses YAML: ask the server.' }],
        },
      ],
      ...fence(['client/src', 'client/shared', 'server/src/contracts'], 'the client talks to the server over LSP; of the server it may import only the contracts (server/src/contracts).'),
    },
  },
  {
    files: ['client/webview/**/*.ts'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', HTMLElement: 'readonly', requestAnimationFrame: 'readonly' } },
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The webview runs in a browser frame; talk to the extension with postMessage.' }], patterns: [{ group: ['yaml', 'ajv'], message: 'The webview renders the model it is sent.' }] }],
      ...fence(['client/webview', 'client/shared', 'server/src/contracts'], 'the webview renders the model it is sent; it shares only client/shared (messages, guards, patches) with the extension, and the contracts.'),
    },
  },
  {
    // What the extension host and the webview both run: the preview's messages, their guards and
    // the patches. Neither `vscode` nor the DOM, and of the repository only the contracts.
    files: ['client/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Shared with the webview, which has no vscode.' }], patterns: [{ group: ['node:*', 'yaml', 'ajv'], message: 'Shared with the webview: plain TypeScript only.' }] }],
      ...fence(['client/shared', 'server/src/contracts'], 'code shared by the extension host and the webview imports only itself and the contracts.'),
    },
  },
  {
    // A development tool (Node + headless Chromium): it builds real models with the service and
    // shares fixtures with the tests, none of which may ship in the client.
    files: ['scripts/preview-harness/**/*.ts'],
    rules: fence(['scripts', 'client/src/preview', 'client/shared', 'server/src', 'test/unit'], 'the preview harness drives the preview script with models the service built.'),
  },
  {
    // The contracts are the bottom: wire types, ids, settings and vocabularies, importing nothing of the repository.
    files: ['server/src/contracts/**/*.ts'],
    rules: fence(['server/src/contracts'], 'the contracts are the bottom layer: they import nothing of the repository.'),
  },
  {
    files: ['server/src/server/**/*.ts', 'server/src/cli/**/*.ts'],
    rules: fence(['server/src', 'schemas', 'package.json'], 'the server and the command line adapt the language service; they never import the client (package.json gives the CLI its version and links).'),
  },
);
