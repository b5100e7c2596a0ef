/**
 * The candidate most like `value`, or undefined when none is close enough to be a likely typo.
 * "Close" is strict on purpose: a wrong "did you mean" (`services` → `overview`, `担当` → `id`)
 * is worse than none, so short words allow one slip, longer ones two or three, and a suggestion
 * must keep more of the word than it changes.
 */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    const score = similarity(needle, hay);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best !== undefined && bestScore <= limitFor(needle.length) ? best : undefined;
}

/** Edits allowed for a word of this length: one for up to four letters, two up to eight, then three. */
function limitFor(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

function similarity(needle: string, hay: string): number {
  const shorter = Math.min(needle.length, hay.length);
  const longer = Math.max(needle.length, hay.length);
  // A half-typed word (`detect` → `detected`, `timezon` → `timezone`) counts half per missing
  // letter, but only when the typed part is a real share of the word.
  if (shorter >= 3 && shorter * 2 >= longer && (hay.startsWith(needle) || needle.startsWith(hay))) return (longer - shorter) * 0.5;
  const distance = editDistance(needle, hay);
  // Changing as many letters as the shorter word has is a different word, not a typo.
  return distance >= shorter ? Infinity : distance;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours (`stauts`). */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, (before[j - 2] ?? 0) + 1);
      current[j] = cost;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
