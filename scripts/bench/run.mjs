// `npm run bench`: this project's server against yaml-language-server and the bare `yaml` parse, on
// generated postmortems of 100, 1,000 and 10,000 events. See README.md next to this file.
//   --sizes=100,1000   only these sizes        --edits=N     measured edits per size (default 20)
//   --only=ours|peer   one server              --no-build    do not run scripts/build.mjs first
//   --no-vsix          skip packaging the extension with vsce (about 5 s) for its size
//   --server=FILE      measure another build of our server (an experiment), not server/out/server.js
//   --no-preview       skip the preview's first paint and update (headless Chromium, about 15 s)
//   --no-vscode        skip extension activation in code-server (about 20 s)
//   --with-vscode      install code-server first when it is missing (1–2 minutes, once)
//   --load=N           the load row's document size in events (default 100000); --no-load skips it
//                      (or run it alone: node scripts/bench/load.mjs --events=N [--server=FILE])
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { generatePostmortem } from './generate.mjs';
import { measureActivation } from './activation.mjs';
import { median, measureServer } from './measure.mjs';
import { measurePreview } from './preview.mjs';
import { measureLoad } from './load.mjs';
import { clientServerFlags } from './lsp.mjs';
import { checkTargets, renderTable, rowsFor } from './report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDir = join(root, '.bench');
const docsDir = join(benchDir, 'docs');
const schemaPath = join(root, 'schemas', 'postmortem.schema.json');
const peerServer = join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

const args = new Map(process.argv.slice(2).map((arg) => {
  const [key, value] = arg.replace(/^--/, '').split('=');
  return [key, /** @type {string | boolean} */ (value ?? true)];
}));
// The same Node flags the VS Code client starts the server with.
const serverExecArgv = clientServerFlags(root);
const ourServer = args.has('server') ? resolve(String(args.get('server'))) : join(root, 'server', 'out', 'server.js');
const sizes = String(args.get('sizes') ?? '100,1000,10000').split(',').map(Number);
const edits = Number(args.get('edits') ?? 20);
const only = args.get('only');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';

function packageVersion(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

function build() {
  if (args.get('build') === false || args.has('no-build') || !existsSync(join(root, 'scripts', 'build.mjs'))) return;
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) console.error(`warning: the build failed; measuring whatever server/out holds.\n${result.stderr.slice(-2000)}`);
}

/** The floor: what any YAML-based checker pays at least, one full parse with line positions. */
function floorParseMs(text) {
  const repeats = text.length > 500_000 ? 5 : 15;
  const samples = [];
  for (let i = 0; i < repeats + 1; i++) {
    const start = performance.now();
    parseDocument(text, { lineCounter: new LineCounter() });
    if (i > 0) samples.push(performance.now() - start); // the first run pays for JIT warm-up
  }
  return median(samples);
}

function servers() {
  const schemaUrl = pathToFileURL(schemaPath).href;
  const list = [];
  if (only !== 'peer') {
    list.push({
      role: 'ours',
      available: existsSync(ourServer),
      description: `${ourServer.replace(root + '/', '')} (${existsSync(ourServer) ? 'built' : 'missing: run npm run build'})`,
      options: { name: 'postmortem', command: process.execPath, args: [...serverExecArgv, ourServer, '--stdio'], languageId: 'postmortem', settings: { postmortem: {} }, timelineRequest: 'postmortem/timeline' },
    });
  }
  if (only !== 'ours') {
    list.push({
      role: 'peer',
      available: existsSync(peerServer),
      description: `yaml-language-server ${packageVersion('yaml-language-server')} with schemas/postmortem.schema.json (validationDelayMs 200, its default)`,
      options: {
        name: 'yaml-language-server',
        command: process.execPath,
        args: [peerServer, '--stdio'],
        languageId: 'yaml',
        settings: {
          yaml: {
            validate: true,
            hover: true,
            completion: true,
            format: { enable: false },
            // No network in a benchmark: the schema comes from the modeline and this mapping only.
            schemaStore: { enable: false },
            schemas: { [schemaUrl]: ['*.postmortem.yaml'] },
          },
          http: {},
          '[yaml]': {},
          editor: { tabSize: 2 },
        },
      },
    });
  }
  return list;
}

function vsixInfo() {
  if (!args.has('no-vsix')) {
    const out = join(benchDir, 'postmortem.vsix');
    try {
      // The release package, built from its staging copy: the usual bundles stay as they are.
      execFileSync(process.execPath, [join(root, 'scripts/package.mjs'), '--out', out], { cwd: root, stdio: 'ignore', timeout: 180_000 });
      return { vsix: { file: '.bench/postmortem.vsix', bytes: statSync(out).size } };
    } catch (error) {
      return { vsix: null, vsixNote: `vsce package failed: ${String(error.message).split('\n')[0]}` };
    }
  }
  const existing = readdirSync(root).filter((name) => name.endsWith('.vsix'));
  if (existing.length > 0) {
    const newest = existing.map((file) => ({ file, stat: statSync(join(root, file)) })).sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs)[0];
    return { vsix: { file: newest.file, bytes: newest.stat.size } };
  }
  return { vsix: null, vsixNote: 'not packaged (--no-vsix), and no .vsix in the repository root' };
}

/** The rows that need a browser or VS Code; run after the servers, so they do not compete for the cores. */
async function previewAndActivation(results, previewModels) {
  if (args.has('no-preview')) {
    results.previewNote = 'skipped (--no-preview)';
  } else {
    process.stderr.write('preview: first paint and update in headless Chromium…\n');
    const preview = await measurePreview(root, chromium, previewModels);
    for (const size of results.sizes) {
      size.preview = preview.bySize.get(size.events) ?? null;
      size.rows = rowsFor(size);
    }
    results.previewNote = preview.note;
  }
  previewModels.length = 0;
  if (args.has('no-vscode')) {
    results.activation = null;
    results.activationNote = 'skipped (--no-vscode)';
  } else {
    process.stderr.write('activation: code-server…\n');
    const { activation, note } = await measureActivation(root, { chromium, install: args.has('with-vscode') });
    results.activation = activation;
    results.activationNote = note;
  }
  results.activationMs = results.activation?.activateMs ?? null;
}

/**
 * The load row (load.mjs): a huge document opened while a probe request is sent every few ms. With
 * the default size limit (the document is above it), then with the limit raised above the document
 * (the full parse and checks, in slices).
 */
async function loadRows(results) {
  if (args.has('no-load') || only === 'peer' || !existsSync(ourServer)) return;
  const events = Number(args.get('load') ?? 100_000);
  const text = generatePostmortem(events);
  const bytes = Buffer.byteLength(text);
  const server = { command: process.execPath, args: [...serverExecArgv, ourServer, '--stdio'] };
  results.load = { events, bytes, chars: text.length };
  for (const [key, maxDocumentBytes] of /** @type {[string, number | undefined][]} */ ([['defaultLimit', undefined], ['limitRaised', bytes + 1]])) {
    process.stderr.write(`load: ${events} events, ${key}…\n`);
    try {
      results.load[key] = await measureLoad(server, { text, dir: docsDir, maxDocumentBytes });
    } catch (error) {
      results.load[key] = null;
      results.load[`${key}Note`] = String(error.message).split('\n')[0];
    }
  }
}

async function main() {
  const started = performance.now();
  build();
  mkdirSync(docsDir, { recursive: true });
  const schemaUrl = pathToFileURL(schemaPath).href;
  const list = servers();
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}`, loadAtStart: os.loadavg()[0] },
    yamlVersion: packageVersion('yaml'),
    servers: Object.fromEntries(list.map((server) => [server.role, server.description])),
    edits,
    sizes: /** @type {Record<string, unknown>[]} */ ([]),
  };
  for (const role of ['ours', 'peer']) results.servers[role] ??= 'n/a (not run)';
  // The server's timeline models per size, handed to the preview's measurement after the servers.
  const previewModels = [];

  for (const events of sizes) {
    // Both servers get the same text; the modeline is a comment to ours and the schema to the peer.
    const text = `# yaml-language-server: $schema=${schemaUrl}\n${generatePostmortem(events)}`;
    const file = join(docsDir, `bench-${events}.postmortem.yaml`);
    writeFileSync(file, text);
    /** @type {Record<string, unknown>} */
    const size = { events, chars: text.length, bytes: Buffer.byteLength(text), floorParseMs: floorParseMs(text) };
    for (const server of list) {
      if (!server.available) {
        size[server.role] = null;
        continue;
      }
      process.stderr.write(`${events} events: ${server.options.name}…\n`);
      const measured = await measureServer(server.options, {
        uri: pathToFileURL(file).href,
        rootUri: pathToFileURL(docsDir).href,
        text,
        edits,
        warmupEdits: 2,
        requestRepeats: 10,
        keepTimelineModels: server.role === 'ours' && !args.has('no-preview'),
      });
      if (measured.timelineModels) previewModels.push({ events, ...measured.timelineModels });
      const { finalText: _text, timelineModels: _models, ...kept } = measured;
      size[server.role] = kept;
    }
    size.rows = rowsFor(size);
    results.sizes.push(size);
  }
  await loadRows(results);
  results.machine.loadAtEnd = os.loadavg()[0];
  await previewAndActivation(results, previewModels);
  Object.assign(results, vsixInfo());
  results.targets = checkTargets(results.sizes);
  results.totalSeconds = (performance.now() - started) / 1000;

  const table = renderTable(results);
  console.log(table);
  console.log(`\n(${results.totalSeconds.toFixed(0)} s; JSON in .bench/results.json)`);
  results.table = table;
  writeFileSync(join(benchDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
