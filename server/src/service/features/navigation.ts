import { defineQuery, query } from '../parse/snapshot';
import type { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import { factsOf, type IdFact } from '../model/facts';
import type { ParsedPostmortem } from '../parse/parse';
import { innerSpan, type Span } from '../parse/scan/layout';
import { isSlug } from '../util/slug';


/** One place a factor id is written: its definition in `cause.factors`, or a use in `addresses`. */
interface Occurrence {
  id: string;
  /** The whole scalar, quotes included: the cursor may rest on a quote. */
  hit: Span;
  /** The text inside any quotes: what is shown, highlighted and replaced. */
  inner: Span;
  declaration: boolean;
}

/** Every factor id, declared or referenced, in this version. */
const OCCURRENCES = defineQuery<Occurrence[]>('factor occurrences');

export function createNavigation(context: Pick<ServiceContext, 'l10n'>) {
  const occurrences = (parsed: ParsedPostmortem): Occurrence[] =>
    query(parsed, OCCURRENCES, () => {
      const facts = factsOf(parsed);
      const make = (fact: IdFact, declaration: boolean): Occurrence => ({
        id: fact.id,
        hit: { start: fact.node.start, end: fact.node.end },
        inner: innerSpan(fact.node, parsed.text),
        declaration,
      });
      return [
        ...facts.factors.flatMap((factor) => (factor.id ? [make(factor.id, true)] : [])),
        ...facts.countermeasures.flatMap((countermeasure) => countermeasure.addresses.map((reference) => make(reference, false))),
      ];
    });

  const occurrenceAt = (parsed: ParsedPostmortem, position: Position): Occurrence | undefined => {
    const offset = parsed.lines.offsetAt(position);
    // Inclusive at both ends: a cursor right after `weak-auth` is still on it.
    return occurrences(parsed).find((occurrence) => offset >= occurrence.hit.start && offset <= occurrence.hit.end);
  };

  const sameId = (parsed: ParsedPostmortem, id: string) => occurrences(parsed).filter((occurrence) => occurrence.id === id);
  const location = (parsed: ParsedPostmortem, occurrence: Occurrence): Location => ({ uri: parsed.uri, range: parsed.lines.range(occurrence.inner.start, occurrence.inner.end) });

  /** Why a rename cannot go ahead, in the user's language; undefined when it can. */
  const renameProblem = (parsed: ParsedPostmortem, position: Position, newName: string): string | undefined => {
    const target = occurrenceAt(parsed, position);
    if (!target) return context.l10n.t('rename.notFactorId');
    if (!isSlug(newName)) return context.l10n.t('rename.invalidName', newName);
    // Renaming onto another factor's id would silently merge two causes into one.
    if (newName !== target.id && sameId(parsed, newName).some((occurrence) => occurrence.declaration)) return context.l10n.t('rename.exists', newName);
    return undefined;
  };

  return {
    /** From an id in `addresses` (or on the factor itself) to the factor that defines it. */
    provideDefinition(parsed: ParsedPostmortem, position: Position): Location[] {
      const target = occurrenceAt(parsed, position);
      if (!target) return [];
      return sameId(parsed, target.id)
        .filter((occurrence) => occurrence.declaration)
        .map((occurrence) => location(parsed, occurrence));
    },

    provideReferences(parsed: ParsedPostmortem, position: Position, includeDeclaration: boolean): Location[] {
      const target = occurrenceAt(parsed, position);
      if (!target) return [];
      return sameId(parsed, target.id)
        .filter((occurrence) => includeDeclaration || !occurrence.declaration)
        .map((occurrence) => location(parsed, occurrence));
    },

    prepareRename(parsed: ParsedPostmortem, position: Position): { range: Range; placeholder: string } | null {
      const target = occurrenceAt(parsed, position);
      if (!target) return null;
      return { range: parsed.lines.range(target.inner.start, target.inner.end), placeholder: parsed.text.slice(target.inner.start, target.inner.end) };
    },

    /**
     * Every occurrence of the id, quotes kept. null when the cursor is not on a factor id, the new
     * name is not a slug, or another factor already has it; `checkRename` says which, in words.
     */
    provideRename(parsed: ParsedPostmortem, position: Position, newName: string): WorkspaceEdit | null {
      const target = occurrenceAt(parsed, position);
      if (!target || renameProblem(parsed, position, newName) !== undefined) return null;
      const edits: TextEdit[] = sameId(parsed, target.id).map((occurrence) => ({ range: parsed.lines.range(occurrence.inner.start, occurrence.inner.end), newText: newName }));
      return { changes: { [parsed.uri]: edits } };
    },

    /** For the server: the localized reason `provideRename` would return null, or null when it would not. */
    checkRename(parsed: ParsedPostmortem, position: Position, newName: string): string | null {
      return renameProblem(parsed, position, newName) ?? null;
    },
  };
}
