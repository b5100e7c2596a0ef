import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Localizer } from './l10n';
import { diffTexts } from './parse/diff';

/**
 * The UTF-8 size of each document, kept up to date from the change between its versions: an edit
 * of a 1.6 MB document costs a comparison of the two texts by blocks (~0.2 ms) and a count of the
 * changed part, instead of encoding the whole text again (~2 ms per keystroke).
 */
export class DocumentSizes {
  private readonly known = new Map<string, { text: string; bytes: number }>();

  bytes(uri: string, text: string): number {
    const before = this.known.get(uri);
    let bytes: number;
    if (!before) bytes = utf8Length(text);
    else if (before.text === text) return before.bytes;
    else {
      let { prefix, suffix } = diffTexts(before.text, text);
      // Never cut a surrogate pair: its halves alone would count 3 bytes each instead of 4 together.
      if (prefix > 0 && isHighSurrogate(text.charCodeAt(prefix - 1))) prefix--;
      if (suffix > 0 && isLowSurrogate(text.charCodeAt(text.length - suffix))) suffix--;
      bytes = before.bytes - utf8Length(before.text.slice(prefix, before.text.length - suffix)) + utf8Length(text.slice(prefix, text.length - suffix));
    }
    this.known.set(uri, { text, bytes });
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
    severity: DiagnosticSeverity.Information,
    code: 'document-too-large',
    source: 'postmortem',
    message: l10n.t('limits.tooLarge', megabytes(bytes), megabytes(max), max),
  };
}
