import type { Hover, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';

// PLACEHOLDER: replaced by the hover feature.
export function createHover(_context: ServiceContext) {
  return {
    provideHover(_parsed: ParsedPostmortem, _position: Position): Hover | null {
      return null;
    },
  };
}
