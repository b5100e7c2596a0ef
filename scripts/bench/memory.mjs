// `npm run bench:memory [-- --events=N --edits=N --server=FILE --flags='…']`: where our server's resident memory
// goes at one document size. `npm run bench` says how much; this says why, in one run:
//   idle        after initialize, no document (code, the compiled schema, Node itself)
//   open        after the document's first diagnostics
//   edits       after N edits, each waiting for its diagnostics (the bench's "memory after edits")
//   collected   after one full garbage collection: what is live, and what the collector had not freed
// Resident memory is split into the file-backed part (Node's own binary and ICU data, mapped) and the
// anonymous part (the JS heap and malloc). The server runs with the client's flags plus
// --expose-gc and scripts/bench/gc-probe.cjs preloaded, which only answer SIGUSR2.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePostmortem } from './generate.mjs';
import { clientServerFlags, LspSession, processMemoryMb } from './lsp.mjs';
import { applyChange, editTargets, lineStartsOf } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const options = new Map(
  process.argv.slice(2).map((arg) => {
    const [name = '', ...value] = arg.replace(/^--/, '').split('=');
    return [name, value.length > 0 ? value.join('=') : 'true'];
  }),
);
const events = Number(options.get('events') ?? 10_000);
const edits = Number(options.get('edits') ?? 22);
const server = resolve(String(options.get('server') ?? join(root, 'server', 'out', 'server.js')));
// --flags='--a --b' tries other Node flags in place of the client's (package.json postmortemServer).
const execArgv = options.has('flags') ? String(options.get('flags')).split(' ').filter(Boolean) : clientServerFlags(root);

/** @param {number | undefined} pid */
function resident(pid) {
  const memory = processMemoryMb(pid);
  return { rssMb: memory.VmRSS, anonMb: memory.RssAnon, fileMb: memory.RssFile };
}

/** @param {LspSession} session @param {RegExp} pattern */
async function stderrLine(session, pattern) {
  for (;;) {
    const match = pattern.exec(session.stderr);
    if (match) return match;
    await new Promise((done) => session.child.stderr.once('data', done));
  }
}

const session = new LspSession({ name: 'postmortem', command: process.execPath, args: [...execArgv, '--expose-gc', '--require', join(root, 'scripts/bench/gc-probe.cjs'), server, '--stdio'], languageId: 'postmortem', settings: { postmortem: {} } });
/** @type {Array<[string, { rssMb: number, anonMb: number, fileMb: number }]>} */
const rows = [];
await session.start(pathToRoot());
try {
  rows.push(['idle', resident(session.child.pid)]);
  const uri = `${pathToRoot()}/memory.postmortem.yaml`;
  let text = generatePostmortem(events);
  let version = 1;
  let mark = session.mark();
  await session.open(uri, version, text);
  await session.diagnosticsFor(uri, version, mark);
  rows.push(['open', resident(session.child.pid)]);
  const { lines, targets } = editTargets(text, edits);
  for (const line of targets) {
    const character = lines[line].length;
    lines[line] += 'あ';
    const change = { range: { start: { line, character }, end: { line, character } }, text: 'あ' };
    text = applyChange(text, lineStartsOf(text), change);
    version++;
    mark = session.mark();
    await session.change(uri, version, [change]);
    await session.diagnosticsFor(uri, version, mark);
  }
  rows.push([`${targets.length} edits`, resident(session.child.pid)]);
  process.kill(session.child.pid ?? 0, 'SIGUSR2');
  const probe = JSON.parse((await stderrLine(session, /GC-PROBE (.*)\n/))[1]);
  rows.push(["collected", resident(session.child.pid)]);
  report(rows, probe);
} finally {
  await session.stop();
}

function pathToRoot() {
  return 'file:///tmp/postmortem-memory';
}

/** @param {Array<[string, { rssMb: number, anonMb: number, fileMb: number }]>} phases @param {any} probe */
function report(phases, probe) {
  const mb = (/** @type {number} */ value) => value.toFixed(1).padStart(7);
  console.log(`${events.toLocaleString('en-US')} events, ${server.replace(root + '/', '')}, flags ${execArgv.join(' ') || '(none)'}`);
  console.log('phase          resident     anon     file');
  for (const [phase, r] of phases) console.log(`${phase.padEnd(12)} ${mb(r.rssMb)}  ${mb(r.anonMb)}  ${mb(r.fileMb)}`);
  const { before, after } = probe;
  console.log(`\nfull collection: ${probe.gcMs.toFixed(0)} ms; JS heap used ${(before.heap.used_heap_size / 1e6).toFixed(1)} → ${(after.heap.used_heap_size / 1e6).toFixed(1)} MB live, committed ${(before.heap.total_physical_size / 1e6).toFixed(1)} → ${(after.heap.total_physical_size / 1e6).toFixed(1)} MB, malloc ${(after.heap.malloced_memory / 1e6).toFixed(1)} MB`);
  console.log('space                 used before  used after  committed after');
  for (const [name, space] of Object.entries(after.spaces)) {
    const was = before.spaces[name];
    if (was.committedMb < 0.05 && space.committedMb < 0.05) continue;
    console.log(`${name.padEnd(20)} ${mb(was.usedMb)}      ${mb(space.usedMb)}     ${mb(space.committedMb)}`);
  }
}
