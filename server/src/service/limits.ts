import type { Diagnostic } from 'vscode-languageserver-types';
import type { Localizer } from './l10n';
import { documentTooLarge } from './rules/documentTooLarge';
import { SOURCE } from './rules/rule';

/**
 * The size in UTF-8 bytes (what the file takes on disk) when it is above `max`, else undefined.
 * A UTF-16 code unit takes 1 to 3 bytes, a surrogate pair 4, so most texts are decided by their
 * length alone; the rest are counted, stopping as soon as the limit is passed.
 */
export function bytesOver(text: string, max: number): number | undefined {
  if (text.length > max) return utf8Length(text);
  if (text.length * 3 <= max) return undefined;
  // Every edit of a big document asks again. Counting in JavaScript took ~3 ms per MB of Japanese
  // text; the platform's encoder writes into a buffer a little larger than the limit and stops
  // when it is full, so a text that does not fit is simply one it could not read to the end.
  if (scratch?.length !== max + 4) scratch = new Uint8Array(max + 4);
  const { read, written } = (encoder ??= new TextEncoder()).encodeInto(text, scratch);
  return read < text.length || written > max ? utf8Length(text) : undefined;
}

let encoder: { encodeInto(source: string, destination: Uint8Array): { read: number; written: number } } | undefined;
let scratch: Uint8Array | undefined;

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? (i++, 4) : 3;
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
