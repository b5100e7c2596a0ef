import { ErrorCodes, ResponseError, type CancellationToken, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { NewDocumentRequest } from '../protocol/template';
import { ExportNoticeRequest, TimelineRequest, type TimelineParams } from '../protocol/timeline';
import { REPORT_PROFILES, type PostmortemService } from '../service';
import type { QuietTurns } from './quiet';
import type { ParseJobs } from './slices';
import type { TimelineAnswers } from './timelineAnswers';

/**
 * Wires each LSP request to the service. Params that are not what the request needs (null, no
 * document URI) are answered InvalidParams. A request for a document the server does not hold gets
 * an empty answer; one for a document being parsed waits for that parse, which proceeds in slices
 * (slices.ts), and a request cancelled meanwhile answers RequestCancelled. A failure inside a
 * feature is logged and answered empty: never a crash.
 */
export function registerFeatureHandlers(connection: Connection, documents: TextDocuments<TextDocument>, service: () => PostmortemService, log: (message: string) => void, jobs: ParseJobs, preview: { quiet: QuietTurns; answers: TimelineAnswers }): void {
  const guarded = <P, R>(name: string, fallback: R, run: (document: TextDocument, params: P) => R) => {
    return async (params: P, token?: CancellationToken): Promise<R> => {
      const uri = documentUri(params);
      const document = documents.get(uri);
      if (!document) return fallback;
      if (!(await jobs.parsed(document, token))) return fallback;
      try {
        return run(document, params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        log(`${name} failed for ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return fallback;
      }
    };
  };

  connection.onCompletion(guarded('completion', null, (document, params) => service().complete(document, params.position)));
  connection.onHover(guarded('hover', null, (document, params) => service().hover(document, params.position)));
  connection.onDocumentSymbol(guarded('documentSymbol', [], (document) => service().documentSymbols(document)));
  connection.onFoldingRanges(guarded('foldingRange', [], (document) => service().foldingRanges(document)));
  connection.onDefinition(guarded('definition', [], (document, params) => service().definition(document, params.position)));
  connection.onReferences(guarded('references', [], (document, params) => service().references(document, params.position, params.context?.includeDeclaration === true)));
  connection.onPrepareRename(guarded('prepareRename', null, (document, params) => service().prepareRename(document, params.position)));
  connection.onRenameRequest(
    guarded('rename', null, (document, params) => {
      if (typeof params.newName !== 'string') throw invalidParams('newName');
      const problem = service().renameProblem(document, params.position, params.newName);
      if (problem) throw new ResponseError(-32602, problem);
      return service().rename(document, params.position, params.newName);
    }),
  );
  connection.onCodeAction(
    guarded('codeAction', [], (document, params) => {
      const actions = service().codeActions(document, params.range, params.context?.diagnostics ?? []);
      const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
      // `only` lists kinds by prefix: `source` admits `source.sortTimeline`.
      return only ? actions.filter((action) => only.some((kind) => action.kind === kind || action.kind?.startsWith(`${kind}.`))) : actions;
    }),
  );
  connection.onDocumentLinks(guarded('documentLink', [], (document) => service().documentLinks(document)));
  const timeline = guarded('timeline', null, (document, params: TimelineParams) => preview.answers.answer(document.uri, service().timelineModel(document), typeof params.since === 'string' ? params.since : undefined));
  // The preview asks as soon as the text changes and the answer waits for the quiet turn that also
  // starts the diagnostics, so a burst of keystrokes gets one model. Answering (rather than telling
  // the client that a model is ready) keeps the server from building or announcing models for
  // documents no preview shows, and needs no debounce in the client: it asks again only when the
  // answer is older than its document.
  connection.onRequest(TimelineRequest, async (params, token) => {
    await preview.quiet.settled();
    return timeline(params, token);
  });
  connection.onRequest(NewDocumentRequest, (params: unknown) => {
    const { locale, today } = (params ?? {}) as Partial<Record<string, unknown>>;
    if (typeof locale !== 'string' || typeof today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw invalidParams('locale, today (YYYY-MM-DD)');
    return { text: service().newDocument(locale, today) };
  });
  connection.onRequest(
    ExportNoticeRequest,
    guarded('exportNotice', null, (document, params) => {
      if (params.format !== 'md' && params.format !== 'html') throw invalidParams('format (md or html)');
      return {
        text: params.profile && REPORT_PROFILES.includes(params.profile) ? service().exportReport(document, params.profile, params.format) : service().exportNotice(document, params.format, params.audience === 'internal' ? 'internal' : 'public'),
      };
    }),
  );
}

const invalidParams = (what: string) => new ResponseError(ErrorCodes.InvalidParams, `Invalid params: ${what} expected.`);

/** The document a request is about: `textDocument.uri` (LSP requests) or `uri` (ours); InvalidParams without one. */
export function documentUri(params: unknown): string {
  if (typeof params === 'object' && params !== null) {
    const record = params as { textDocument?: { uri?: unknown } | null; uri?: unknown };
    const uri = typeof record.textDocument === 'object' && record.textDocument !== null ? record.textDocument.uri : record.uri;
    if (typeof uri === 'string') return uri;
  }
  throw invalidParams('a document URI');
}
