import type { CompletionList, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';

// PLACEHOLDER: replaced by the completion feature.
export function createCompletion(_context: ServiceContext) {
  return {
    provideCompletion(_parsed: ParsedPostmortem, _position: Position): CompletionList {
      return { isIncomplete: false, items: [] };
    },
  };
}
