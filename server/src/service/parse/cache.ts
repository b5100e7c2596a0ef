import type { TextDocumentLike } from '../context';
import { parsePostmortem, type ParsedPostmortem } from './parse';

/** One parse per document URI and version; every feature reads from here. */
export class ParseCache {
  private readonly entries = new Map<string, ParsedPostmortem>();

  get(document: TextDocumentLike): ParsedPostmortem {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const parsed = parsePostmortem({ uri: document.uri, version: document.version, text: document.getText() });
    this.entries.set(document.uri, parsed);
    return parsed;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
