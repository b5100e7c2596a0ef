// The load row: one huge postmortem opened while an editor keeps asking for something else.
// A probe (hover on a small second document) is sent every few milliseconds from the moment the
// huge document is opened until its first diagnostics arrive; its longest wait is how long the
// server answered nothing. Peak memory is the server's VmHWM (high-water resident set).
//   node scripts/bench/load.mjs [--events=100000] [--server=FILE] [--max-bytes=N]
// `npm run bench` runs it for 100,000 events twice: with the default size limit, and with the limit
// raised above the document (the sliced parse and checks at full size).
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatePostmortem } from './generate.mjs';
import { clientServerFlags, delay, LspSession, processMemoryMb } from './lsp.mjs';

const PROBE_EVERY_MS = 5;

function peakMb(pid) {
  return processMemoryMb(pid).VmHWM;
}

/**
 * @param {{ command: string, args: string[] }} server how to start our server over stdio
 * @param {{ text: string, dir: string, maxDocumentBytes?: number | undefined }} input
 */
export async function measureLoad(server, { text, dir, maxDocumentBytes }) {
  const settings = maxDocumentBytes === undefined ? {} : { maxDocumentBytes };
  const session = new LspSession({ name: 'postmortem', ...server, languageId: 'postmortem', settings: { postmortem: settings } });
  const rootUri = pathToFileURL(dir).href;
  const bigUri = pathToFileURL(join(dir, 'load.postmortem.yaml')).href;
  const smallUri = pathToFileURL(join(dir, 'probe.postmortem.yaml')).href;
  await session.start(rootUri);
  try {
    const small = generatePostmortem(10);
    await session.open(smallUri, 1, small);
    await session.diagnosticsFor(smallUri, 1, 0);
    const hover = { textDocument: { uri: smallUri }, position: { line: 1, character: 2 } };
    await session.request('textDocument/hover', hover);

    const waits = [];
    let probing = true;
    const probe = async () => {
      while (probing) {
        const sent = performance.now();
        await session.request('textDocument/hover', hover);
        waits.push(performance.now() - sent);
        await delay(PROBE_EVERY_MS);
      }
    };
    const mark = session.mark();
    const opened = performance.now();
    await session.open(bigUri, 1, text);
    const probes = probe();
    const publish = await session.diagnosticsFor(bigUri, 1, mark);
    const firstDiagnosticsMs = publish.at - opened;
    probing = false;
    await probes;
    const codes = [...new Set(publish.diagnostics.map((diagnostic) => String(diagnostic.code)))];
    return { firstDiagnosticsMs, longestWaitMs: Math.max(0, ...waits), probes: waits.length, peakMb: peakMb(session.child.pid), diagnostics: publish.diagnostics.length, codes };
  } finally {
    await session.stop();
  }
}

export function describeLoad(label, load) {
  if (!load) return `${label}: n/a`;
  const codes = load.codes.length > 0 ? ` (${load.codes.join(', ')})` : '';
  return `${label}: first diagnostics ${load.firstDiagnosticsMs.toFixed(0)} ms, longest wait of a request ${load.longestWaitMs.toFixed(0)} ms (${load.probes} probes), peak memory ${load.peakMb.toFixed(0)} MB; ${load.diagnostics} diagnostic(s)${codes}`;
}

async function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const args = new Map(process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? true];
  }));
  const events = Number(args.get('events') ?? 100_000);
  const serverPath = args.has('server') ? resolve(String(args.get('server'))) : join(root, 'server', 'out', 'server.js');
  const execArgv = clientServerFlags(root);
  const dir = join(root, '.bench', 'docs');
  mkdirSync(dir, { recursive: true });
  const text = generatePostmortem(events);
  writeFileSync(join(dir, 'load.postmortem.yaml'), text);
  const maxDocumentBytes = args.has('max-bytes') ? Number(args.get('max-bytes')) : undefined;
  const load = await measureLoad({ command: process.execPath, args: [...execArgv, serverPath, '--stdio'] }, { text, dir, maxDocumentBytes });
  console.log(describeLoad(`${events.toLocaleString('en')} events (${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB)${maxDocumentBytes ? `, maxDocumentBytes ${maxDocumentBytes}` : ''}`, load));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
