import type { Patch, TimelineModel } from '../../../server/src/protocol';

/**
 * What the extension and the preview's webview say to each other. Type-only: the webview bundle
 * imports it too, so nothing here may touch `vscode` or the DOM.
 */

/** The model without its source links: those stay in the extension, the webview only knows ids. */
export type ViewModel = Omit<TimelineModel, 'links'>;
export type ViewEvent = ViewModel['events'][number];

/**
 * Changes from the model the webview has to the next one: the server's patch (protocol/patch.ts)
 * as it came, less the links, which stay in the extension.
 */
export type ModelPatch = Patch<ViewModel>;

export interface DiagnosticView {
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  code: string | undefined;
}

export type ToWebview =
  /** A new picture: first load, another document, or a restore. */
  | { type: 'model'; model: ViewModel; fileName: string }
  | { type: 'patch'; patch: ModelPatch }
  /** Set while the document does not parse (UI language); undefined clears it. */
  | { type: 'stale'; message: string | undefined }
  /** The item at the editor cursor; the view highlights it and scrolls it into view. */
  | { type: 'highlight'; id: string | undefined }
  /** Diagnostics by item id; `general` for those on no item. */
  | { type: 'diagnostics'; byItem: Record<string, DiagnosticView[]>; general: DiagnosticView[] }
  /** Nothing to show (no postmortem editor yet). */
  | { type: 'empty'; message: string }
  /** For the end-to-end tests, which cannot reach into the webview's DOM otherwise. */
  | { type: 'probe'; requestId: number; action: 'snapshot' } | { type: 'probe'; requestId: number; action: 'click'; id: string };

export type FromWebview =
  | { type: 'ready' }
  /** The person activated an item: show its source. */
  | { type: 'reveal'; id: string }
  /** The person followed a link (a ticket, a document link); the extension opens https URLs only. */
  | { type: 'openLink'; url: string }
  /** How long a render took, for the benchmark and the e2e tests. */
  | { type: 'rendered'; kind: 'model' | 'patch'; ms: number; events: number }
  | { type: 'probeResult'; requestId: number; result: PreviewSnapshot | boolean };

/** What the e2e tests read back from the webview. */
export interface PreviewSnapshot {
  version: number | undefined;
  title: string;
  /** Text of the event rows currently in the DOM, top to bottom. */
  eventTexts: string[];
  /** Tooltips of the impact-window bands on the axis (label and length). */
  windowBands: string[];
  /** Owners shown as overdue (in red) in the countermeasures. */
  overdue: string[];
  eventCount: number;
  /** Text of the reporting regimes' stage rows (`.regime-stage`), top to bottom. */
  regimeTexts: string[];
  stale: string | undefined;
  highlighted: string | undefined;
  /** Every element's tag name, for the no-injection test. */
  tags: string[];
  /** Every href/src attribute in the DOM. */
  urls: string[];
  /** Set by nothing of ours; a script injected through document text would have to set it. */
  injected: boolean;
  /** Content Security Policy violations the page has seen (`securitypolicyviolation` events). */
  cspViolations: string[];
  lastRenderMs: number | undefined;
}

/** What the webview keeps across reloads with `setState`: small on purpose, the model is resent. */
export interface WebviewState {
  uri: string | undefined;
  /** The page's and the event list's scroll positions. */
  scrollTop: number;
  listScrollTop: number;
}
