import type { TextDocumentLike } from '../context';
import { runToEnd, never, type Work } from '../util/work';
import { IncrementalParser } from './incremental';
import type { ParsedPostmortem } from './parse';

/**
 * One parse per document URI and version; every feature reads from here. Each URI keeps its own
 * incremental parser, so a new version re-parses only the pieces of text that changed.
 */
export class ParseCache {
  private readonly entries = new Map<string, { parsed: ParsedPostmortem; parser: IncrementalParser }>();
  /** A paused parse per URI. A parser moves kept pieces in place, so two parses of one URI never interleave. */
  private readonly paused = new Map<string, Work<ParsedPostmortem>>();

  get(document: TextDocumentLike): ParsedPostmortem {
    // Run in one go, nothing can start another parse in between: never abandoned.
    return runToEnd(this.steps(document, never)) as ParsedPostmortem;
  }

  /**
   * The parse as a Work that pauses when `shouldYield` says so. Starting another parse of the same
   * URI (either way) abandons a paused one, which then ends with `undefined`: its driver must start
   * again with the current document.
   */
  *steps(document: TextDocumentLike, shouldYield: () => boolean): Work<ParsedPostmortem | undefined> {
    const cached = this.entries.get(document.uri);
    if (cached && cached.parsed.version === document.version) return cached.parsed;
    this.paused.get(document.uri)?.return(undefined as never);
    const parser = cached?.parser ?? new IncrementalParser();
    const work = parser.parseSteps({ uri: document.uri, version: document.version, text: document.getText() }, shouldYield);
    this.paused.set(document.uri, work);
    try {
      const parsed = yield* work;
      // Abandoned (`return()` ends the inner work without its value): nothing to keep.
      if (parsed === undefined) return undefined;
      // The previous version's tree was moved into this one: its snapshot must not be read again.
      if (cached) cached.parsed.snapshot.superseded = true;
      this.entries.set(document.uri, { parsed, parser });
      return parsed;
    } finally {
      if (this.paused.get(document.uri) === work) this.paused.delete(document.uri);
    }
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  forget(uri: string): void {
    this.paused.get(uri)?.return(undefined as never);
    const cached = this.entries.get(uri);
    if (cached) cached.parsed.snapshot.superseded = true;
    this.entries.delete(uri);
  }
}
