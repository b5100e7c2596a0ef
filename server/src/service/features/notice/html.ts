import type { Block, Inline } from './outline';

/**
 * A standalone page: one file, no scripts, no external resources. Its own CSP forbids everything
 * but the inline style, so even a mistake in escaping could not run script where it is hosted.
 */
export function renderHtml(blocks: readonly Block[], language: string): string {
  const title = blocks.find((block): block is Extract<Block, { kind: 'title' }> => block.kind === 'title')?.text ?? '';
  const body = blocks.map(renderBlock).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<article>
${body}
</article>
</body>
</html>
`;
}

const STYLE = `:root { color-scheme: light dark; }
body { margin: 0; font: 16px/1.7 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", sans-serif; }
article { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; line-height: 1.4; }
h2 { font-size: 1.25rem; margin-top: 2.5rem; padding-bottom: .25rem; border-bottom: 1px solid color-mix(in srgb, currentColor 25%, transparent); }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
ul { padding-left: 1.4rem; }
li { margin: .3rem 0; }
a { color: LinkText; overflow-wrap: anywhere; }
p, li { overflow-wrap: break-word; }
code { font: .9em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; padding: .1em .3em; border-radius: 3px; background: color-mix(in srgb, currentColor 10%, transparent); }`;

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`;
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inlines(block.content)}</p>`;
    case 'list':
      return `<ul>\n${block.items.map((item) => `<li>${inlines(item)}</li>`).join('\n')}\n</ul>`;
  }
}

function inlines(content: readonly Inline[]): string {
  return content
    .map((part) => {
      if ('strong' in part) return `<strong>${lines(part.strong)}</strong>`;
      if ('code' in part) return `<code>${escapeHtml(part.code)}</code>`;
      // The outline only makes links of URLs that parse as https:; the check is repeated here so
      // this renderer is safe on its own.
      if ('link' in part) return /^https:\/\//i.test(part.link) ? `<a href="${escapeHtml(part.link)}" rel="noopener noreferrer">${escapeHtml(part.label)}</a>` : escapeHtml(part.label);
      return lines(part.text);
    })
    .join('');
}

function lines(text: string): string {
  return text.split(/\r?\n/).map(escapeHtml).join('<br>\n');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
