import type { Diagnostic } from 'vscode-languageserver-types';
import { dataOf, startOffset, type Fix, type FixContext } from './fix';
import { innerSpan, scalarAt } from '../../parse/scan/layout';

/** `parity-mismatch`: take the other language version's value (its file and language are in the message). */
export function parityFix({ parsed, service }: FixContext, diagnostic: Diagnostic): Fix[] {
  const { replacement, version = '' } = dataOf(diagnostic);
  const found = scalarAt(parsed.root, startOffset(parsed, diagnostic));
  if (replacement === undefined || !found || found.isKey || String(found.scalar.value) === String(replacement)) return [];
  const span = innerSpan(found.scalar, parsed.text);
  const text = yamlScalar(String(replacement));
  return [{ title: service.l10n.t('parity.copy', version, text), edits: [{ ...span, text }] }];
}

/** Plain when YAML reads it back as the same string or number; quoted otherwise. */
function yamlScalar(text: string): string {
  return /^[^\s#:'"{}[\],&*!|>%@`-][^#]*$/.test(text) && !/:\s/.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}
