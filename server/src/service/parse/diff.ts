/**
 * Where two versions of a text differ: the unchanged head and tail. Compared block by block with
 * native string equality, which is far faster than a character loop over a megabyte.
 */
export interface TextChange {
  /** Length of the common start. */
  prefix: number;
  /** Length of the common end, never overlapping the common start in either text. */
  suffix: number;
  /** newText.length - oldText.length: how far the unchanged tail moved. */
  delta: number;
}

const BLOCK = 1024;

export function diffTexts(oldText: string, newText: string): TextChange {
  const limit = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix + BLOCK <= limit && oldText.slice(prefix, prefix + BLOCK) === newText.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < limit && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;

  const room = limit - prefix;
  let suffix = 0;
  while (suffix + BLOCK <= room && oldText.slice(oldText.length - suffix - BLOCK, oldText.length - suffix) === newText.slice(newText.length - suffix - BLOCK, newText.length - suffix)) suffix += BLOCK;
  while (suffix < room && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  return { prefix, suffix, delta: newText.length - oldText.length };
}
