import type { Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';

// PLACEHOLDER: replaced by factor-id navigation (definition, references, rename).
export function createNavigation(_context: ServiceContext) {
  return {
    provideDefinition(_parsed: ParsedPostmortem, _position: Position): Location[] {
      return [];
    },
    provideReferences(_parsed: ParsedPostmortem, _position: Position, _includeDeclaration: boolean): Location[] {
      return [];
    },
    prepareRename(_parsed: ParsedPostmortem, _position: Position): { range: Range; placeholder: string } | null {
      return null;
    },
    provideRename(_parsed: ParsedPostmortem, _position: Position, _newName: string): WorkspaceEdit | null {
      return null;
    },
  };
}
