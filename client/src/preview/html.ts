import { randomBytes } from 'node:crypto';

export interface ShellInput {
  /** `webview.cspSource`: the origin `asWebviewUri` URIs are served from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** `lang` of the page until the first model says the document's language. */
  language: string;
  title: string;
}

/** A fresh nonce for every page render: 128 bits from the system's CSPRNG. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The webview's only HTML. It holds no document text (the script builds everything with DOM
 * calls and `textContent`), and its policy allows nothing but our own script, by nonce, and our
 * own stylesheet: no inline script or handler, no eval, no remote anything, no forms, no frames.
 */
export function previewShell(input: ShellInput, nonce = createNonce()): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${input.cspSource}`,
    `img-src ${input.cspSource}`,
    `font-src ${input.cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${attribute(input.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attribute(input.styleUri)}">
<title>${text(input.title)}</title>
</head>
<body>
<main id="root" aria-busy="true"></main>
<script nonce="${nonce}" src="${attribute(input.scriptUri)}"></script>
</body>
</html>`;
}

function text(value: string): string {
  return value.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}

/** Every attribute here is double-quoted, so `"` is the only quote to escape (CSP keeps its `'`). */
function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
