import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocumentLike } from '../context';
import type { Localizer } from '../l10n';
import type { ParsedPostmortem } from '../parse/parse';
import { parityDiagnostics } from './compare';
import { versionKey } from './facts';

/**
 * The other postmortems the service is given (the workspace's files, open ones as edited; the files
 * handed to the command line). The service never reads them itself. Two documents with the same
 * `id` and a different `language` are versions of one incident.
 */
export class WorkspaceDocuments {
  private documents = new Map<string, TextDocumentLike>();
  private cache = new Map<string, { parsed: ParsedPostmortem; key: string; diagnostics: Diagnostic[] }>();

  constructor(
    private readonly parse: (document: TextDocumentLike) => ParsedPostmortem,
    private readonly l10n: () => Localizer,
  ) {}

  set(documents: Iterable<TextDocumentLike>): void {
    this.documents = new Map([...documents].map((document) => [document.uri, document]));
  }

  /** The other versions of `document`'s incident, as documents of the workspace. */
  counterparts(document: TextDocumentLike): TextDocumentLike[] {
    const own = versionKey(this.parse(document));
    if (!own) return [];
    const found: TextDocumentLike[] = [];
    for (const other of this.documents.values()) {
      if (other.uri === document.uri) continue;
      const key = versionKey(this.parse(other));
      if (key?.id === own.id && key.language !== own.language && (key.language !== undefined || own.language !== undefined)) found.push(other);
    }
    return found;
  }

  /** The parity findings of `document` against every other version; the parse of `document` is passed in, already current. */
  diagnostics(document: TextDocumentLike, parsed: ParsedPostmortem): Diagnostic[] {
    const others = this.counterparts(document);
    if (others.length === 0) return [];
    const key = `${this.l10n().locale}|${others.map((other) => `${other.uri}@${other.version}`).join('|')}`;
    const cached = this.cache.get(document.uri);
    if (cached && cached.parsed === parsed && cached.key === key) return cached.diagnostics;
    const diagnostics: Diagnostic[] = [];
    for (const other of others) {
      const otherParsed = this.parse(other);
      diagnostics.push(...parityDiagnostics(parsed, { parsed: otherParsed, language: versionKey(otherParsed)?.language }, this.l10n()));
    }
    this.cache.set(document.uri, { parsed, key, diagnostics });
    return diagnostics;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
