// `npm run typecheck`: every TypeScript project, strict. The layers are composite projects built
// with `tsc -b` from the root tsconfig.json (contracts ← service; contracts ← client; service, contracts ← server),
// so crossing a layer is a compile error; their declarations go to out/tsc/ and make the next run
// incremental. The projects that see across layers on purpose (tests, the webview with the
// preview messages it shares with the extension, the preview harness, the generator, the Node scripts) are
// checked on their own with `tsc -p`. Exits non-zero if any fails, after running them all.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules/.bin/tsc');
const standalone = ['test/tsconfig.json', 'client/webview/tsconfig.json', 'scripts/preview-harness/tsconfig.json', 'scripts/gen/tsconfig.json', 'scripts/tsconfig.json'];
const runs = [['-b', join(root, 'tsconfig.json')], ...standalone.map((path) => join(root, path)).filter((path) => existsSync(path)).map((path) => ['-p', path, '--noEmit'])];
let status = 0;
for (const args of runs) {
  const result = spawnSync(tsc, args, { stdio: 'inherit' });
  if (result.status !== 0) status = result.status ?? 1;
}
process.exit(status);
