#!/usr/bin/env node
// Idempotent install of a real VS Code (code-server@4.100.3) into .cache/code-server/,
// plus Debian's chromium and ripgrep when missing. Safe to run repeatedly: a stamp file makes a
// second run instant. Needs root (or the packages already installed) for apt-get; without them it
// says what to install and exits 1 without a stack trace.
//
// Why each step (this machine cannot download from GitHub and runs as root):
//  - code-server's install script refuses root and downloads from GitHub -> --ignore-scripts;
//  - so we redo its post-install by hand: argon2, lib/vscode's production deps and native
//    modules, Debian's rg in place of @vscode/ripgrep's download, the links, built-in extensions.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CHROMIUM, CODE_SERVER_VERSION, cacheDir, codeServerDir, repoRoot, stampFile, vscodeDir,
} from './paths.mjs';

const P = 'setup';
const T0 = Date.now();
const say = (...a) => console.log(`[${P} ${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);

/**
 * The native modules VS Code's server needs built for the end-to-end tests. kerberos is skipped: it is
 * loaded only for Kerberos proxy authentication, and building it needed the libkrb5-dev package.
 * node-pty stays: without it the pty host fails and the packaged-extension checks time out.
 * @parcel/watcher ships its binary in an npm package; spdlog writes the logs and output channels.
 */
const NATIVE_MODULES = ['@parcel/watcher', '@vscode/spdlog', '@vscode/deviceid', 'native-watchdog', 'node-pty'];

/** A problem the user can fix (a missing package, no root): printed as a message, never a stack trace. */
export class SetupError extends Error {}

/** Runs a command; while it runs, says every 20 s that it still does, so a long step is never silent. */
async function sh(cmd, args, opts = {}) {
  const { cwd = repoRoot, allowFail = false, env, label } = opts;
  const t0 = Date.now();
  const ticker = setInterval(() => say(`… still running ${label ?? `${cmd} ${args.join(' ')}`} (${((Date.now() - t0) / 1000).toFixed(0)} s)`), 20_000);
  const r = await new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => resolve({ error, stdout, stderr, status: null }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  }).finally(() => clearInterval(ticker));
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0 && !allowFail) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`\`${cmd} ${args.join(' ')}\` (in ${cwd}) exited ${r.status} after ${secs}s:\n${tail}`);
  }
  return r;
}

function which(bin) {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function findNodeFiles(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.node')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * The .node files a native module has (checked instead of npm's exit code): anything under
 * the module, or under its per-platform package (`@parcel/watcher` ships its binary in
 * `@parcel/watcher-linux-x64-glibc`, an npm package, so nothing needs building there).
 */
function builtNodeFiles(moduleDir) {
  const files = findNodeFiles(moduleDir);
  const parent = path.dirname(moduleDir);
  const prefix = `${path.basename(moduleDir)}-${process.platform}-${process.arch}`;
  if (fs.existsSync(parent)) {
    for (const sib of fs.readdirSync(parent)) {
      if (sib.startsWith(prefix)) files.push(...findNodeFiles(path.join(parent, sib)));
    }
  }
  return files;
}

/** Loads each module in a child node from `cwd`; returns those that fail to load. */
function unloadable(modules, cwd) {
  const code = `const bad=[];for (const m of ${JSON.stringify(modules)}) { try { require(m); } catch (e) { bad.push(m + ': ' + e.message.split('\\n')[0]); } } console.log(JSON.stringify(bad));`;
  const r = spawnSync(process.execPath, ['-e', code], { cwd, encoding: 'utf8' });
  try { return JSON.parse(r.stdout.trim().split('\n').pop() ?? ''); } catch { return [`(check failed) ${r.stderr}`]; }
}

function debianPackagesPresent() {
  return { chromium: fs.existsSync(CHROMIUM), rg: which('rg') };
}

/** Waits this long for another apt or dpkg (unattended-upgrades on a fresh machine) to finish. */
const APT_LOCK_TIMEOUT_SECONDS = 120;

async function ensureDebianPackages() {
  const have = debianPackagesPresent();
  if (have.chromium && have.rg) {
    say(`system packages present: ${CHROMIUM}, ${have.rg}`);
    return;
  }
  const missing = [!have.chromium && 'chromium', !have.rg && 'ripgrep'].filter(Boolean);
  const command = `apt-get install ${missing.join(' ')}`;
  if (!which('apt-get')) throw new SetupError(`missing ${missing.join(' and ')}, and this is not a Debian/Ubuntu system with apt-get: install ${missing.join(' and ')} with your package manager (chromium at ${CHROMIUM}), then run again.`);
  if (process.getuid?.() !== 0) throw new SetupError(`missing Debian packages ${missing.join(', ')}. Install them as root (sudo ${command}), then run again.`);
  say(`installing Debian packages ${missing.join(', ')} (apt-get; waits up to ${APT_LOCK_TIMEOUT_SECONDS} s for another apt to finish)`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', `DPkg::Lock::Timeout=${APT_LOCK_TIMEOUT_SECONDS}`];
  try {
    await sh('apt-get', [...lock, 'update'], { env, label: 'apt-get update' });
    await sh('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...missing], { env, label: 'apt-get install' });
  } catch (error) {
    const busy = /lock|Could not get lock|is held by process/i.test(error.message);
    throw new SetupError(busy ? `another apt-get or dpkg held the package lock for over ${APT_LOCK_TIMEOUT_SECONDS} s. Wait for it to finish (or run: sudo ${command}), then run again.` : `apt-get could not install ${missing.join(', ')}:\n${error.message}\nInstall them yourself (sudo ${command}), then run again.`);
  }
  const after = debianPackagesPresent();
  if (!after.chromium || !after.rg) throw new SetupError(`apt-get finished but ${!after.chromium ? CHROMIUM : 'rg'} is still missing: install it (sudo ${command}), then run again.`);
}

function symlinkForce(target, linkPath) {
  try {
    const st = fs.lstatSync(linkPath);
    if (st.isSymbolicLink() && fs.readlinkSync(linkPath) === target) return;
    fs.rmSync(linkPath, { recursive: true, force: true });
  } catch { /* does not exist */ }
  fs.symlinkSync(target, linkPath);
}

/**
 * Makes sure code-server is installed and usable. Returns the code-server package folder.
 * @param {{force?: boolean}} [opts]
 */
export async function setup(opts = {}) {
  const t0 = Date.now();
  const wanted = NATIVE_MODULES;
  if (!opts.force && fs.existsSync(stampFile) && fs.existsSync(CHROMIUM) && which('rg')) {
    say(`code-server ${CODE_SERVER_VERSION} ready (cached in ${path.relative(repoRoot, cacheDir)}) — ${Date.now() - t0} ms`);
    return codeServerDir;
  }
  const shownCache = path.relative(repoRoot, cacheDir).startsWith('..') ? cacheDir : path.relative(repoRoot, cacheDir);
  say(`setting up code-server ${CODE_SERVER_VERSION} in ${shownCache}/`);
  await ensureDebianPackages();
  for (const f of fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []) {
    if (f.startsWith('.setup-complete-')) fs.rmSync(path.join(cacheDir, f), { force: true });
  }
  fs.mkdirSync(cacheDir, { recursive: true });

  // 1. the package itself, without its (root-refusing, downloading) install script.
  const pkgJson = path.join(cacheDir, 'package.json');
  if (!fs.existsSync(pkgJson)) {
    fs.writeFileSync(pkgJson, JSON.stringify({ name: 'e2e-code-server-cache', private: true }, null, 2) + '\n');
  }
  const installedVersion = (() => {
    try { return JSON.parse(fs.readFileSync(path.join(codeServerDir, 'package.json'), 'utf8')).version; } catch { return null; }
  })();
  if (installedVersion !== CODE_SERVER_VERSION) {
    say(`npm install code-server@${CODE_SERVER_VERSION} --ignore-scripts ...`);
    await sh('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact'], { cwd: cacheDir, label: 'npm install code-server' });
  } else {
    say(`code-server ${CODE_SERVER_VERSION} package already installed`);
  }

  // 2. argon2 (code-server's password hashing; loaded at start even with --auth none).
  const argon2Dir = path.join(cacheDir, 'node_modules', 'argon2');
  // node-pre-gyp puts it in lib/binding/napi-v3/argon2.node.
  const argonBuilt = () => findNodeFiles(path.join(argon2Dir, 'lib', 'binding')).length > 0;
  if (!argonBuilt() || unloadable(['argon2'], cacheDir).length) {
    say('npm rebuild argon2 ...');
    await sh('npm', ['rebuild', 'argon2'], { cwd: cacheDir, allowFail: true, label: 'npm rebuild argon2' });
    if (!argonBuilt()) throw new Error('argon2 has no built .node file after `npm rebuild argon2`');
    const bad = unloadable(['argon2'], cacheDir);
    if (bad.length) throw new Error(`argon2 built but does not load: ${bad.join('; ')}`);
  }

  // 3. lib/vscode production dependencies, then its native modules.
  if (!fs.existsSync(path.join(vscodeDir, 'node_modules', 'vscode-textmate'))) {
    say('lib/vscode: npm install --omit=dev --ignore-scripts ...');
    await sh('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: vscodeDir, label: 'npm install (lib/vscode)' });
  }
  const vsMods = path.join(vscodeDir, 'node_modules');
  const unbuilt = () => wanted.filter((m) => builtNodeFiles(path.join(vsMods, m)).length === 0);
  let todo = unbuilt();
  // Built for another Node ABI (Node was upgraded)? Then rebuild them all.
  if (!todo.length && unloadable(wanted, vscodeDir).length) todo = [...wanted];
  if (todo.length) {
    say(`lib/vscode: npm rebuild ${todo.join(' ')} ...`);
    // node-pty's post-install step fails at the very end although pty.node is built: check files.
    await sh('npm', ['rebuild', ...todo], { cwd: vscodeDir, allowFail: true, label: `npm rebuild ${todo.join(' ')}` });
    todo = unbuilt();
    if (todo.length) {
      // One at a time, to surface the real error of the one that failed.
      for (const m of todo) {
        const r = await sh('npm', ['rebuild', m], { cwd: vscodeDir, allowFail: true, label: `npm rebuild ${m}` });
        if (builtNodeFiles(path.join(vsMods, m)).length === 0) {
          const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-30).join('\n');
          throw new Error(`native module ${m} has no built .node file:\n${tail}`);
        }
      }
    }
  }
  const bad = unloadable(wanted, vscodeDir);
  if (bad.length) throw new Error(`native modules built but do not load:\n  ${bad.join('\n  ')}`);
  say(`native modules built and loadable: ${wanted.join(', ')}`);

  // 4. Debian's rg in place of @vscode/ripgrep's GitHub download.
  const rgTarget = path.join(vsMods, '@vscode', 'ripgrep', 'bin', 'rg');
  fs.mkdirSync(path.dirname(rgTarget), { recursive: true });
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep (rg) is not installed');
  fs.copyFileSync(rg, rgTarget);
  fs.chmodSync(rgTarget, 0o755);

  // 5. the links code-server's own post-install would create.
  symlinkForce('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  symlinkForce('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  symlinkForce('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));

  // 6. built-in extensions' production dependencies.
  const extDir = path.join(vscodeDir, 'extensions');
  if (!fs.existsSync(path.join(extDir, 'node_modules')) || !fs.existsSync(path.join(extDir, '.e2e-installed'))) {
    say('lib/vscode/extensions: npm install --omit=dev --ignore-scripts ...');
    await sh('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: extDir, label: 'npm install (built-in extensions)' });
    fs.writeFileSync(path.join(extDir, '.e2e-installed'), '');
  }

  // 7. sanity: the entry exists and node can load it far enough to print its version.
  const entry = path.join(codeServerDir, 'out', 'node', 'entry.js');
  const tmpHome = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-version-'));
  const v = await sh(process.execPath, [entry, '--version'], {
    cwd: cacheDir, allowFail: true, env: { HOME: tmpHome, XDG_CONFIG_HOME: path.join(tmpHome, '.config'), XDG_DATA_HOME: path.join(tmpHome, '.local') },
  });
  fs.rmSync(tmpHome, { recursive: true, force: true });
  if (v.status !== 0 || !v.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server --version failed (${v.status}): ${v.stdout}\n${v.stderr}`);
  }
  say(`code-server --version: ${v.stdout.split('\n').find((l) => l.includes(CODE_SERVER_VERSION))?.trim()}`);

  fs.writeFileSync(stampFile, `${new Date().toISOString()}\n`);
  say(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return codeServerDir;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  setup({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(err instanceof SetupError ? `[${P}] ${err.message}` : `[${P}] FAILED: ${err.stack || err.message}`);
    process.exit(1);
  });
}
