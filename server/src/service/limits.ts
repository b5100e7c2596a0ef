import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocumentLike } from './context';
import type { Localizer } from './l10n';
import { documentTooLarge } from './rules/documentTooLarge';
import { SOURCE } from './rules/rule';
import { diffTexts } from './parse/diff';

/**
 * The UTF-8 size of each document, kept up to date from the change between its versions: an edit
 * of a 1.6 MB document costs a comparison of the two texts by blocks (~0.2 ms) and a count of the
 * changed part, instead of encoding the whole text again (~2 ms per keystroke). Counted once per
 * version.
 */
export class DocumentSizes {
  private readonly known = new Map<string, { version: number; text: string; bytes: number }>();

  bytes(document: TextDocumentLike): number {
    const before = this.known.get(document.uri);
    if (before?.version === document.version) return before.bytes;
    const text = document.getText();
    let bytes: number;
    if (!before) bytes = utf8Length(text);
    else {
      let { prefix, suffix } = diffTexts(before.text, text);
      // Never cut a surrogate pair: its halves alone would count 3 bytes each instead of 4 together.
      if (prefix > 0 && isHighSurrogate(text.charCodeAt(prefix - 1))) prefix--;
      if (suffix > 0 && isLowSurrogate(text.charCodeAt(text.length - suffix))) suffix--;
      bytes = before.bytes - utf8Length(before.text.slice(prefix, before.text.length - suffix)) + utf8Length(text.slice(prefix, text.length - suffix));
    }
    this.known.set(document.uri, { version: document.version, text, bytes });
    return bytes;
  }

  forget(uri: string): void {
    this.known.delete(uri);
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The size in UTF-8 bytes (what the file takes on disk); a lone surrogate counts 3, as the encoder writes U+FFFD. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1)) ? (i++, 4) : 3;
  }
  return bytes;
}

/** `1.2 MB`: sizes in the message, in decimal megabytes as file managers show them. */
function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}

/** The one finding of a document above the limit: on its first line, saying why and what to do. */
export function tooLargeDiagnostic(bytes: number, max: number, firstLineLength: number, l10n: Localizer): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineLength } },
    severity: documentTooLarge.severity,
    code: documentTooLarge.code,
    source: SOURCE,
    message: l10n.t('limits.tooLarge', megabytes(bytes), megabytes(max), max),
  };
}
