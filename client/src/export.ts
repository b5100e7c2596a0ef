import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportNoticeRequest, TimelineRequest, type NoticeAudience, type NoticeFormat, type ReportProfile } from '../../server/src/protocol';

const LANGUAGE_ID = 'postmortem';

/** What the person chose to export: the notice for an audience, or a report profile. */
interface Choice {
  profile: ReportProfile | undefined;
  audience: NoticeAudience;
}

/** For scripts, tasks and tests: skip the questions and write here. */
export interface ExportOptions {
  format: NoticeFormat;
  target: vscode.Uri;
  /** Defaults to `public`, the version that may be published. */
  audience?: NoticeAudience;
  /** A regulator's report items instead of the public notice. */
  profile?: ReportProfile;
}

/**
 * "Postmortem: Export Notice": asks for the format and where to save, then writes the public notice
 * the server renders (the same text as `postmortem-lint export`). Returns the written URI.
 */
export function registerExport(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('postmortem.exportNotice', async (resource?: vscode.Uri | ExportArgs, given?: ExportArgs): Promise<vscode.Uri | undefined> => {
      // A keybinding's `args` arrive as the only argument, for the active postmortem.
      const options = given ?? (resource && !(resource instanceof vscode.Uri) ? resource : undefined);
      const document = resource instanceof vscode.Uri ? await vscode.workspace.openTextDocument(resource) : activePostmortem();
      if (!document) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a postmortem file to export its notice.'));
        return undefined;
      }
      const what = options ? { profile: options.profile, audience: options.audience ?? 'public' } : await askWhat();
      if (!what) return undefined;
      const format = options?.format ?? (await askFormat());
      if (!format) return undefined;
      const target = options?.target ?? (await askTarget(document, format, what));
      if (!target) return undefined;

      const uri = document.uri.toString();
      // A notice from half a document is worse than none: refuse while the YAML does not parse.
      const answer = await client.sendRequest(TimelineRequest, { uri });
      const model = answer?.kind === 'model' ? answer.model : undefined;
      if (model?.problem) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Cannot export the notice: {0}', model.problem.message));
        return undefined;
      }
      const result = await client.sendRequest(ExportNoticeRequest, { uri, format, audience: what.audience, ...(what.profile ? { profile: what.profile } : {}) });
      if (!result) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Cannot export the notice: the language server does not know this document.'));
        return undefined;
      }
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
      if (!options?.target) void offerToOpen(target, format);
      return target;
    }),
  );
}

/** The command's arguments: without a target (a keybinding's), only the save dialog is asked. */
type ExportArgs = Omit<ExportOptions, 'target'> & { target?: vscode.Uri };

function activePostmortem(): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LANGUAGE_ID) return active;
  return vscode.window.visibleTextEditors.find((editor) => editor.document.languageId === LANGUAGE_ID)?.document;
}

/**
 * The public notice first: it is the version that may be published, and choosing it by habit leaks
 * nothing. The internal version carries what the team tracks for itself; the report profiles fill a
 * regulator's items from the document.
 */
async function askWhat(): Promise<Choice | undefined> {
  const items: (vscode.QuickPickItem & Choice)[] = [
    { label: vscode.l10n.t('Public notice'), detail: vscode.l10n.t('For publication: leaves out owners, tickets, priorities, lessons, links and x- fields.'), profile: undefined, audience: 'public' },
    { label: vscode.l10n.t('Internal version'), detail: vscode.l10n.t('For the team: keeps owners, due dates, tickets, priorities, lessons, links and x- fields.'), profile: undefined, audience: 'internal' },
    { label: vscode.l10n.t('APPI report items'), description: 'appi', detail: vscode.l10n.t('The items of a personal data leak report to the PPC (Enforcement Rules Art. 8(1)), in Japanese.'), profile: 'appi', audience: 'public' },
    { label: vscode.l10n.t('Telecommunications accident report items'), description: 'telecom-jp', detail: vscode.l10n.t('The items of a report under the Telecommunications Business Act Art. 28, in Japanese.'), profile: 'telecom-jp', audience: 'public' },
    { label: vscode.l10n.t('GDPR breach notification items'), description: 'gdpr', detail: vscode.l10n.t('The items of GDPR Art. 33(3), in English.'), profile: 'gdpr', audience: 'public' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Notice'), placeHolder: vscode.l10n.t('What to export') });
  return picked ? { profile: picked.profile, audience: picked.audience } : undefined;
}

async function askFormat(): Promise<NoticeFormat | undefined> {
  const items: (vscode.QuickPickItem & { format: NoticeFormat })[] = [
    { label: vscode.l10n.t('Markdown'), description: '.md', detail: vscode.l10n.t('For a repository, a wiki or a CMS that takes Markdown.'), format: 'md' },
    { label: vscode.l10n.t('HTML'), description: '.html', detail: vscode.l10n.t('A standalone page: no scripts, no external resources.'), format: 'html' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Notice'), placeHolder: vscode.l10n.t('Format of the notice') });
  return picked?.format;
}

async function askTarget(document: vscode.TextDocument, format: NoticeFormat, what: Choice): Promise<vscode.Uri | undefined> {
  // The internal version gets its own name, so that it is not published by mistake in place of the other.
  const name = `${baseName(document.uri)}.${what.profile ? `${what.profile}-report` : what.audience === 'internal' ? 'internal' : 'notice'}.${format}`;
  const folder = document.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Notice'),
    saveLabel: vscode.l10n.t('Export'),
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
    filters: format === 'md' ? { [vscode.l10n.t('Markdown')]: ['md'] } : { [vscode.l10n.t('HTML')]: ['html', 'htm'] },
  });
}

/** `incident.postmortem.yaml` → `incident`. */
export function baseName(uri: vscode.Uri): string {
  const file = uri.path.split('/').pop() ?? 'notice';
  return file.replace(/(\.postmortem)?\.ya?ml$/i, '') || 'notice';
}

async function offerToOpen(target: vscode.Uri, format: NoticeFormat): Promise<void> {
  const open = vscode.l10n.t('Open');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Notice exported to {0}.', vscode.workspace.asRelativePath(target)), open);
  if (choice !== open) return;
  if (format === 'html') await vscode.env.openExternal(target);
  else await vscode.window.showTextDocument(target);
}
