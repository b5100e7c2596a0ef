// Builds the extension (`node scripts/build.mjs`) when client/out/extension.js is missing or
// older than any source it is built from. Also: the temporary copy of samples/ the tests open.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extensionEntry, repoRoot, samplesDir } from './paths.mjs';

const SOURCES = ['client/src', 'client/shared', 'client/webview', 'server/src', 'schemas', 'package.json', 'scripts/build.mjs'];

function newestMtime(p) {
  let st;
  try { st = fs.statSync(p); } catch { return 0; }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of fs.readdirSync(p, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'out') continue;
    newest = Math.max(newest, newestMtime(path.join(p, e.name)));
  }
  return newest;
}

/** Why the build is needed, or null when client/out/extension.js is up to date. */
export function buildReason() {
  if (!fs.existsSync(extensionEntry)) return `${path.relative(repoRoot, extensionEntry)} is missing`;
  const built = fs.statSync(extensionEntry).mtimeMs;
  for (const s of SOURCES) {
    if (newestMtime(path.join(repoRoot, s)) > built) return `${s} changed since the last build`;
  }
  return null;
}

/** Runs `node scripts/build.mjs` when needed (or when `force`). Throws when the build fails. */
export function ensureBuilt({ force = false, prefix = 'build' } = {}) {
  const reason = force ? 'forced' : buildReason();
  if (!reason) {
    console.log(`[${prefix}] ${path.relative(repoRoot, extensionEntry)} is up to date`);
    return false;
  }
  const script = path.join(repoRoot, 'scripts', 'build.mjs');
  if (!fs.existsSync(script)) throw new Error(`cannot build the extension (${reason}): ${path.relative(repoRoot, script)} does not exist yet`);
  console.log(`[${prefix}] ${reason}: node scripts/build.mjs`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [script], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`node scripts/build.mjs exited ${r.status ?? r.signal}`);
  if (!fs.existsSync(extensionEntry)) throw new Error(`node scripts/build.mjs succeeded but ${path.relative(repoRoot, extensionEntry)} is missing`);
  console.log(`[${prefix}] built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

/**
 * Copies a samples folder into a fresh temp folder (tests may edit and save there).
 * Returns { dir, cleanup() }.
 */
export function copySamples(from = samplesDir, label = 'postmortem-samples-') {
  if (!fs.existsSync(from)) throw new Error(`samples folder not found: ${from}`);
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), label));
  const dir = path.join(parent, 'samples');
  fs.cpSync(from, dir, { recursive: true });
  return { dir, cleanup: () => fs.rmSync(parent, { recursive: true, force: true }) };
}
