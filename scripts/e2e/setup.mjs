#!/usr/bin/env node
// Idempotent install of a real VS Code (code-server@4.100.3) into .cache/code-server/,
// plus Debian's chromium/ripgrep/libkrb5-dev when missing. Safe to run repeatedly:
// a stamp file makes a second run instant.
//
// Why each step (this machine cannot download from GitHub and runs as root):
//  - code-server's install script refuses root and downloads from GitHub -> --ignore-scripts;
//  - so we redo its post-install by hand: argon2, lib/vscode's production deps and native
//    modules, Debian's rg in place of @vscode/ripgrep's download, the links, built-in extensions.
import { spawnSync } from 'node:child_process';
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

const NATIVE_MODULES = ['@parcel/watcher', '@vscode/spdlog', '@vscode/deviceid', 'kerberos', 'native-watchdog', 'node-pty'];

function sh(cmd, args, opts = {}) {
  const { cwd = repoRoot, allowFail = false, quiet = true, env } = opts;
  const t0 = Date.now();
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
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
  const haveKrb = spawnSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' }).status === 0;
  return { chromium: fs.existsSync(CHROMIUM), rg: which('rg'), krb: haveKrb };
}

function ensureDebianPackages() {
  const have = debianPackagesPresent();
  if (have.chromium && have.rg && have.krb) {
    say(`system packages present: ${CHROMIUM}, ${have.rg}, libkrb5-dev`);
    return;
  }
  const missing = [!have.chromium && 'chromium', !have.rg && 'ripgrep', !have.krb && 'libkrb5-dev'].filter(Boolean);
  say(`installing Debian packages (missing: ${missing.join(', ')}): apt-get update && apt-get install -y chromium ripgrep libkrb5-dev`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  sh('apt-get', ['update'], { env });
  sh('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'ripgrep', 'libkrb5-dev'], { env });
  const after = debianPackagesPresent();
  if (!after.chromium || !after.rg || !after.krb) {
    throw new Error(`apt-get finished but still missing: ${JSON.stringify(after)}`);
  }
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
  if (!opts.force && fs.existsSync(stampFile) && fs.existsSync(CHROMIUM) && which('rg')) {
    say(`code-server ${CODE_SERVER_VERSION} ready (cached in ${path.relative(repoRoot, cacheDir)}) — ${Date.now() - t0} ms`);
    return codeServerDir;
  }
  say(`setting up code-server ${CODE_SERVER_VERSION} in ${path.relative(repoRoot, cacheDir)}/`);
  ensureDebianPackages();
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
    sh('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact'], { cwd: cacheDir });
  } else {
    say(`code-server ${CODE_SERVER_VERSION} package already installed`);
  }

  // 2. argon2 (code-server's password hashing; loaded at start even with --auth none).
  const argon2Dir = path.join(cacheDir, 'node_modules', 'argon2');
  // node-pre-gyp puts it in lib/binding/napi-v3/argon2.node.
  const argonBuilt = () => findNodeFiles(path.join(argon2Dir, 'lib', 'binding')).length > 0;
  if (!argonBuilt() || unloadable(['argon2'], cacheDir).length) {
    say('npm rebuild argon2 ...');
    sh('npm', ['rebuild', 'argon2'], { cwd: cacheDir, allowFail: true });
    if (!argonBuilt()) throw new Error('argon2 has no built .node file after `npm rebuild argon2`');
    const bad = unloadable(['argon2'], cacheDir);
    if (bad.length) throw new Error(`argon2 built but does not load: ${bad.join('; ')}`);
  }

  // 3. lib/vscode production dependencies, then its native modules.
  if (!fs.existsSync(path.join(vscodeDir, 'node_modules', 'vscode-textmate'))) {
    say('lib/vscode: npm install --omit=dev --ignore-scripts ...');
    sh('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: vscodeDir });
  }
  const vsMods = path.join(vscodeDir, 'node_modules');
  const unbuilt = () => NATIVE_MODULES.filter((m) => builtNodeFiles(path.join(vsMods, m)).length === 0);
  let todo = unbuilt();
  // Built for another Node ABI (Node was upgraded)? Then rebuild them all.
  if (!todo.length && unloadable(NATIVE_MODULES, vscodeDir).length) todo = [...NATIVE_MODULES];
  if (todo.length) {
    say(`lib/vscode: npm rebuild ${todo.join(' ')} ...`);
    // node-pty's post-install step fails at the very end although pty.node is built: check files.
    sh('npm', ['rebuild', ...todo], { cwd: vscodeDir, allowFail: true });
    todo = unbuilt();
    if (todo.length) {
      // One at a time, to surface the real error of the one that failed.
      for (const m of todo) {
        const r = sh('npm', ['rebuild', m], { cwd: vscodeDir, allowFail: true });
        if (builtNodeFiles(path.join(vsMods, m)).length === 0) {
          const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-30).join('\n');
          throw new Error(`native module ${m} has no built .node file:\n${tail}`);
        }
      }
    }
  }
  const bad = unloadable(NATIVE_MODULES, vscodeDir);
  if (bad.length) throw new Error(`native modules built but do not load:\n  ${bad.join('\n  ')}`);
  say(`native modules built and loadable: ${NATIVE_MODULES.join(', ')}`);

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
    sh('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: extDir });
    fs.writeFileSync(path.join(extDir, '.e2e-installed'), '');
  }

  // 7. sanity: the entry exists and node can load it far enough to print its version.
  const entry = path.join(codeServerDir, 'out', 'node', 'entry.js');
  const tmpHome = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-version-'));
  const v = sh(process.execPath, [entry, '--version'], {
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
    console.error(`[${P}] FAILED: ${err.stack || err.message}`);
    process.exit(1);
  });
}
