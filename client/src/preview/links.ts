import type { TimelineModel } from '../../../server/src/contracts';
import type { DiagnosticView } from '../../shared/messages';

type SourceLink = TimelineModel['links'][number];
type Range = SourceLink['range'];
type Position = Range['start'];

/** Ranges of a model's items: id → where it is written, and position → which item is there. */
export class LinkIndex {
  private readonly byId = new Map<string, Range>();

  constructor(private readonly links: readonly SourceLink[]) {
    for (const link of links) if (!this.byId.has(link.id)) this.byId.set(link.id, link.range);
  }

  rangeOf(id: string): Range | undefined {
    return this.byId.get(id);
  }

  /** The item whose source contains the position (links are sorted and do not overlap). */
  idAt(position: Position): string | undefined {
    let low = 0;
    let high = this.links.length - 1;
    let found: SourceLink | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const link = this.links[middle] as SourceLink;
      if (compare(link.range.start, position) <= 0) {
        found = link;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found && compare(position, found.range.end) <= 0 ? found.id : undefined;
  }

  /** Diagnostics grouped by the item they start in; the rest are general. */
  group<T extends { range: Range }>(diagnostics: readonly T[], view: (diagnostic: T) => DiagnosticView): { byItem: Record<string, DiagnosticView[]>; general: DiagnosticView[] } {
    const byItem: Record<string, DiagnosticView[]> = {};
    const general: DiagnosticView[] = [];
    for (const diagnostic of diagnostics) {
      const id = this.idAt(diagnostic.range.start);
      if (id) (byItem[id] ??= []).push(view(diagnostic));
      else general.push(view(diagnostic));
    }
    return { byItem, general };
  }
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
