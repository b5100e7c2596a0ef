// The webview has its own tsconfig (DOM, no Node), and so does its harness (Node, which drives
// headless Chromium; the page's code is handed over as strings, so it needs no DOM types). Neither
// is part of client/tsconfig.json; type-check each one that exists.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const configs = ['client/webview/tsconfig.json', 'scripts/preview-harness/tsconfig.json'].map((path) => join(root, path)).filter((path) => existsSync(path));
let status = 0;
for (const config of configs) {
  const result = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', config, '--noEmit'], { stdio: 'inherit' });
  if (result.status !== 0) status = result.status ?? 1;
}
process.exit(status);
