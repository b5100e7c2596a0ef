import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ParsedPostmortem } from '../parse/parse';
import { asMap, asScalar, asSeq, childOf, stringValue, type YNode, type YPair } from '../parse/tree';
import { contentEnd, dashOf, truncate, type Span } from '../parse/scan/layout';

const NAME_LENGTH = 60;

const SECTION_KINDS: Record<string, SymbolKind> = {
  postmortem: SymbolKind.Number,
  id: SymbolKind.Key,
  title: SymbolKind.String,
  status: SymbolKind.EnumMember,
  language: SymbolKind.String,
  timezone: SymbolKind.String,
  published: SymbolKind.Constant,
  revisions: SymbolKind.Array,
  overview: SymbolKind.String,
  impact: SymbolKind.Module,
  cause: SymbolKind.Module,
  detection: SymbolKind.Object,
  timeline: SymbolKind.Array,
  countermeasures: SymbolKind.Array,
  contact: SymbolKind.Object,
};

export function createSymbols() {
  return {
    /**
     * The outline: one symbol per top-level key, with the items people navigate by (events,
     * factors, countermeasures, counts) underneath. Works on whatever the parser recovered from a
     * half-typed document; every selection range lies inside its range.
     */
    provideDocumentSymbols(parsed: ParsedPostmortem): DocumentSymbol[] {
      const root = asMap(parsed.root);
      if (!root) return [];
      const builder = new SymbolBuilder(parsed);
      return root.pairs.map((pair) => builder.section(pair));
    },
  };
}

class SymbolBuilder {
  constructor(private readonly parsed: ParsedPostmortem) {}

  section(pair: YPair): DocumentSymbol {
    const key = String(pair.key.value);
    const value = pair.value;
    const kind = SECTION_KINDS[key] ?? (value?.kind === 'map' ? SymbolKind.Object : value?.kind === 'seq' ? SymbolKind.Array : SymbolKind.Property);
    return this.symbol(key, this.sectionDetail(key, value), kind, this.pairSpan(pair), pair.key, this.sectionChildren(key, value));
  }

  private sectionDetail(key: string, value: YNode | null): string {
    if (key === 'contact') return stringValue(childOf(value, 'url')) ?? '';
    if (key === 'detection') return stringValue(childOf(value, 'method')) ?? '';
    const scalar = asScalar(value);
    return scalar && scalar.value !== null && typeof scalar.value !== 'object' ? truncate(String(scalar.value), NAME_LENGTH) : '';
  }

  private sectionChildren(key: string, value: YNode | null): DocumentSymbol[] {
    switch (key) {
      case 'timeline':
        return this.items(value, (item) => this.event(item));
      case 'countermeasures':
        return this.items(value, (item, index) => this.countermeasure(item, index));
      case 'revisions':
        return this.items(value, (item, index) => this.revision(item, index));
      case 'impact':
      case 'cause':
        return (asMap(value)?.pairs ?? []).map((pair) => this.subsection(pair));
      default:
        return [];
    }
  }

  private subsection(pair: YPair): DocumentSymbol {
    const key = String(pair.key.value);
    const value = pair.value;
    let children: DocumentSymbol[] = [];
    let detail = '';
    if (key === 'counts') children = this.items(value, (item, index) => this.count(item, index));
    else if (key === 'factors') children = this.items(value, (item, index) => this.factor(item, index));
    else if (key === 'period') detail = [stringValue(childOf(value, 'start')), stringValue(childOf(value, 'end'))].filter(Boolean).join(' – ');
    else if (asScalar(value)) detail = this.sectionDetail(key, value);
    const kind = asSeq(value) ? SymbolKind.Array : asMap(value) ? SymbolKind.Object : SymbolKind.Property;
    return this.symbol(key, detail, kind, this.pairSpan(pair), pair.key, children);
  }

  private event(item: YNode): DocumentSymbol {
    const at = asScalar(childOf(item, 'at'));
    const atText = at && at.value !== null ? String(at.value) : '';
    const text = stringValue(childOf(item, 'event')) ?? '';
    const name = [atText, truncate(text, NAME_LENGTH)].filter(Boolean).join(' ');
    return this.symbol(name || '-', stringValue(childOf(item, 'kind')) ?? '', SymbolKind.Event, this.itemSpan(item), at ?? item);
  }

  private factor(item: YNode, index: number): DocumentSymbol {
    const id = asScalar(childOf(item, 'id'));
    const name = id && id.value !== null ? String(id.value) : `#${index + 1}`;
    return this.symbol(name, truncate(stringValue(childOf(item, 'description')) ?? '', NAME_LENGTH), SymbolKind.Key, this.itemSpan(item), id ?? item);
  }

  private countermeasure(item: YNode, index: number): DocumentSymbol {
    const action = asScalar(childOf(item, 'action'));
    const name = truncate(stringValue(action) ?? '', NAME_LENGTH) || `#${index + 1}`;
    const detail = [stringValue(childOf(item, 'status')), stringValue(childOf(item, 'type')), stringValue(childOf(item, 'date'))].filter(Boolean).join(' · ');
    return this.symbol(name, detail, SymbolKind.Function, this.itemSpan(item), action ?? item);
  }

  private count(item: YNode, index: number): DocumentSymbol {
    const label = asScalar(childOf(item, 'label'));
    const value = asScalar(childOf(item, 'value'));
    const qualifier = stringValue(childOf(item, 'qualifier'));
    const unit = stringValue(childOf(item, 'unit'));
    const figure = typeof value?.value === 'number' ? value.value.toLocaleString('en-US') : '';
    const detail = [qualifier && qualifier !== 'exact' ? qualifier : '', unit ?? ''].filter(Boolean).join(' ');
    const name = truncate(stringValue(label) ?? '', NAME_LENGTH) || `#${index + 1}`;
    return this.symbol(figure ? `${name}: ${figure}` : name, detail, SymbolKind.Number, this.itemSpan(item), label ?? item);
  }

  private revision(item: YNode, index: number): DocumentSymbol {
    const date = asScalar(childOf(item, 'date'));
    const name = [stringValue(date), truncate(stringValue(childOf(item, 'note')) ?? '', NAME_LENGTH)].filter(Boolean).join(' ');
    return this.symbol(name || `#${index + 1}`, '', SymbolKind.Event, this.itemSpan(item), date ?? item);
  }

  private items(value: YNode | null, make: (item: YNode, index: number) => DocumentSymbol): DocumentSymbol[] {
    return (asSeq(value)?.items ?? []).map(make);
  }

  private pairSpan(pair: YPair): Span {
    return { start: pair.key.start, end: pair.value ? Math.max(pair.key.end, contentEnd(pair.value, this.parsed.text)) : pair.key.end };
  }

  /** From the item's `-`, so that the outline highlights the whole entry. */
  private itemSpan(item: YNode): Span {
    return { start: dashOf(this.parsed.text, item) ?? item.start, end: contentEnd(item, this.parsed.text) };
  }

  private symbol(name: string, detail: string, kind: SymbolKind, span: Span, selection: Span, children: DocumentSymbol[] = []): DocumentSymbol {
    const { lines } = this.parsed;
    const start = Math.min(span.start, span.end);
    const end = Math.max(span.start, span.end);
    // Clamped: VS Code rejects the whole outline if one selection range leaves its range.
    const selectionStart = Math.min(Math.max(selection.start, start), end);
    const selectionEnd = Math.min(Math.max(selection.end, selectionStart), end);
    const symbol: DocumentSymbol = { name: name.trim() || '-', kind, range: lines.range(start, end), selectionRange: lines.range(selectionStart, selectionEnd) };
    if (detail) symbol.detail = detail;
    if (children.length > 0) symbol.children = children;
    return symbol;
  }
}
