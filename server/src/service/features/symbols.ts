import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';

// PLACEHOLDER: replaced by the outline feature.
export function createSymbols(_context: ServiceContext) {
  return {
    provideDocumentSymbols(_parsed: ParsedPostmortem): DocumentSymbol[] {
      return [];
    },
  };
}
