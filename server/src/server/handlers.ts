import { ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { NewDocumentRequest } from '../protocol/template';
import { ExportNoticeRequest, TimelineRequest } from '../protocol/timeline';
import { REPORT_PROFILES, type PostmortemService } from '../service';

/**
 * Wires each LSP request to the service. A request for a document the server does not hold gets an
 * empty answer, and a failure inside a feature is logged and answered empty: never a crash.
 */
export function registerFeatureHandlers(connection: Connection, documents: TextDocuments<TextDocument>, service: () => PostmortemService, log: (message: string) => void): void {
  const guarded = <P extends { textDocument: { uri: string } } | { uri: string }, R>(name: string, fallback: R, run: (document: TextDocument, params: P) => R) => {
    return (params: P): R => {
      const uri = 'textDocument' in params ? params.textDocument.uri : params.uri;
      const document = documents.get(uri);
      if (!document) return fallback;
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
  connection.onReferences(guarded('references', [], (document, params) => service().references(document, params.position, params.context.includeDeclaration)));
  connection.onPrepareRename(guarded('prepareRename', null, (document, params) => service().prepareRename(document, params.position)));
  connection.onRenameRequest(
    guarded('rename', null, (document, params) => {
      const problem = service().renameProblem(document, params.position, params.newName);
      if (problem) throw new ResponseError(-32602, problem);
      return service().rename(document, params.position, params.newName);
    }),
  );
  connection.onCodeAction(
    guarded('codeAction', [], (document, params) => {
      const actions = service().codeActions(document, params.range, params.context.diagnostics);
      const only = params.context.only;
      // `only` lists kinds by prefix: `source` admits `source.sortTimeline`.
      return only ? actions.filter((action) => only.some((kind) => action.kind === kind || action.kind?.startsWith(`${kind}.`))) : actions;
    }),
  );
  connection.onDocumentLinks(guarded('documentLink', [], (document) => service().documentLinks(document)));
  connection.onRequest(TimelineRequest, guarded('timeline', null, (document) => service().timelineModel(document)));
  connection.onRequest(NewDocumentRequest, (params) => ({ text: service().newDocument(params.locale, params.today) }));
  connection.onRequest(
    ExportNoticeRequest,
    guarded('exportNotice', null, (document, params) => ({
      text: params.profile && REPORT_PROFILES.includes(params.profile) ? service().exportReport(document, params.profile, params.format) : service().exportNotice(document, params.format, params.audience === 'internal' ? 'internal' : 'public'),
    })),
  );
}
