// The packaged extension: `npm run package` builds it from a staging copy; this suite builds one
// into a temporary folder and reads it back (a .vsix is a zip), checking what users get: the user
// README with images that VS Code's extension page can show, an icon, a changelog, minified bundles
// without source maps, sources or test hooks, at most 1 MB; and that the dev bundles were left alone.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { repoRoot } from './helpers';

/** Every file of a zip archive by name (central directory, then each local header's data). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a zip end-of-central-directory record');
  const files = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let index = zip.readUInt16LE(end + 10); index > 0; index--) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra;
  }
  return files;
}

describe('the packaged extension (.vsix)', function () {
  this.timeout(120_000);
  const folder = mkdtempSync(join(tmpdir(), 'postmortem-vsix-'));
  const vsix = join(folder, 'postmortem.vsix');
  let files: Map<string, Buffer>;
  let devBundleTimes: number[];
  const devBundles = ['client/out/extension.js', 'client/out/webview/preview.js', 'server/out/server.js'].map((file) => join(repoRoot, file));
  const text = (name: string) => files.get(`extension/${name}`)?.toString('utf8') ?? assert.fail(`${name} is not in the package`);

  before(() => {
    devBundleTimes = devBundles.map((file) => statSync(file).mtimeMs);
    execFileSync(process.execPath, [join(repoRoot, 'scripts/package.mjs'), '--out', vsix], { cwd: repoRoot, stdio: 'pipe' });
    files = unzip(readFileSync(vsix));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('weighs at most 1 MB', () => {
    assert.ok(statSync(vsix).size <= 1024 * 1024, `${statSync(vsix).size} bytes`);
  });

  it('holds the bundles, the manifest, the icon, README, CHANGELOG, LICENSE and SECURITY, and no sources or maps', () => {
    const names = [...files.keys()].filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
    for (const needed of ['package.json', 'client/out/extension.js', 'client/out/webview/preview.js', 'server/out/server.js', 'server/out/cli.js', 'media/icon.png', 'media/preview.css', 'readme.md', 'changelog.md', 'LICENSE.txt', 'SECURITY.md', 'schemas/postmortem.schema.json', 'l10n/bundle.l10n.ja.json', 'package.nls.ja.json']) {
      assert.ok(names.some((name) => name.toLowerCase() === needed.toLowerCase()), `${needed} is packaged: ${names.join(' ')}`);
    }
    const unwanted = names.filter((name) => /\.(map|ts|mjs|tsx)$|^(test|scripts|samples|node_modules|\.cache)\/|^src\/|\/src\//.test(name));
    assert.deepEqual(unwanted, []);
  });

  it('ships minified bundles without source map references or test hooks', () => {
    for (const bundle of ['client/out/extension.js', 'client/out/webview/preview.js', 'server/out/server.js']) {
      const source = text(bundle);
      assert.doesNotMatch(source, /sourceMappingURL/, bundle);
      // Minified: long lines (a readable bundle averages ~40 characters a line).
      assert.ok(source.length / source.split('\n').length > 1_000, `${bundle} is minified`);
    }
    assert.doesNotMatch(text('client/out/extension.js'), /_postmortem\.preview/, 'no probe commands in the packaged extension');
  });

  it('has a manifest with icon, keywords and honest workspace capabilities, and no build scripts', () => {
    const manifest = JSON.parse(text('package.json')) as Record<string, unknown> & { capabilities: { untrustedWorkspaces: { supported: unknown }; virtualWorkspaces: { supported: unknown; description?: string } } };
    assert.equal(manifest.icon, 'media/icon.png');
    const png = files.get('extension/media/icon.png') as Buffer;
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'a 128×128 icon');
    assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.includes('postmortem'));
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    const nls = JSON.parse(text('package.nls.json')) as Record<string, string>;
    assert.ok(nls[(manifest.capabilities.virtualWorkspaces.description ?? '').replace(/%/g, '')], 'the limitation is described');
    assert.equal(manifest.scripts, undefined);
    assert.equal(manifest.devDependencies, undefined);
  });

  it('has the user README: no development notes, every image inline (the only kind the extension page shows)', () => {
    const readme = text('readme.md');
    assert.ok(readme.startsWith('# Postmortem'), 'the README title');
    assert.equal(/npm ci|repo-only|## Development/.exec(readme)?.[0], undefined, 'no development notes');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1] ?? '');
    assert.ok(images.length >= 2, 'the screenshots are there');
    for (const image of images) {
      assert.match(image.slice(0, 30), /^data:image\/jpeg;base64,/);
      const bytes = Buffer.from(image.slice(image.indexOf(',') + 1), 'base64');
      assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff], 'a JPEG');
    }
    for (const heading of ['## Features', '## Settings', 'Postmortem: New Postmortem', 'postmortem.disclosureDeadlineDays']) assert.ok(readme.includes(heading), heading);
  });

  it('leaves the development bundles untouched', () => {
    assert.deepEqual(devBundles.map((file) => statSync(file).mtimeMs), devBundleTimes);
    assert.match(readFileSync(devBundles[0] as string, 'utf8'), /sourceMappingURL/, 'the dev bundle still has its map');
  });
});
