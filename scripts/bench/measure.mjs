// One server, one document size: the numbers of one column of the table.
import { LspSession } from './lsp.mjs';

export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile: with 20 samples, p95 is the 19th smallest, an observed value. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The lines of the middle timeline events' `event:` texts, where the edits type. */
export function editTargets(text, count) {
  const lines = text.split('\n');
  const eventLines = [];
  let inTimeline = false;
  lines.forEach((line, index) => {
    if (/^\S/.test(line)) inTimeline = line.startsWith('timeline:');
    else if (inTimeline && line.startsWith('    event: ')) eventLines.push(index);
  });
  const start = Math.max(0, (eventLines.length >> 1) - (count >> 1));
  return { lines, targets: eventLines.slice(start, start + count) };
}

/** Applies one LSP content change to a text (ranges in UTF-16 units, which JS strings count). */
export function applyChange(text, lineStarts, change) {
  const offsetOf = (position) => lineStarts[position.line] + position.character;
  return text.slice(0, offsetOf(change.range.start)) + change.text + text.slice(offsetOf(change.range.end));
}

/** The offset where each line starts, for applyChange. */
export function lineStartsOf(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

async function timed(action) {
  const start = performance.now();
  const result = await action();
  return { ms: performance.now() - start, result };
}

/**
 * Opens the text in a fresh server process, types into the middle of the timeline `edits` times
 * (each edit waits for its own diagnostics), then asks for completion, hover and the timeline model
 * at the end of the document, and checks that a schema error is really reported.
 * @returns the measurements; `null` values mean "not applicable" for this server.
 */
export async function measureServer(serverOptions, { uri, rootUri, text, edits, warmupEdits, requestRepeats, keepTimelineModels = false }) {
  const session = new LspSession(serverOptions);
  await session.start(rootUri);
  try {
    let version = 1;
    let current = text;
    const openStart = performance.now();
    const openMark = session.mark();
    await session.open(uri, version, current);
    const opened = await session.diagnosticsFor(uri, version, openMark);
    const openMs = opened.at - openStart;
    const openDiagnostics = opened.diagnostics.length;

    const { lines, targets } = editTargets(current, warmupEdits + edits);
    const editMs = [];
    let cpuBefore = 0;
    const typed = 'あいうえおかきくけこさしすせそたちつてと'.split('');
    for (let i = 0; i < targets.length; i++) {
      if (i === warmupEdits) cpuBefore = session.cpuMs();
      const line = targets[i];
      // Each edit types one more character at the end of a different event's text.
      const character = lines[line].length;
      lines[line] += typed[i % typed.length];
      const change = { range: { start: { line, character }, end: { line, character } }, text: typed[i % typed.length] };
      current = applyChange(current, lineStartsOf(current), change);
      version++;
      const mark = session.mark();
      const start = performance.now();
      await session.change(uri, version, [change]);
      const published = await session.diagnosticsFor(uri, version, mark);
      if (i >= warmupEdits) editMs.push(published.at - start);
    }
    const cpuPerEditMs = (session.cpuMs() - cpuBefore) / edits;
    const rssMb = session.rssMb();

    const allLines = current.split('\n');
    const lastLine = allLines.length - (allLines.at(-1) === '' ? 2 : 1);
    const completion = [];
    const hover = [];
    let completionItems = 0;
    let hoverFound = false;
    for (let i = 0; i < requestRepeats; i++) {
      // `  note: …` is the last line: completion where a key starts, hover on `url:` above it.
      const c = await timed(() => session.request('textDocument/completion', { textDocument: { uri }, position: { line: lastLine, character: 2 } }));
      completion.push(c.ms);
      completionItems = Array.isArray(c.result) ? c.result.length : c.result?.items?.length ?? 0;
      const h = await timed(() => session.request('textDocument/hover', { textDocument: { uri }, position: { line: lastLine - 1, character: 3 } }));
      hover.push(h.ms);
      hoverFound = Boolean(h.result?.contents);
    }

    let timelineMs = null;
    let timelineBefore = null;
    if (serverOptions.timelineRequest) {
      const samples = [];
      for (let i = 0; i < requestRepeats; i++) {
        try {
          // Without `since`: the whole model, as a preview's first request gets it.
          const answered = await timed(() => session.request(serverOptions.timelineRequest, { uri }));
          samples.push(answered.ms);
          timelineBefore = answered.result;
        } catch (error) {
          // MethodNotFound: the preview's model does not exist yet; anything else is a real failure.
          if (error?.code !== -32601) throw error;
          break;
        }
      }
      timelineMs = median(samples);
    }

    const burst = await typingBurst(session, uri, current, version, targets.at(-1) ?? 0);
    current = burst.text;
    version = burst.version;
    // The burst changed one event's text. The preview asks with the revision it holds and gets a
    // patch: its size beside the whole model's is what crosses IPC per pause in typing.
    const timelineBytes = timelineBefore ? await timelineAnswerBytes(session, serverOptions.timelineRequest, uri, timelineBefore) : { timelineModelKb: null, timelinePatchKb: null, after: null };
    // The preview's benchmark posts the model before and after the burst: the server's own models.
    const timelineModels = keepTimelineModels && timelineBefore && timelineBytes.after ? { before: timelineBefore.model, after: timelineBytes.after } : null;
    const sanity = await sanityCheck(session, uri, current, version);

    return {
      openMs,
      openDiagnostics,
      editMedianMs: median(editMs),
      editP95Ms: percentile(editMs, 95),
      editSamplesMs: editMs,
      cpuPerEditMs,
      rssMb,
      completionMs: median(completion),
      completionItems,
      hoverMs: median(hover),
      hoverFound,
      timelineMs,
      timelineModelKb: timelineBytes.timelineModelKb,
      timelinePatchKb: timelineBytes.timelinePatchKb,
      burstMs: burst.ms,
      burstPublishes: burst.publishes,
      sanity,
      finalText: current,
      timelineModels,
    };
  } finally {
    await session.stop();
  }
}

/** Bytes of the timeline answers as JSON: the whole model, and the patch against `before`'s revision. */
async function timelineAnswerBytes(session, method, uri, before) {
  const kb = (answer) => Buffer.byteLength(JSON.stringify(answer)) / 1000;
  const patch = await session.request(method, { uri, since: before.revision });
  const whole = await session.request(method, { uri });
  if (patch?.kind !== 'patch' || whole?.kind !== 'model') throw new Error(`the timeline answered ${patch?.kind} and ${whole?.kind}, not a patch and the whole model`);
  return { timelineModelKb: kb(whole), timelinePatchKb: kb(patch), after: whole.model };
}

/**
 * Rapid typing: ten one-character changes sent back to back, as a fast typist or a held key does.
 * Measures the time from the last change to its diagnostics, and how many diagnostics were
 * published for versions the client had already replaced (work a server could have skipped).
 */
const BURST = 10;
async function typingBurst(session, uri, text, version, line) {
  const lines = text.split('\n');
  let current = text;
  const mark = session.mark();
  let lastSent = 0;
  for (let i = 1; i <= BURST; i++) {
    const character = lines[line].length;
    lines[line] += 'ー';
    const change = { range: { start: { line, character }, end: { line, character } }, text: 'ー' };
    current = applyChange(current, lineStartsOf(current), change);
    lastSent = performance.now();
    await session.change(uri, version + i, [change]);
  }
  const final = await session.diagnosticsFor(uri, version + BURST, mark);
  const publishes = session.publishes.slice(mark).filter((publish) => publish.uri === uri && publish.seq < final.seq).length;
  return { ms: final.at - lastSent, publishes, text: current, version: version + BURST };
}

/** Breaks one `kind:` in the middle (not an allowed value) and expects a diagnostic on that line. */
async function sanityCheck(session, uri, text, version) {
  const lines = text.split('\n');
  const middle = lines.length >> 1;
  let line = middle;
  while (line < lines.length && !lines[line].startsWith('    kind: ')) line++;
  if (line === lines.length) return { ok: false, reason: 'no kind line' };
  const character = lines[line].length;
  const mark = session.mark();
  await session.change(uri, version + 1, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
  const published = await session.diagnosticsFor(uri, version + 1, mark);
  const onLine = published.diagnostics.filter((diagnostic) => diagnostic.range.start.line === line);
  return { ok: onLine.length > 0, line, diagnostics: published.diagnostics.length, message: onLine[0]?.message ?? null };
}
