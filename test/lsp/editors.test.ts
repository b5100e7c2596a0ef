import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareWithExpectations, readExpectations } from '../common/markers';
import { serverPath, TestClient } from './lspClient';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const brokenPath = join(root, 'samples', 'broken.postmortem.yaml');
const brokenText = readFileSync(brokenPath, 'utf8');
const schemaPath = join(root, 'schemas', 'postmortem.schema.json');
const README_SERVER_PATH = '/path/to/postmortem-language/server/out/server.js';

/**
 * A copy of samples/ outside the repository, opened as an editor opens a project: the folder is the
 * workspace root, so the server finds its postmortem.config.yaml (which some broken-sample markers need).
 */
function samplesProject(): { dir: string; broken: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pm-editor-project-'));
  cpSync(join(root, 'samples'), dir, { recursive: true });
  return { dir, broken: join(dir, 'broken.postmortem.yaml') };
}

/** The fenced blocks of one language in the README section that starts with `heading`. */
function readmeBlocks(heading: string, language: string): string[] {
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has ${heading}`);
  const section = readme.slice(start + heading.length + 2).split(/\n#{2,3} /)[0] ?? '';
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1] as string);
}

describe('other editors', function () {
  this.timeout(60_000);

  it("Neovim, headless, with the README's vim.lsp.start configuration shows the broken sample's diagnostics", () => {
    // CI installs the Debian package `neovim`; a machine without it fails here rather than skipping.
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, 'nvim is not installed (apt-get install neovim)');
    const [config, lspconfigStyle] = readmeBlocks('### Neovim', 'lua');
    assert.ok(config?.includes('vim.lsp.start(') && lspconfigStyle?.includes("require('lspconfig')"));
    assert.ok(config, 'the README has a Neovim block');
    const dir = mkdtempSync(join(tmpdir(), 'pm-nvim-'));
    const output = join(dir, 'diagnostics.json');
    const init = [
      // Debian 12 ships Neovim 0.7, which predates vim.lsp.start (0.8): its simplest form, for the test.
      'if vim.lsp.start == nil then',
      '  vim.lsp.start = function(config)',
      '    local id = vim.lsp.start_client(config)',
      '    vim.lsp.buf_attach_client(0, id)',
      '    return id',
      '  end',
      'end',
      config.replace(README_SERVER_PATH, serverPath),
      // The lspconfig-style block needs the plugin: here it is only compiled, not run.
      `assert(loadstring(${JSON.stringify(lspconfigStyle)}))`,
      'function PostmortemDump(path)',
      '  local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)',
      '  local out = {}',
      '  for _, d in ipairs(vim.diagnostic.get(0)) do',
      '    local lsp = (d.user_data or {}).lsp or {}',
      '    table.insert(out, { line = d.lnum, col = d.col, code = d.code or lsp.code, severity = d.severity, message = d.message })',
      '  end',
      '  vim.fn.writefile({ vim.fn.json_encode({ ok = ok, clients = #vim.lsp.get_active_clients(), diagnostics = out }) }, path)',
      "  vim.cmd('qa!')",
      'end',
    ].join('\n');
    writeFileSync(join(dir, 'init.lua'), init);
    const project = samplesProject();
    const result = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '--noplugin', '-u', join(dir, 'init.lua'), project.broken, '-c', `lua PostmortemDump(${JSON.stringify(output)})`], {
      cwd: project.dir,
      encoding: 'utf8',
      timeout: 45_000,
      env: { ...process.env, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, XDG_STATE_HOME: dir },
    });
    assert.equal(result.status, 0, `nvim: ${result.stderr}${result.stdout}`);
    const dumped = JSON.parse(readFileSync(output, 'utf8')) as { ok: boolean; clients: number; diagnostics: { line: number; col: number; code: string; message: string }[] };
    assert.equal(dumped.clients, 1);
    assert.ok(dumped.ok, 'diagnostics arrived');
    const { missing, unexpected } = compareWithExpectations(readExpectations(brokenText), dumped.diagnostics);
    assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] });
    const periodOrder = dumped.diagnostics.find((diagnostic) => diagnostic.code === 'period-order');
    assert.deepEqual([periodOrder?.line, periodOrder?.col], [16, 9]);
  });

  it("Emacs, batch, with the README's eglot configuration shows the broken sample's diagnostics", () => {
    // CI installs the Debian packages emacs-nox, elpa-eglot and elpa-yaml-mode; without them this fails.
    assert.equal(spawnSync('emacs', ['--version'], { encoding: 'utf8' }).status, 0, 'emacs is not installed (apt-get install emacs-nox elpa-eglot elpa-yaml-mode)');
    const [config] = readmeBlocks('### Emacs (eglot)', 'elisp');
    assert.ok(config?.includes('eglot-server-programs'));
    assert.ok(config, 'the README has an eglot block');
    const dir = mkdtempSync(join(tmpdir(), 'pm-emacs-'));
    // Debian's elpa-* packages are activated by package-initialize; in batch mode no command loop
    // runs, so the post-command hook that eglot-ensure waits for is run by hand.
    writeFileSync(join(dir, 'init.el'), `(package-initialize)\n${config.replace(README_SERVER_PATH, serverPath)}`);
    const run = [
      '(find-file (car command-line-args-left))',
      '(setq command-line-args-left nil)',
      '(run-hooks (quote post-command-hook))',
      '(with-timeout (30 (princ "timeout\\n") (kill-emacs 3))',
      '  (while (not (flymake-diagnostics)) (accept-process-output nil 0.05)))',
      '(princ (format "mode %s\\n" major-mode))',
      '(dolist (d (flymake-diagnostics))',
      '  (princ (format "diagnostic %d %s\\n" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d))))',
      '(kill-emacs 0)',
    ].join('\n');
    writeFileSync(join(dir, 'run.el'), run);
    const project = samplesProject();
    const result = spawnSync('emacs', ['--batch', '-l', join(dir, 'init.el'), '-l', join(dir, 'run.el'), project.broken], { cwd: project.dir, encoding: 'utf8', timeout: 45_000, env: { ...process.env, HOME: dir } });
    assert.equal(result.status, 0, `emacs: ${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /^mode postmortem-mode$/m);
    const diagnostics = [...result.stdout.matchAll(/^diagnostic (\d+) postmortem \[([a-z0-9-]+)\]: /gm)].map((match) => ({ line: Number(match[1]) - 1, code: match[2] }));
    const { missing, unexpected } = compareWithExpectations(readExpectations(brokenText), diagnostics);
    assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] });
  });

  describe('the schema alone, in yaml-language-server', () => {
    const peerArgs = [join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'];
    async function yamlServer(schemas: Record<string, string[]>) {
      const yaml = { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas };
      const client = new TestClient({ serverArgs: peerArgs, settings: (section) => (section === 'yaml' ? yaml : section?.startsWith('yaml.') ? (yaml as Record<string, unknown>)[section.slice(5)] : {}) });
      await client.initialize();
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml } });
      return client;
    }
    const schemaCodes = (diagnostics: { message: string }[]) => diagnostics.map((diagnostic) => diagnostic.message).join('\n');

    it('validates against the schema through a `# yaml-language-server: $schema=` line (a relative path)', async () => {
      const client = await yamlServer({});
      try {
        const uri = pathToFileURL(join(root, 'samples', 'modeline-test.postmortem.yaml')).href;
        const modeline = `# yaml-language-server: $schema=${relative(join(root, 'samples'), schemaPath)}\n`;
        client.open(uri, modeline + brokenText, 'yaml');
        const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0, 30_000);
        const messages = schemaCodes(published.diagnostics);
        assert.match(messages, /sumary/, 'the misspelt key is reported');
        assert.match(messages, /detect/, 'the bad enum value is reported');
        const clean = pathToFileURL(join(root, 'samples', 'modeline-clean.postmortem.yaml')).href;
        client.open(clean, modeline + readFileSync(join(root, 'samples', 'face2face-videos.postmortem.yaml'), 'utf8'), 'yaml');
        const cleanPublished = await client.waitForDiagnostics(clean, () => true, 30_000);
        assert.deepEqual(cleanPublished.diagnostics.filter((diagnostic) => diagnostic.severity === 1), [], 'a valid sample has no schema errors');
      } finally {
        await client.shutdown();
      }
    });

    it("the catalog entry's fileMatch picks postmortems by name and nothing else", async () => {
      const catalog = JSON.parse(readFileSync(join(root, 'schemas', 'catalog.json'), 'utf8')) as { schemas: { fileMatch: string[]; url: string }[] };
      const [entry] = catalog.schemas;
      assert.deepEqual(entry?.fileMatch, ['*.postmortem.yaml', '*.postmortem.yml']);
      assert.equal(entry?.url, (JSON.parse(readFileSync(schemaPath, 'utf8')) as { $id: string }).$id, 'the catalog points at the schema’s own $id');
      // No network: the same fileMatch, mapped to the local copy of the schema.
      const client = await yamlServer({ [pathToFileURL(schemaPath).href]: entry.fileMatch });
      try {
        const named = pathToFileURL(join(root, 'samples', 'catalog-test.postmortem.yml')).href;
        const other = pathToFileURL(join(root, 'samples', 'catalog-test.yaml')).href;
        client.open(named, brokenText, 'yaml');
        client.open(other, brokenText, 'yaml');
        assert.match(schemaCodes((await client.waitForDiagnostics(named, (params) => params.diagnostics.length > 0, 30_000)).diagnostics), /sumary/);
        const otherDiagnostics = (await client.waitForDiagnostics(other, () => true, 30_000)).diagnostics;
        assert.doesNotMatch(schemaCodes(otherDiagnostics), /sumary/, 'a YAML file with another name gets no postmortem schema');
      } finally {
        await client.shutdown();
      }
    });
  });
});
