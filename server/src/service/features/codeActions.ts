import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';

// PLACEHOLDER: replaced by the quick fixes.
export function createCodeActions(_context: ServiceContext) {
  return {
    provideCodeActions(_parsed: ParsedPostmortem, _range: Range, _diagnostics: Diagnostic[]): CodeAction[] {
      return [];
    },
  };
}
