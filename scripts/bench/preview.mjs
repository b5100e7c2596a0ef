// The preview's first paint and update time in headless Chromium, through the webview harness
// (scripts/preview-harness/paint.ts, run by tsx), on the models our server returned for the
// benchmark's documents. Never fails the benchmark: when it cannot run, the reason is the result.
import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const REPEATS = 5; // fresh pages per size: the first paint's median is over these
const UPDATES = 10; // one-event patches per size, spread over those pages
const TIME_LIMIT_MS = 120_000;

/** Why the preview cannot be measured here, or null when it can. */
export function previewUnavailable(root, chromium) {
  if (!existsSync(chromium)) return `no Chromium at ${chromium} (apt-get install chromium)`;
  if (!existsSync(join(root, 'client', 'out', 'webview', 'preview.js'))) return 'client/out/webview/preview.js is missing: run npm run build';
  if (!existsSync(join(root, 'node_modules', '.bin', 'tsx'))) return 'tsx is missing: run npm install';
  return null;
}

/**
 * @param {string} root the repository
 * @param {string} chromium the browser's executable
 * @param {{ events: number, before: unknown, after: unknown }[]} sizes the server's models per size
 * @returns {Promise<{ bySize: Map<number, object>, note: string | null }>}
 */
export async function measurePreview(root, chromium, sizes) {
  const unavailable = previewUnavailable(root, chromium) ?? (sizes.length === 0 ? 'our server returned no timeline model' : null);
  if (unavailable) return { bySize: new Map(), note: unavailable };
  const input = join(root, '.bench', 'preview-input.json');
  writeFileSync(input, JSON.stringify({ repeats: REPEATS, updates: UPDATES, sizes }));
  try {
    const { code, stdout, stderr } = await run(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'preview-harness', 'paint.ts'), input], root, chromium);
    const results = stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    const bySize = new Map(results.map((result) => [result.events, result]));
    const failed = code !== 0 ? `the harness failed: ${(stderr.trim().split('\n').at(-1) ?? '').slice(0, 200) || `exit ${code}`}` : null;
    return { bySize, note: failed };
  } finally {
    rmSync(input, { force: true }); // 10,000 events make a 10 MB file; it is only a hand-over
  }
}

function run(command, args, cwd, chromium) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, CHROMIUM: chromium }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    const timer = setTimeout(() => {
      stderr += `\ntimed out after ${TIME_LIMIT_MS / 1000} s`;
      child.kill('SIGKILL');
    }, TIME_LIMIT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 1, stdout, stderr: `${stderr}\n${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}
