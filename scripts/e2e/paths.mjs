// Shared paths for the end-to-end tooling (setup, runner, npm start, test-electron).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CODE_SERVER_VERSION = '4.100.3';
/**
 * npm prefix folder that holds code-server (git-ignored via `.cache/`). POSTMORTEM_E2E_CACHE puts it
 * elsewhere, e.g. to time a cold first run without deleting the usual one.
 */
export const cacheDir = process.env.POSTMORTEM_E2E_CACHE ? path.resolve(process.env.POSTMORTEM_E2E_CACHE) : path.join(repoRoot, '.cache', 'code-server');
/** The installed code-server package. */
export const codeServerDir = path.join(cacheDir, 'node_modules', 'code-server');
/** code-server's bundled VS Code. */
export const vscodeDir = path.join(codeServerDir, 'lib', 'vscode');
/** Written when setup completed; names the Node ABI the native modules were built for. */
export const stampFile = path.join(cacheDir, `.setup-complete-${CODE_SERVER_VERSION}-node-abi${process.versions.modules}`);

export const samplesDir = path.join(repoRoot, 'samples');
export const e2eOutDir = path.join(repoRoot, 'test', 'e2e', 'out');
/** The compiled Mocha entry the extension host calls (`run()`). */
export const e2eEntry = path.join(e2eOutDir, 'index.js');
export const resultsDir = path.join(repoRoot, 'test-results');
export const screenshotsDir = path.join(resultsDir, 'screenshots');

export const extensionEntry = path.join(repoRoot, 'client', 'out', 'extension.js');

export const CHROMIUM = '/usr/bin/chromium';

/** Prints a progress line with a prefix, on stderr-free stdout. */
export function log(prefix, ...args) {
  console.log(`[${prefix}]`, ...args);
}
