import { CompletionItemKind, InsertTextFormat, InsertTextMode, type Command, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { ServiceContext } from '../../context';
import type { PostmortemFacts } from '../../model/facts';
import { asScalar, childOf, nodeAtPath } from '../../parse/tree';
import type { KeySite } from './cursor';
import { describe, enumValues, fieldInfo, typeLabel } from '../../schema/docs';
import { SnippetWriter } from './snippets';

/** Values that have their own proposals: after inserting the key, open the list right away. */
const SUGGEST_AFTER = new Set(['timezone', 'language', 'addresses']);
const TRIGGER_SUGGEST: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** The keys the schema allows in the mapping at the cursor, required ones first, present ones out. */
export function keyItems(context: ServiceContext, facts: PostmortemFacts, site: KeySite, range: Range, unit: number): CompletionItem[] {
  const schema = context.schema.at(site.path);
  if (!schema) return [];
  const { l10n } = context;
  const required = new Set(schema.required);
  // Keys required by a sibling's value count as required once the document has that value:
  // `published` after `status: published`, `reason` after `status: wont_do`.
  const container = nodeAtPath(facts.root, site.path).node;
  for (const [name, condition] of Object.entries(schema.conditional)) {
    if (asScalar(childOf(container, condition.key))?.value === condition.value) required.add(name);
  }
  return Object.keys(schema.properties)
    .filter((name) => !site.present.has(name))
    .map((name, order): CompletionItem => {
      const path = [...site.path, name];
      const info = fieldInfo(context.schema, path);
      const isRequired = required.has(name);
      const description = info ? describe(info, l10n.locale) : undefined;
      const detail = `${isRequired ? l10n.t('completion.required') : l10n.t('completion.optional')} · ${typeLabel(l10n, context.schema, path)}`;
      const { newText, snippet } = keyInsertText(context, site, name, path, unit);
      const item: CompletionItem = {
        label: name,
        kind: CompletionItemKind.Property,
        detail,
        sortText: `${isRequired ? '0' : '1'}${String(order).padStart(3, '0')}`,
        filterText: name,
        textEdit: { range, newText },
        insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        insertTextMode: InsertTextMode.asIs,
      };
      if (description) item.documentation = { kind: 'markdown', value: description };
      if (!site.colonFollows && (SUGGEST_AFTER.has(name) || (site.inFlow && enumValues(info?.resolved).length > 0))) item.command = TRIGGER_SUGGEST;
      return item;
    });
}

function keyInsertText(context: ServiceContext, site: KeySite, name: string, path: (string | number)[], unit: number): { newText: string; snippet: boolean } {
  if (site.colonFollows) return { newText: name, snippet: false };
  if (site.inFlow || SUGGEST_AFTER.has(name)) {
    if (name === 'addresses') return { newText: `${name}: [$1]`, snippet: true };
    return { newText: `${name}: `, snippet: false };
  }
  const writer = new SnippetWriter(context, unit);
  return { newText: `${name}:${writer.valueAfterColon(path, site.column)}`, snippet: true };
}
