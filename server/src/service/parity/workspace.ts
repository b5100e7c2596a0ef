import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocumentLike } from '../context';
import type { Localizer } from '../l10n';
import type { ParsedPostmortem } from '../parse/parse';
import { parityDiagnostics } from './compare';
import { versionKey, type VersionKey } from './facts';

/**
 * The other postmortems the service is given (the workspace's files, open ones as edited; the files
 * handed to the command line). The service never reads them itself. Two documents with the same
 * `id` and a different `language` are versions of one incident.
 */
export class WorkspaceDocuments {
  private documents = new Map<string, TextDocumentLike>();
  private cache = new Map<string, { parsed: ParsedPostmortem; key: string; diagnostics: Diagnostic[] }>();
  /**
   * Per document and version: its `id` and `language` once read (a workspace of a thousand files
   * keeps a thousand keys, not a thousand trees), or the last id its text was found not to contain.
   */
  private readonly keys = new Map<string, { version: number; key?: VersionKey | undefined; lacks?: string }>();
  /** The parses of counterparts nobody is editing, kept while they stay counterparts (their findings point into them). */
  private readonly detached = new Map<string, ParsedPostmortem>();

  /**
   * @param parse the service's cached parse, for documents a feature has parsed already (open ones)
   * @param parseDetached a parse of its own for the others, which the parse cache never keeps
   * @param isCached whether the service's cache holds a parse of the URI
   */
  constructor(
    private readonly parse: (document: TextDocumentLike) => ParsedPostmortem,
    private readonly parseDetached: (document: TextDocumentLike) => ParsedPostmortem,
    private readonly isCached: (uri: string) => boolean,
    private readonly l10n: () => Localizer,
  ) {}

  set(documents: Iterable<TextDocumentLike>): void {
    this.documents = new Map([...documents].map((document) => [document.uri, document]));
    for (const uri of this.keys.keys()) if (!this.documents.has(uri)) this.keys.delete(uri);
    for (const uri of this.detached.keys()) if (!this.documents.has(uri)) this.detached.delete(uri);
  }

  /** The other versions of `document`'s incident, as documents of the workspace. */
  counterparts(document: TextDocumentLike): TextDocumentLike[] {
    const own = versionKey(this.parse(document));
    if (!own) return [];
    const found: TextDocumentLike[] = [];
    for (const other of this.documents.values()) {
      if (other.uri === document.uri) continue;
      const key = this.keyOf(other, own.id);
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
      const otherParsed = this.parsedOf(other);
      diagnostics.push(...parityDiagnostics(parsed, { parsed: otherParsed, language: versionKey(otherParsed)?.language }, this.l10n()));
    }
    this.cache.set(document.uri, { parsed, key, diagnostics });
    return diagnostics;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /**
   * The key of `document`, or undefined when it has none or cannot be a version of incident `id`.
   * A file whose text does not even contain the id is not parsed to find out (opening one
   * postmortem in a repository of hundreds parsed them all), and that is remembered for the
   * version, so each check does not search every file's text again.
   */
  private keyOf(document: TextDocumentLike, id: string): VersionKey | undefined {
    let known = this.keys.get(document.uri);
    if (known?.version !== document.version) {
      known = { version: document.version };
      this.keys.set(document.uri, known);
    }
    if ('key' in known) return known.key;
    if (known.lacks === id) return undefined;
    if (!document.getText().includes(id)) {
      known.lacks = id;
      return undefined;
    }
    known.key = versionKey(this.isCached(document.uri) ? this.parse(document) : this.parseDetached(document));
    return known.key;
  }

  private parsedOf(document: TextDocumentLike): ParsedPostmortem {
    if (this.isCached(document.uri)) return this.parse(document);
    const kept = this.detached.get(document.uri);
    if (kept?.version === document.version) return kept;
    const parsed = this.parseDetached(document);
    this.detached.set(document.uri, parsed);
    return parsed;
  }
}
