// Lint rules, and the layer boundaries of docs/ARCHITECTURE.md as import restrictions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeIo = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https', 'child_process', 'node:child_process', 'worker_threads', 'node:worker_threads'];

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', '.cache/**', '.bench/**', 'test-results/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', AbortController: 'readonly', structuredClone: 'readonly', fetch: 'readonly', AbortSignal: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
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
          patterns: [{ group: ['**/server/*', '**/cli/*', '**/protocol/*', '../../server/**', '../../cli/**'], message: 'The service is the bottom layer: it imports nothing above it.' }],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/src/service/**', '**/server/src/server/**', '**/server/src/cli/**'], message: 'The client talks to the server over LSP; it may import only server/src/protocol.' },
            { group: ['yaml', 'ajv'], message: 'The client never parses YAML: ask the server.' },
          ],
        },
      ],
    },
  },
  {
    files: ['client/webview/**/*.ts'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', HTMLElement: 'readonly', requestAnimationFrame: 'readonly' } },
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The webview runs in a browser frame; talk to the extension with postMessage.' }], patterns: [{ group: ['**/server/src/service/**', 'yaml'], message: 'The webview renders the model it is sent.' }] }],
    },
  },
);
