import type { Diagnostic } from 'vscode-languageserver-types';
import { startOffset, type Fix, type FixContext } from '../features/codeActions/fix';
import { innerSpan, scalarAt } from '../parse/scan/layout';
import { defineCheck, DiagnosticSeverity, type DataOf } from './rule';

/**
 * Two language versions of one incident state a different fact. Detected across files, by
 * parity/compare.ts (each file's own check cannot see the other); the fix lives here.
 */
export const parityMismatch = defineCheck({
  code: 'parity-mismatch',
  severity: DiagnosticSeverity.Warning,
  doc: {
    when: 'two language versions of one incident (same `id`, another `language`) state a different fact (above)',
    brief: 'the Japanese and English (any two languages) versions of one incident, same `id`, state a different time, count, factor, countermeasure, status or report; names the other file and links to its value, with a quick fix that copies it',
  },
  data: ['replacement', 'version'],
  fixes: takeTheirs,
});

/** Take the other language version's value (its file and language are in the message). */
function takeTheirs({ parsed, service }: FixContext, diagnostic: Diagnostic, { replacement, version = '' }: Partial<DataOf<'replacement' | 'version'>>): Fix[] {
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
