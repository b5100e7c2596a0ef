'use strict';
// CommonJS so that both the ES-module benchmark and the TypeScript tests (compiled to CommonJS) load it.

/**
 * mulberry32: a tiny seeded generator, the same on every machine, so generated documents and
 * property-test failures replay exactly from their seed.
 * @param {number} seed
 * @returns {() => number} numbers in [0, 1)
 */
function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

module.exports = { createRandom };
