// The webview has its own tsconfig (DOM, no Node); type-check it when it exists.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = join(root, 'client/webview/tsconfig.json');
if (existsSync(config)) {
  const result = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', config, '--noEmit'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
