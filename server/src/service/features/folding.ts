import type { FoldingRange } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';

// PLACEHOLDER: replaced by the folding feature.
export function createFolding(_context: ServiceContext) {
  return {
    provideFoldingRanges(_parsed: ParsedPostmortem): FoldingRange[] {
      return [];
    },
  };
}
