// This run's own compiled suite and results file: other runs in the same tree (several people,
// or CI and a person) must not delete or overwrite them mid-run. The results are copied to
// test-results/e2e-results.json at the end.
import fs from 'node:fs';
import path from 'node:path';
import { resultsDir } from './paths.mjs';

export const RESULTS_JSON = path.join(resultsDir, 'e2e-results.json');
const RUNS_DIR = path.join(resultsDir, 'e2e-runs');
export const RUN_DIR = path.join(RUNS_DIR, String(process.pid));
export const RUN_OUT = path.join(RUN_DIR, 'out');
export const RUN_RESULTS = path.join(RUN_DIR, 'e2e-results.json');
export const LOGS_DIR = path.join(resultsDir, 'e2e-logs');

/** Removes the folders of earlier runs whose process is gone (killed runs leave theirs). */
export function removeStaleRunDirs() {
  if (!fs.existsSync(RUNS_DIR)) return;
  for (const name of fs.readdirSync(RUNS_DIR)) {
    const pid = Number(name);
    let alive = false;
    try { process.kill(pid, 0); alive = Number.isInteger(pid) && pid > 0; } catch (e) { alive = e.code === 'EPERM'; }
    if (!alive || pid === process.pid) fs.rmSync(path.join(RUNS_DIR, name), { recursive: true, force: true });
  }
}
