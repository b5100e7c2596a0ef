import * as path from 'node:path';
import * as vscode from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import { applyPatch, isHttpsUrl, keepsBase, TimelineRequest, type TimelineAnswer, type TimelineModel, type TimelinePatch } from '../../../server/src/protocol';
import { previewShell } from './html';
import { LinkIndex } from './links';
import type { DiagnosticView, FromWebview, ModelPatch, PreviewSnapshot, ToWebview, ViewModel } from './messages';
import { accept, fromWebview, timelineAnswer } from './validate';

export const PREVIEW_VIEW_TYPE = 'postmortem.preview';
const LANGUAGE_ID = 'postmortem';
const SEVERITIES: DiagnosticView['severity'][] = ['error', 'warning', 'info', 'hint'];

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

/**
 * One preview panel: follows a postmortem document, keeps its webview in step with the server's
 * model. It asks as soon as the text changes, with the revision of the model it holds; the server
 * answers after its quiet turn (no debounce here) with a patch against that revision or the whole
 * model, and the patch goes on to the webview as it came.
 */
export class PreviewPanel implements vscode.Disposable {
  private document: vscode.TextDocument | undefined;
  /** The server's last model as the server remembers it too (`keepsBase`): what patches apply to. */
  private base: { revision: string; model: TimelineModel } | undefined;
  /** What the webview shows now: the last model that parsed (or the first one, when none did). */
  private shown: ViewModel | undefined;
  /** `shown` is the base's view, so the base's patches apply to it. */
  private shownIsBase = false;
  private links = new LinkIndex([]);
  private stale: string | undefined;
  private ready = false;
  private inFlight = false;
  /** Answers in a row older than the document. */
  private behind = 0;
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
        if (event.newState !== State.Running) return;
        this.base = undefined;
        void this.refresh();
      }),
      panel.onDidDispose(() => this.dispose()),
      // A hidden webview is torn down; it says `ready` again when it comes back.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        // While a request is out its answer tells whether it covered this change (its version).
        if (event.document === this.document && event.contentChanges.length > 0 && !this.inFlight) void this.refresh();
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
      this.base = undefined;
      this.shown = undefined;
      this.shownIsBase = false;
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

  /** One request at a time; what arrives meanwhile is picked up by one more round. */
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
      const since = this.base?.revision;
      const answer = await this.client.sendRequest(TimelineRequest, { uri: document.uri.toString(), ...(since === undefined ? {} : { since }) });
      if (document !== this.document) return;
      const model = this.receive(answer);
      if (!model) {
        // A patch that was malformed or not for our model: start over from the whole model.
        if (answer?.kind === 'patch' && !this.base) this.again = true;
        return;
      }
      this.requests.push({ ms: Date.now() - started, version: model.version, events: model.events.length });
      if (this.requests.length > 200) this.requests.shift();
      // Changes that reached the server after its quiet turn: ask again, a few rounds at most (a
      // server that cannot catch up must not be asked in a loop; the next change asks anyway).
      this.behind = model.version < document.version ? this.behind + 1 : 0;
      if (this.behind > 0 && this.behind <= 3) this.again = true;
    } catch (error) {
      if (this.client.isRunning()) console.warn(`postmortem preview: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    }
  }

  /** Applies the answer; the new model, or undefined (after a log line) when it cannot be used. */
  private receive(answer: TimelineAnswer | null): TimelineModel | undefined {
    this.unanswered = answer === null;
    // The server is ours, but maybe another version of it: check before anything draws it.
    const valid = answer && accept(timelineAnswer, answer, this.log);
    if (!valid) {
      if (answer) this.base = undefined;
      return undefined;
    }
    const previous = this.base;
    let model: TimelineModel;
    if (valid.kind === 'model') {
      model = valid.model;
      this.base = { revision: valid.revision, model };
    } else {
      try {
        if (previous?.revision !== valid.since) throw new RangeError(`the patch is for revision ${valid.since}, not ${previous?.revision ?? 'none'}`);
        model = applyPatch(previous.model, valid.patch);
      } catch (error) {
        this.log(`postmortem preview: ignored a patch (${error instanceof Error ? error.message : String(error)})`);
        this.base = undefined;
        return undefined;
      }
      if (!keepsBase(previous.model, model)) this.base = { revision: valid.revision, model };
    }
    this.show(model, valid.kind === 'patch' && this.base !== previous ? valid.patch : undefined);
    return model;
  }

  /** Shows the model: by the server's patch when the webview has the model it was made against. */
  private show(model: TimelineModel, patch: TimelinePatch | undefined): void {
    const { links: sourceLinks, ...view } = model;
    if (model.problem && this.shown && this.shown.uri === model.uri) {
      // Keep the last good picture (and its links: most lines have not moved) and say why.
      this.shownIsBase &&= this.base?.model !== model;
      this.setStale(model.problem.keptMessage);
      return;
    }
    this.links = new LinkIndex(sourceLinks);
    const inStep = this.shownIsBase && patch !== undefined;
    this.shown = view;
    this.shownIsBase = true;
    this.setStale(model.problem?.message);
    if (!this.ready) return;
    if (inStep) this.post({ type: 'patch', patch: withoutLinks(patch) });
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
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
    this.panel.dispose();
  }
}

/** The webview knows items by id only: the source links stay here. */
function withoutLinks(patch: TimelinePatch): ModelPatch {
  const { links: _set, ...set } = patch.set;
  const { links: _splice, ...splices } = patch.splices;
  return { set, unset: patch.unset.filter((key) => key !== 'links'), splices };
}
