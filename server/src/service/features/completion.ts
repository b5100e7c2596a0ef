import { defineQuery, query } from '../parse/snapshot';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import { factsOf, type PostmortemFacts } from '../model/facts';
import type { ParsedPostmortem } from '../parse/parse';
import { asItemValue, cursorSite, type KeySite } from './completion/cursor';
import { keyItems } from './completion/keys';
import { indentUnitOf } from '../model/indentation';
import { blockListItems, tokenizeLine } from './completion/lines';
import { enumValues } from '../schema/docs';
import { countermeasureSnippet, eventSnippet, prefillTime, skeletonSnippet, SnippetWriter } from './completion/snippets';
import { breakdownKeyItems, valueItems } from './completion/values';

export function createCompletion(context: ServiceContext) {
  return {
    /**
     * Keys, values and snippets for the cursor. The cursor's place is read from the lines of text,
     * not the tree, so that half-typed and broken documents complete as well as valid ones.
     */
    provideCompletion(parsed: ParsedPostmortem, position: Position): CompletionList {
      const lines = linesOf(parsed);
      const site = cursorSite(lines, position.line, position.character);
      if (site.kind === 'none') return { isIncomplete: false, items: [] };
      const facts = factsOf(parsed);
      const range = (start: number, end: number): Range => ({ start: { line: position.line, character: start }, end: { line: position.line, character: end } });
      if (site.kind === 'value') {
        const items = valueItems({ context, uri: parsed.uri, facts, path: site.path, range: range(site.wordStart, site.wordEnd), present: site.present, prefix: site.needsSpace ? ' ' : '' });
        return { isIncomplete: false, items };
      }
      const cursorOffset = parsed.lines.offsetAt(position);
      return { isIncomplete: false, items: keySiteItems(context, { parsed, facts, lines, site, range: range(site.wordStart, site.wordEnd), cursorOffset, line: position.line }) };
    },
  };
}

// Completion is asked on every keystroke, often several times per version: the lines once per parse.
const LINES = defineQuery<string[]>('lines');

function linesOf(parsed: ParsedPostmortem): string[] {
  return query(parsed, LINES, () => Array.from({ length: parsed.lines.lineCount }, (_, index) => parsed.lines.lineText(index)));
}

interface KeyRequest {
  parsed: ParsedPostmortem;
  facts: PostmortemFacts;
  lines: string[];
  site: KeySite;
  range: Range;
  cursorOffset: number;
  line: number;
}

function keySiteItems(context: ServiceContext, request: KeyRequest): CompletionItem[] {
  const { site, lines, facts, range, parsed } = request;
  const schema = context.schema.at(site.path);
  if (!schema) return [];
  const unit = indentUnitOf(parsed);
  const isList = schema.types.includes('array');
  const isMap = schema.types.includes('object');

  if (isMap && Object.keys(schema.properties).length === 0 && typeof schema.additionalProperties === 'object') {
    return site.path.at(-1) === 'breakdown' ? breakdownKeyItems(context, range, site.present, site.colonFollows) : [];
  }
  if (isMap) {
    const items = keyItems(context, facts, site, range, unit);
    // A fresh `- ` line in the timeline or the countermeasures: offer the whole item as well.
    if (site.afterDash && site.present.size === 0 && typeof site.path.at(-1) === 'number') items.push(...itemSnippets(context, request, site.path.slice(0, -1), site.column, unit, ''));
    if (site.path.length === 0 && isEmptyBesides(lines, request.line)) items.push(skeletonItem(context, range, unit));
    return items;
  }
  if (isList) {
    // At the item column of a list, without a `- ` yet: a whole new item.
    const itemSchema = context.schema.at([...site.path, 0]);
    if (itemSchema?.types.includes('object')) return itemSnippets(context, request, site.path, site.column + 2, unit, '- ');
    return valueItems({ context, uri: parsed.uri, facts, path: [...site.path, 0], range, present: blockListItems(lines, request.line, site.column), prefix: '- ' });
  }
  if (site.afterDash) {
    const value = asItemValue(lines, request.line, site);
    return valueItems({ context, uri: parsed.uri, facts, path: value.path, range, present: value.present, prefix: '' });
  }
  return [];
}

function itemSnippets(context: ServiceContext, request: KeyRequest, listPath: (string | number)[], keyColumn: number, unit: number, dash: string): CompletionItem[] {
  const { l10n } = context;
  const owner = listPath.at(-1);
  const writer = new SnippetWriter(context, unit);
  const make = (label: string, body: string, documentation: string): CompletionItem => ({
    label,
    kind: CompletionItemKind.Snippet,
    // Snippets after the keys: a writer adding to an item wants the keys first.
    sortText: `2${label}`,
    filterText: `${dash}${body.split(/[:\n]/)[0] ?? ''}`,
    documentation: { kind: 'markdown', value: documentation },
    textEdit: { range: request.range, newText: dash + body },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
  });
  if (listPath.length === 1 && owner === 'timeline') {
    const prefill = prefillTime(request.facts, request.cursorOffset);
    const kinds = enumValues(context.schema.at(['timeline', 0, 'kind']));
    const source = prefill ? l10n.t(prefill.source === 'previous' ? 'completion.snippet.eventPrevious' : 'completion.snippet.eventImpactStart') : l10n.t('completion.snippet.eventNoTime');
    const item = make(l10n.t('completion.snippet.event'), eventSnippet(writer, keyColumn, prefill?.text, kinds), l10n.t('completion.snippet.eventDoc', source));
    if (prefill) item.detail = `at: ${prefill.text}`;
    return [item];
  }
  if (listPath.length === 1 && owner === 'countermeasures') {
    const types = enumValues(context.schema.at(['countermeasures', 0, 'type']));
    const statuses = enumValues(context.schema.at(['countermeasures', 0, 'status']));
    return [make(l10n.t('completion.snippet.countermeasure'), countermeasureSnippet(writer, keyColumn, request.facts, { types, statuses }), l10n.t('completion.snippet.countermeasureDoc'))];
  }
  return [make(l10n.t('completion.snippet.item', String(owner)), writer.itemBody([...listPath, 0], keyColumn), l10n.t('completion.snippet.item', String(owner)))];
}

function skeletonItem(context: ServiceContext, range: Range, unit: number): CompletionItem {
  const { l10n } = context;
  return {
    label: l10n.t('completion.snippet.skeleton'),
    kind: CompletionItemKind.Snippet,
    sortText: '3',
    filterText: 'postmortem',
    documentation: { kind: 'markdown', value: l10n.t('completion.snippet.skeletonDoc') },
    textEdit: { range, newText: skeletonSnippet(new SnippetWriter(context, unit), context) },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
  };
}

/** No content on any line but the cursor's: the whole document is still to be written. */
function isEmptyBesides(lines: readonly string[], lineNo: number): boolean {
  return lines.every((line, index) => index === lineNo || tokenizeLine(line).length === 0);
}
