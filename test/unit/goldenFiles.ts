import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers';

const goldenDir = join(repoRoot, 'test', 'unit', 'golden');
/** `UPDATE_GOLDEN=1 npm run test:unit` rewrites the files; review the diff before committing. */
const update = process.env.UPDATE_GOLDEN === '1';

/** `actual` equals `test/unit/golden/<name>`; a missing file is written and the test fails once. */
export function golden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  if (update || !existsSync(file)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, actual);
    if (!update) assert.fail(`${name} did not exist and was written; check it and run again`);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from the golden file (UPDATE_GOLDEN=1 to accept)`);
}
