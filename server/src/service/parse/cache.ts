import type { TextDocumentLike } from '../context';
import { IncrementalParser } from './incremental';
import type { ParsedPostmortem } from './parse';

/**
 * One parse per document URI and version; every feature reads from here. Each URI keeps its own
 * incremental parser, so a new version re-parses only the pieces of text that changed.
 */
export class ParseCache {
  private readonly entries = new Map<string, { parsed: ParsedPostmortem; parser: IncrementalParser }>();

  get(document: TextDocumentLike): ParsedPostmortem {
    const cached = this.entries.get(document.uri);
    if (cached && cached.parsed.version === document.version) return cached.parsed;
    const parser = cached?.parser ?? new IncrementalParser();
    const parsed = parser.parse({ uri: document.uri, version: document.version, text: document.getText() });
    this.entries.set(document.uri, { parsed, parser });
    return parsed;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
