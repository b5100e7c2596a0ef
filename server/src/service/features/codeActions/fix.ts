import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { snippetToText, type InsertSnippetArgs, type SnippetSupport } from '../../util/snippet';
import type { ServiceContext } from '../../context';
import type { ParsedPostmortem } from '../../parse/parse';
import type { DiagnosticData } from '../../rules/rule';

/** An edit in offsets; converted to LSP ranges only when the action is built. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: string;
  edits: OffsetEdit[];
  preferred?: boolean;
  kind?: string;
  /** The edits' texts are snippets (util/snippet): tab stops where the user fills something in. */
  snippet?: boolean;
}

/** What every fix builder needs: the parse, the service's schema and localizer. */
export interface FixContext {
  readonly parsed: ParsedPostmortem;
  readonly service: Pick<ServiceContext, 'l10n' | 'schema'>;
}

export function insertion(offset: number, text: string): OffsetEdit {
  return { start: offset, end: offset, text };
}

export function toCodeAction(parsed: ParsedPostmortem, fix: Fix, diagnostics: Diagnostic[], snippets: SnippetSupport = 'none'): CodeAction {
  const action: CodeAction = { title: fix.title, kind: fix.kind ?? CodeActionKind.QuickFix };
  const [only] = fix.edits;
  // A snippet session is one range in one editor: several edits go as plain text.
  if (fix.snippet && only && fix.edits.length === 1 && typeof snippets === 'object') {
    const args: InsertSnippetArgs = { uri: parsed.uri, version: parsed.version, range: parsed.lines.range(only.start, only.end), snippet: only.text };
    action.command = { title: fix.title, command: snippets.command, arguments: [args] };
  } else if (fix.snippet && only && fix.edits.length === 1 && snippets === 'lsp') {
    // LSP 3.18's SnippetTextEdit, which vscode-languageserver-types 3.17 does not know yet.
    const edit = { range: parsed.lines.range(only.start, only.end), snippet: { kind: 'snippet', value: only.text } } as unknown as TextEdit;
    action.edit = { documentChanges: [{ textDocument: { uri: parsed.uri, version: parsed.version }, edits: [edit] }] };
  } else {
    const text = (edit: OffsetEdit) => (fix.snippet ? snippetToText(edit.text) : edit.text);
    action.edit = { changes: { [parsed.uri]: fix.edits.map((edit) => ({ range: parsed.lines.range(edit.start, edit.end), newText: text(edit) })) } };
  }
  if (diagnostics.length > 0) action.diagnostics = diagnostics;
  if (fix.preferred) action.isPreferred = true;
  return action;
}

/**
 * `Diagnostic.data` comes back from the client as plain JSON that may belong to an older version
 * of the document, so every field is checked before a fix trusts it.
 */
export function dataOf(diagnostic: Diagnostic): DiagnosticData {
  const raw: unknown = diagnostic.data;
  if (typeof raw !== 'object' || raw === null) return {};
  const record = raw as Record<string, unknown>;
  const data: DiagnosticData = {};
  if (typeof record.replacement === 'string' || typeof record.replacement === 'number') data.replacement = record.replacement;
  if (typeof record.missingKey === 'string') data.missingKey = record.missingKey;
  if (typeof record.version === 'string') data.version = record.version;
  if (typeof record.expected === 'string') data.expected = record.expected;
  if (Array.isArray(record.path) && record.path.every((segment): segment is string | number => typeof segment === 'string' || typeof segment === 'number')) data.path = record.path;
  return data;
}

/** Only the fields a check declares (`Check.data`): its fixes see what its own findings carry, nothing else. */
export function declaredData(data: DiagnosticData, fields: readonly (keyof DiagnosticData)[] = []): DiagnosticData {
  const declared: Record<string, unknown> = {};
  for (const field of fields) if (data[field] !== undefined) declared[field] = data[field];
  return declared as DiagnosticData;
}

export function startOffset(parsed: ParsedPostmortem, diagnostic: Diagnostic): number {
  return parsed.lines.offsetAt(diagnostic.range.start);
}
