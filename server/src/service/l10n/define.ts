/**
 * A feature's messages: English is the reference table, and the Japanese table must have exactly
 * the same keys (the type checker enforces it). `{0}`, `{1}`… are replaced by arguments.
 */
export function defineMessages<const Keys extends string>(tables: { en: Record<Keys, string>; ja: Record<Keys, string> }) {
  return tables;
}
