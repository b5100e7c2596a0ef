// Preloaded into the server (--require) by scripts/bench/memory.mjs only (never shipped, never in the client's
// flags): on SIGUSR2 it runs a full collection (the process needs --expose-gc) and writes one JSON
// line to stderr with the heap before and after, so the tool can tell live data from garbage.
'use strict';
// CommonJS: --require preloads it without Node's ESM loader, which alone adds ~17 MB at idle.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const v8 = require('node:v8');

function spaces() {
  return Object.fromEntries(v8.getHeapSpaceStatistics().map((space) => [space.space_name.replace(/_space$/, ''), { usedMb: space.space_used_size / 1e6, committedMb: space.physical_space_size / 1e6 }]));
}

process.on('SIGUSR2', () => {
  const before = { heap: v8.getHeapStatistics(), spaces: spaces() };
  const started = performance.now();
  /** @type {() => void} */ (/** @type {any} */ (globalThis).gc)();
  const gcMs = performance.now() - started;
  const after = { heap: v8.getHeapStatistics(), spaces: spaces() };
  process.stderr.write(`GC-PROBE ${JSON.stringify({ gcMs, before, after })}\n`);
});
