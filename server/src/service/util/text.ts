/**
 * Japanese is written without spaces between words, but YAML folding (`>` blocks and plain scalars
 * over several lines) joins lines with one. A single space between two Japanese characters, or
 * next to Japanese punctuation (`。`, `、`, `（`…), is such a join, never something the author typed
 * on purpose; the space between Japanese and Latin words (`Redis の設定`) is a style and stays.
 */
const PUNCTUATION = String.raw`\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65`;
const CJK = String.raw`\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}${PUNCTUATION}`;
const FOLDED_SPACE = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])|(?<=[${PUNCTUATION}]) (?=\\S)|(?<=\\S) (?=[${PUNCTUATION}])`, 'gu');

export function unfoldCjk(text: string): string {
  return text.includes(' ') ? text.replace(FOLDED_SPACE, '') : text;
}
