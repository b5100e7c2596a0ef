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
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'client/webview/**/*.ts', 'test/**/*.ts', 'scripts/preview-harness/**/*.ts', 'scripts/**/*.mjs'],
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
      ...fence(['server/src/service', 'schemas'], 'the service is the bottom layer: it imports nothing above it.'),
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
      ...fence(['client/src', 'server/src/protocol'], 'the client talks to the server over LSP; of the server it may import only server/src/protocol.'),
    },
  },
  {
    files: ['client/webview/**/*.ts'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', HTMLElement: 'readonly', requestAnimationFrame: 'readonly' } },
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The webview runs in a browser frame; talk to the extension with postMessage.' }], patterns: [{ group: ['yaml', 'ajv'], message: 'The webview renders the model it is sent.' }] }],
      ...fence(['client/webview', 'client/src/preview', 'server/src/protocol'], 'the webview renders the model it is sent; it shares only the preview messages with the extension and the wire types.'),
    },
  },
  {
    // A development tool (Node + headless Chromium): it builds real models with the service and
    // shares fixtures with the tests, none of which may ship in the client.
    files: ['scripts/preview-harness/**/*.ts'],
    rules: fence(['scripts', 'client/src/preview', 'server/src', 'test/unit'], 'the preview harness drives the preview script with models the service built.'),
  },
  {
    // For now the protocol re-exports the service's TimelineModel and NoticeFormat (issue 9: the
    // wire types are to move below the service); it uses nothing else of the repository.
    files: ['server/src/protocol/**/*.ts'],
    rules: fence(['server/src/protocol', 'server/src/service'], 'the protocol is the wire contract between client and server.'),
  },
  {
    files: ['server/src/server/**/*.ts', 'server/src/cli/**/*.ts'],
    rules: fence(['server/src', 'schemas', 'package.json'], 'the server and the command line adapt the language service; they never import the client (package.json gives the CLI its version and links).'),
  },
);
