import type { Inline } from './outline';

/**
 * Document prose as inlines: `backticks` become code (what SRE write for commands, flags and
 * config keys), everything else stays text. An unmatched backtick is just a character.
 */
export function prose(text: string): Inline[] {
  const parts: Inline[] = [];
  const pattern = /`([^`\n]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ text: text.slice(last, index) });
    parts.push({ code: match[1] as string });
    last = index + match[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last) });
  return parts;
}
