import * as path from 'node:path';
import * as vscode from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import { isHttpsUrl, TimelineRequest, type TimelineModel } from '../../../server/src/contracts';
import { diffModels } from '../../shared/diff';
import { previewShell } from './html';
import { LinkIndex } from './links';
import { array, count, shape, string } from '../../shared/guard';
import type { DiagnosticView, FromWebview, PreviewSnapshot, ToWebview, ViewModel } from '../../shared/messages';
import { accept, fromWebview, viewModel } from '../../shared/validate';
import { LANGUAGE_ID, PREVIEW_VIEW_TYPE } from '../../../server/src/contracts/ids';

export { PREVIEW_VIEW_TYPE };
/** Just enough to let a burst of keystrokes become one request; the server's parse is the real cost. */
const CHANGE_DELAY_MS = 25;
const SEVERITIES: DiagnosticView['severity'][] = ['error', 'warning', 'info', 'hint'];
const position = shape<{ line: number; character: number }>({ line: count, character: count });
const linkList = array(shape<TimelineModel['links'][number]>({ id: string(200), range: shape<TimelineModel['links'][number]['range']>({ start: position, end: position }) }));

/** Where the webview may load from: our bundle and our stylesheet, nothing else. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'client', 'out', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** One preview panel: follows a postmortem document, keeps its webview in step with the server's model. */
export class PreviewPanel implements vscode.Disposable {
  private document: vscode.TextDocument | undefined;
  /** What the webview shows now: the last model that parsed (or the first one, when none did). */
  private shown: ViewModel | undefined;
  private links = new LinkIndex([]);
  private stale: string | undefined;
  private ready = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = false;
  private again = false;
  private highlighted: string | undefined;
  private lastDiagnostics = '';
  /** The server knew nothing of the document (it was starting over): ask again when it publishes. */
  private unanswered = false;
  private nextProbe = 1;
  private readonly probes = new Map<number, (result: PreviewSnapshot | boolean) => void>();
  readonly renders: { kind: 'model' | 'patch'; ms: number; events: number }[] = [];
  /** Round trips of the model request, for the benchmark: server queue + model + transfer. */
  readonly requests: { ms: number; version: number; events: number }[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly log: (line: string) => void,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'preview.svg');
    this.render();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        const valid = accept(fromWebview, message, this.log);
        if (valid) this.onMessage(valid);
      }),
      // A restarted server has a new cache and may have changed its mind: show what it says now.
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) void this.refresh();
      }),
      panel.onDidDispose(() => this.dispose()),
      // A hidden webview is torn down; it says `ready` again when it comes back.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document && event.contentChanges.length > 0) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && editor.document.languageId === LANGUAGE_ID && editor.document !== this.document) this.follow(editor.document);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document === this.document) this.highlightAt(event.selections[0]?.active);
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (!this.document || !event.uris.some((uri) => uri.toString() === this.document?.uri.toString())) return;
        if (this.unanswered) void this.refresh();
        this.sendDiagnostics();
      }),
    );
  }

  get uri(): vscode.Uri | undefined {
    return this.document?.uri;
  }

  follow(document: vscode.TextDocument): void {
    if (this.document !== document) {
      this.document = document;
      this.shown = undefined;
      this.links = new LinkIndex([]);
      this.highlighted = undefined;
      this.lastDiagnostics = '';
    }
    this.panel.title = vscode.l10n.t('Timeline: {0}', path.basename(document.uri.path));
    void this.refresh();
  }

  /** A new page (new nonce); the script then says `ready` and gets the whole picture. */
  private render(): void {
    const webview = this.panel.webview;
    const asset = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...segments)).toString();
    this.ready = false;
    webview.html = previewShell({
      cspSource: webview.cspSource,
      scriptUri: asset('client', 'out', 'webview', 'preview.js'),
      styleUri: asset('media', 'preview.css'),
      language: vscode.env.language,
      title: this.panel.title,
    });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), CHANGE_DELAY_MS);
  }

  /** One request at a time; changes that arrive meanwhile are picked up by one more round. */
  private async refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const document = this.document;
    if (!document) return this.post({ type: 'empty', message: vscode.l10n.t('Open a postmortem file to see its timeline.') });
    this.inFlight = true;
    try {
      const started = Date.now();
      const model = await this.client.sendRequest(TimelineRequest, { uri: document.uri.toString() });
      if (model) this.requests.push({ ms: Date.now() - started, version: model.version, events: model.events.length });
      if (this.requests.length > 200) this.requests.shift();
      if (document === this.document) this.receive(model);
      // The server may answer for the version before the latest keystroke; ask again then.
      if (model && model.version < document.version) this.again = true;
    } catch (error) {
      if (this.client.isRunning()) console.warn(`postmortem preview: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }

  private receive(model: TimelineModel | null): void {
    this.unanswered = model === null;
    if (!model) return;
    const { links: sourceLinks, ...view } = model;
    // The server is ours, but maybe another version of it: check before the webview draws it.
    if (!accept(viewModel, view, this.log) || !accept(linkList, sourceLinks, this.log)) return;
    if (model.problem && this.shown && this.shown.uri === model.uri) {
      // Keep the last good picture (and its links: most lines have not moved) and say why.
      this.setStale(model.problem.keptMessage);
      return;
    }
    this.links = new LinkIndex(sourceLinks);
    const previous = this.shown;
    this.shown = view;
    this.setStale(model.problem?.message);
    if (!this.ready) return;
    if (previous && previous.uri === view.uri) this.post({ type: 'patch', patch: diffModels(previous, view) });
    else this.sendAll();
    this.sendDiagnostics();
  }

  private setStale(message: string | undefined): void {
    if (message === this.stale) return;
    this.stale = message;
    this.post({ type: 'stale', message });
  }

  /** Everything, after `ready`: the webview may be new (first open, restore, shown again). */
  private sendAll(): void {
    if (!this.document) return this.post({ type: 'empty', message: vscode.l10n.t('Open a postmortem file to see its timeline.') });
    if (!this.shown) return;
    this.post({ type: 'model', model: this.shown, fileName: path.basename(this.document.uri.path) });
    this.post({ type: 'stale', message: this.stale });
    this.lastDiagnostics = '';
    this.sendDiagnostics();
    if (this.highlighted) this.post({ type: 'highlight', id: this.highlighted });
  }

  private sendDiagnostics(): void {
    if (!this.document || !this.shown) return;
    const grouped = this.links.group(vscode.languages.getDiagnostics(this.document.uri), (diagnostic) => ({
      severity: SEVERITIES[diagnostic.severity] ?? 'info',
      message: diagnostic.message,
      code: typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : diagnostic.code === undefined ? undefined : String(diagnostic.code),
    }));
    const key = JSON.stringify(grouped);
    if (key === this.lastDiagnostics) return;
    this.lastDiagnostics = key;
    this.post({ type: 'diagnostics', ...grouped });
  }

  private highlightAt(position: vscode.Position | undefined): void {
    const id = position ? this.links.idAt(position) : undefined;
    if (id === this.highlighted) return;
    this.highlighted = id;
    this.post({ type: 'highlight', id });
  }

  /** Selects the item's source lines in an editor beside the preview; focus stays in the preview. */
  async reveal(id: string): Promise<void> {
    const range = this.links.rangeOf(id);
    if (!range || !this.document) return;
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: true,
      preview: false,
    });
    const endLine = Math.min(range.end.line, editor.document.lineCount - 1);
    const selection = new vscode.Selection(range.start.line, 0, endLine, editor.document.lineAt(endLine).text.length);
    editor.selection = selection;
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private onMessage(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.sendAll();
        if (!this.shown && !this.inFlight) void this.refresh();
        break;
      case 'reveal':
        if (typeof message.id === 'string') void this.reveal(message.id);
        break;
      case 'openLink':
        // The webview's word is not trusted: only a well-formed https URL leaves VS Code.
        if (typeof message.url === 'string' && isHttpsUrl(message.url)) void vscode.env.openExternal(vscode.Uri.parse(message.url, true));
        break;
      case 'rendered':
        this.renders.push({ kind: message.kind, ms: message.ms, events: message.events });
        if (this.renders.length > 200) this.renders.shift();
        break;
      case 'probeResult':
        this.probes.get(message.requestId)?.(message.result);
        this.probes.delete(message.requestId);
        break;
    }
  }

  /** Test hook: asks the webview for a snapshot of its DOM, or to click an item like a person would. */
  probe(action: 'snapshot'): Promise<PreviewSnapshot>;
  probe(action: 'click', id: string): Promise<boolean>;
  probe(action: 'snapshot' | 'click', id?: string): Promise<PreviewSnapshot | boolean> {
    const requestId = this.nextProbe++;
    // Messages to a webview that has not said `ready` are lost; let the caller try again.
    if (!this.ready) return Promise.reject(new Error('the preview is not ready yet'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.probes.delete(requestId);
        reject(new Error(`the preview did not answer the ${action} probe`));
      }, 10_000);
      this.probes.set(requestId, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      this.post(action === 'click' ? { type: 'probe', requestId, action, id: id ?? '' } : { type: 'probe', requestId, action });
    });
  }

  private post(message: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private disposed = false;
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
    this.panel.dispose();
  }
}
