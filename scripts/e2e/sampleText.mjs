// What the browser-level checks need to know about the samples' text.
import fs from 'node:fs';

/** The first `key: <time with a clock part>` of a sample (in the first 30 lines, so on screen). */
export function firstTimeOf(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').slice(0, 30);
  for (const l of lines) {
    const m = /^\s*(?:- )?([a-z_]+): (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[^\s#]*)/.exec(l);
    if (m) return { key: m[1], value: m[2] };
  }
  return null;
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The deliberately broken sample of a workspace copy of samples/. */
export function findBrokenSample(dir) {
  const all = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.postmortem.yaml'));
  return all.filter((f) => /broken/i.test(f)).sort()[0] ?? null;
}
