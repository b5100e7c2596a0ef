// The one table `npm run bench` prints, and the target checks under it.

const METRICS = [
  { key: 'openMs', label: 'open → diagnostics (ms)', floor: true },
  { key: 'editMedianMs', label: 'edit → diagnostics p50 (ms)', floor: true },
  { key: 'editP95Ms', label: 'edit → diagnostics p95 (ms)', floor: true },
  { key: 'cpuPerEditMs', label: 'CPU per edit (ms)', floor: true },
  { key: 'rssMb', label: 'memory after edits (MB)' },
  { key: 'completionMs', label: 'completion at end (ms)' },
  { key: 'hoverMs', label: 'hover at end (ms)' },
  { key: 'timelineMs', label: 'timeline model (ms)' },
  // What crosses IPC for the preview: the whole model (first request), a patch after a one-event edit.
  { key: 'timelineModelKb', label: 'timeline answer, whole model (KB)' },
  { key: 'timelinePatchKb', label: 'timeline answer, 1-event edit (KB)' },
  // Measured in headless Chromium on our server's model (preview.mjs), so ours only.
  { key: 'firstPaintMs', label: 'preview first paint (ms)', source: 'preview' },
  { key: 'updateMs', label: 'preview update, 1 event (ms)', source: 'preview' },
  { key: 'burstMs', label: '10 quick changes → last diag. (ms)' },
  { key: 'burstPublishes', label: '  publishes for replaced versions' },
];

/** The targets of the performance issue, checked against the medians of this run. */
export const TARGETS = [
  { events: 1000, label: 'edit → diagnostics p50 ≤ 20 ms', check: (ours) => ours.editMedianMs, limit: () => 20 },
  { events: 1000, label: 'CPU per edit ≤ peer / 5', check: (ours) => ours.cpuPerEditMs, limit: (peer) => peer && peer.cpuPerEditMs / 5 },
  { events: 10000, label: 'edit → diagnostics p50 ≤ 100 ms', check: (ours) => ours.editMedianMs, limit: () => 100 },
  { events: 10000, label: 'CPU per edit ≤ peer / 10', check: (ours) => ours.cpuPerEditMs, limit: (peer) => peer && peer.cpuPerEditMs / 10 },
  { events: 10000, label: 'memory ≤ 150 MB', check: (ours) => ours.rssMb, limit: () => 150 },
  { events: 10000, label: 'completion ≤ 20 ms', check: (ours) => ours.completionMs, limit: () => 20 },
  { events: 10000, label: 'hover ≤ 20 ms', check: (ours) => ours.hoverMs, limit: () => 20 },
  { events: 10000, label: 'timeline patch, 1 event ≤ 5 KB', check: (ours) => ours.timelinePatchKb, limit: () => 5 },
];

export function ratio(a, b) {
  return typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : null;
}

function format(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  if (typeof value === 'string') return value;
  if (Math.abs(value) >= 100) return value.toFixed(0);
  return value.toFixed(digits);
}

function formatRatio(value) {
  if (value === null || value === undefined) return 'n/a';
  return value >= 10 ? `${value.toFixed(0)}×` : value >= 0.1 ? `${value.toFixed(2)}×` : `${value.toFixed(3)}×`;
}

/** The floor is one full `yaml` parse; it is compared with every latency and with CPU per edit. */
export function rowsFor(size) {
  return METRICS.map((metric) => {
    const ours = (metric.source === 'preview' ? size.preview : size.ours) ?? {};
    const peer = (metric.source === 'preview' ? null : size.peer) ?? {};
    return {
      metric: metric.key,
      label: metric.label,
      ours: ours[metric.key] ?? null,
      peer: peer[metric.key] ?? null,
      floor: metric.floor ? size.floorParseMs : null,
      oursPerPeer: ratio(ours[metric.key], peer[metric.key]),
      oursPerFloor: metric.floor ? ratio(ours[metric.key], size.floorParseMs) : null,
    };
  });
}

export function checkTargets(sizes) {
  return TARGETS.map((target) => {
    const size = sizes.find((candidate) => candidate.events === target.events);
    const value = size?.ours ? target.check(size.ours) : null;
    const limit = size ? target.limit(size.peer) : null;
    const met = typeof value === 'number' && typeof limit === 'number' ? value <= limit : null;
    return { events: target.events, target: target.label, value, limit, met };
  });
}

export function renderTable(results) {
  const header = ['events', 'metric', 'ours', 'peer', 'floor', 'ours/peer', 'ours/floor'];
  const body = [];
  for (const size of results.sizes) {
    rowsFor(size).forEach((row, index) => {
      body.push([index === 0 ? size.events.toLocaleString('en-US') : '', row.label, format(row.ours), format(row.peer), format(row.floor), formatRatio(row.oursPerPeer), formatRatio(row.oursPerFloor)]);
    });
    const sane = (server) => (server ? (server.sanity?.ok ? 'yes' : 'NO') : 'n/a');
    body.push(['', 'schema error reported', sane(size.ours), sane(size.peer), '', '', '']);
    body.push(['', `(${Math.round(size.chars / 1000)} K chars, ${Math.round(size.bytes / 1000)} KB)`, '', '', '', '', '']);
  }
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => [...row[column]].length)));
  const line = (cells) => cells.map((cell, column) => (column === 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  const out = [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)];
  out.push('');
  out.push(`ours: ${results.servers.ours}`);
  out.push(`peer: ${results.servers.peer}`);
  const { cpus, loadAtStart, loadAtEnd } = results.machine;
  const busy = Math.max(loadAtStart, loadAtEnd) > cpus - 0.5;
  out.push(`machine: ${cpus} cores, ${results.machine.node}; 1-minute load average ${loadAtStart.toFixed(1)} at start, ${loadAtEnd.toFixed(1)} at end${busy ? ' (busy: latencies include waiting for a core; CPU per edit is the steadier figure)' : ''}`);
  out.push(`floor: yaml ${results.yamlVersion} parseDocument + LineCounter on the same text (median of repeats)`);
  out.push(previewLine(results));
  out.push(activationLine(results));
  out.push(...loadLines(results));
  out.push(`VSIX size: ${results.vsix ? `${(results.vsix.bytes / 1e6).toFixed(2)} MB (${results.vsix.file})` : `n/a (${results.vsixNote})`}`);
  out.push('');
  out.push('targets (medians, this run):');
  for (const target of results.targets) {
    const verdict = target.met === null ? 'n/a' : target.met ? 'met' : 'NOT met';
    out.push(`  ${target.events.toLocaleString('en-US').padStart(6)} events  ${target.target.padEnd(34)} ${format(target.value).padStart(7)} vs ${format(target.limit).padStart(6)}  ${verdict}`);
  }
  return out.join('\n');
}

function loadLines(results) {
  const load = results.load;
  if (!load) return ['load: n/a (--no-load)'];
  const size = `${load.events.toLocaleString('en-US')} events, ${(load.bytes / 1e6).toFixed(1)} MB`;
  const describe = (label, row, note) =>
    row
      ? `  ${label}: first diagnostics ${format(row.firstDiagnosticsMs)} ms, longest wait of a request ${format(row.longestWaitMs)} ms (${row.probes} probes), peak memory ${format(row.peakMb)} MB; ${row.diagnostics} diagnostic(s)${row.codes.length > 0 ? ` (${row.codes.join(', ')})` : ''}`
      : `  ${label}: n/a (${note ?? 'not measured'})`;
  return [`load (${size}; a hover on a small document every 5 ms until the first diagnostics):`, describe('default size limit', load.defaultLimit, load.defaultLimitNote), describe('limit raised above it', load.limitRaised, load.limitRaisedNote)];
}

function previewLine(results) {
  const measured = results.sizes.map((size) => size.preview).filter(Boolean);
  if (measured.length === 0) return `preview: n/a (${results.previewNote ?? 'not measured'})`;
  const { chromium, firstPaintSamplesMs, updateSamplesMs } = measured[0];
  const problem = results.previewNote ? `; ${results.previewNote}` : '';
  return `preview: client/out/webview/preview.js in headless Chromium ${chromium}, message posted → next frame; first paint median of ${firstPaintSamplesMs.length} fresh pages, update of ${updateSamplesMs.length} one-event patches${problem}`;
}

function activationLine(results) {
  const activation = results.activation;
  if (!activation) return `extension activation: n/a (${results.activationNote ?? 'not measured'})`;
  const diagnostics = activation.firstDiagnosticsMs === null ? 'no diagnostics within 20 s' : `${format(activation.firstDiagnosticsMs)} ms to first diagnostics of ${activation.sample}`;
  const note = results.activationNote ? `; ${results.activationNote}` : '';
  return `extension activation: ${format(activation.activateMs)} ms activate() → client running, ${diagnostics} (code-server, median of ${activation.windows} fresh windows${note})`;
}
