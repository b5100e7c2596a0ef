import type { Block, Inline } from './outline';

/**
 * Markdown in which document text can only ever be text: every character that could open markup
 * (emphasis, code, links, images, raw HTML, tables, strike-through) is escaped, `<`, `>` and `&`
 * become entities so renderers that allow raw HTML still show them, and a line that would start a
 * heading, list, quote or rule gets its marker escaped.
 */
export function renderMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        out.push(`# ${escapeLine(block.text.replace(/\s*\r?\n\s*/g, ' '), false)}`);
        break;
      case 'heading':
        out.push(`${'#'.repeat(block.level)} ${escapeLine(block.text.replace(/\s*\r?\n\s*/g, ' '), false)}`);
        break;
      case 'paragraph':
        out.push(inlines(block.content, ''));
        break;
      case 'list':
        out.push(block.items.map((item) => `- ${inlines(item, '  ')}`).join('\n'));
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}

function inlines(content: readonly Inline[], indent: string): string {
  return content
    .map((part) => {
      if ('strong' in part) return `**${inlineText(part.strong, indent)}**`;
      if ('link' in part) return `<${part.link.replace(/[<>\s]/g, encodeURIComponent)}>`;
      if ('code' in part) return codeSpan(part.code);
      return inlineText(part.text, indent);
    })
    .join('');
}

/**
 * A code span's content is shown literally by every CommonMark renderer (no markup, no raw HTML),
 * so it needs no escaping, only a fence of more backticks than it contains and, when it starts or
 * ends with a backtick or space, a space inside the fence (which renderers strip).
 */
function codeSpan(code: string): string {
  const content = code.replace(/\s*\r?\n\s*/g, ' ');
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[`\s]|[`\s]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** Text on one or more lines; later lines are indented to stay inside a list item. */
function inlineText(text: string, indent: string): string {
  return text
    .split(/\r?\n/)
    .map((line, index) => (index === 0 ? escapeLine(line) : `${indent}${escapeLine(line.trimStart())}`))
    .join('  \n');
}

const MARKUP = /[\\`*_[\]|~!]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeLine(line: string, atLineStart = true): string {
  const escaped = line.replace(/[&<>]/g, (char) => ENTITIES[char] ?? char).replace(MARKUP, '\\$&');
  if (!atLineStart) return escaped;
  // Markers that only count at the start of a line: headings, lists, rules, setext underlines.
  return escaped.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
