/**
 * `# expect: code[, code]` comments in a sample name the diagnostics expected on that line. Shared by
 * the unit, LSP and end-to-end suites so all three check the same promise.
 */
export interface Expectation {
  /** Zero-based line. */
  line: number;
  code: string;
}

export function readExpectations(text: string): Expectation[] {
  const expectations: Expectation[] = [];
  text.split(/\r?\n/).forEach((lineText, line) => {
    const match = /#\s*expect:\s*([a-z0-9, -]+)\s*$/.exec(lineText);
    for (const code of match?.[1]?.split(',') ?? []) {
      if (code.trim()) expectations.push({ line, code: code.trim() });
    }
  });
  return expectations;
}

/** A marker `schema` stands for any `schema-…` code; other markers must match exactly. */
export function codeMatches(marker: string, code: unknown): boolean {
  const actual = String(code);
  return actual === marker || actual.startsWith(`${marker}-`);
}

/** Pairs each expectation with one diagnostic on its line; reports what is missing and what is extra. */
export function compareWithExpectations(expectations: Expectation[], diagnostics: { line: number; code: unknown }[]): { missing: Expectation[]; unexpected: { line: number; code: unknown }[] } {
  const remaining = [...diagnostics];
  const missing: Expectation[] = [];
  for (const expectation of expectations) {
    const index = remaining.findIndex((diagnostic) => diagnostic.line === expectation.line && codeMatches(expectation.code, diagnostic.code));
    if (index < 0) missing.push(expectation);
    else remaining.splice(index, 1);
  }
  return { missing, unexpected: remaining };
}

/** The one-based line of the first `# expect:` marker of `code` in a sample (what CLI output shows), or 0. */
export function markerLine(text: string, code: string): number {
  return (readExpectations(text).find((marker) => marker.code === code)?.line ?? -1) + 1;
}
