// The layer fence in eslint.config.mjs, run through ESLint's Node API on small snippets placed at
// paths inside each layer (the files need not exist: the rules read only the path and the text).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { repoRoot } from './helpers';

// The snippets are in no TypeScript program, so the type-aware rules (which need one) are off here.
const eslint = new ESLint({ cwd: repoRoot, overrideConfig: tseslint.configs.disableTypeChecked });

/** The rule ids ESLint reports for `code` as if it were the file at `path` (from the repository root). */
async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = value;\n`, { filePath: join(repoRoot, path) });
  assert.ok(result, 'ESLint linted the snippet');
  const fatal = result.messages.find((message) => message.fatal);
  assert.equal(fatal, undefined, `the snippet parses: ${fatal?.message}`);
  return result.messages.map((message) => message.ruleId ?? '');
}

const fails = async (path: string, code: string) => assert.ok((await problems(path, code)).some((rule) => rule === 'layers/fence' || rule === 'no-restricted-imports'), `${path}: ${code} should fail the fence`);
const passes = async (path: string, code: string) => assert.deepEqual(await problems(path, code), [], `${path}: ${code} should pass`);

describe('layer fence (ESLint)', function () {
  // Loading the configuration and typescript-eslint takes a moment on a cold start.
  this.timeout(30_000);

  it('lets the client import the contracts, a file or its folder, and nothing else of the server', async () => {
    await passes('client/src/fence.ts', "import { value } from '../../server/src/contracts';");
    await passes('client/src/preview/fence.ts', "import { value } from '../../../server/src/contracts/settings';");
    await fails('client/src/fence.ts', "import { value } from '../../server/src/service';");
    await fails('client/src/preview/fence.ts', "import { value } from '../../../server/src/service/';");
    await fails('client/src/fence.ts', "import { value } from '../../server/src/service/time';");
    await fails('client/src/fence.ts', "export { value } from '../../server/src/server/main';");
    await fails('client/src/fence.ts', "const { value } = await import('../../server/src/cli/main');");
    await fails('client/src/fence.ts', "import { value } from 'yaml';");
  });

  it('keeps the webview away from the service and vscode', async () => {
    await passes('client/webview/fence.ts', "import { value } from '../shared/messages';");
    await passes('client/webview/fence.ts', "import { value } from '../../server/src/contracts/vocabulary';");
    await fails('client/webview/fence.ts', "import { value } from '../src/preview/panel';");
    await fails('client/webview/fence.ts', "import { value } from '../src/extension';");
    await fails('client/webview/fence.ts', "import { value } from '../../server/src/service';");
    await fails('client/webview/fence.ts', "import type { value } from '../../server/src/service/index';");
    await fails('client/webview/fence.ts', "import { value } from 'vscode';");
  });

  it('lets the code shared by the extension host and the webview import only itself and the contracts', async () => {
    await passes('client/shared/fence.ts', "import { value } from './guard';");
    await passes('client/shared/fence.ts', "import type { value } from '../../server/src/contracts';");
    await passes('client/src/preview/fence.ts', "import { value } from '../../shared/validate';");
    await fails('client/shared/fence.ts', "import { value } from '../src/preview/panel';");
    await fails('client/shared/fence.ts', "import { value } from '../webview/dom';");
    await fails('client/shared/fence.ts', "import { value } from '../../server/src/service';");
    await fails('client/shared/fence.ts', "import { value } from 'vscode';");
  });

  it('keeps the service free of the LSP connection, Node I/O and the layers above it', async () => {
    await passes('server/src/service/features/fence.ts', "import { value } from '../model/facts';");
    await passes('server/src/service/fence.ts', "import { value } from 'vscode-languageserver-types';");
    await fails('server/src/service/fence.ts', "import { value } from 'vscode-languageserver';");
    await fails('server/src/service/fence.ts', "import { value } from 'vscode-languageserver/node';");
    await fails('server/src/service/fence.ts', "import { value } from 'node:fs';");
    await fails('server/src/service/fence.ts', "import { value } from 'fs/promises';");
    await fails('server/src/service/fence.ts', "import { value } from '../server/connection';");
    await fails('server/src/service/features/fence.ts', "import { value } from '../../server';");
    await fails('server/src/service/fence.ts', "import { value } from '../cli/options';");
  });

  it('lets the service import the contracts, and the contracts nothing of the repository', async () => {
    await passes('server/src/service/fence.ts', "import { value } from '../contracts';");
    await passes('server/src/service/features/timeline/fence.ts', "import type { value } from '../../../contracts/model';");
    await passes('server/src/contracts/fence.ts', "import { value } from './settings';");
    await passes('server/src/contracts/fence.ts', "import { value } from 'vscode-languageserver-protocol';");
    await fails('server/src/contracts/fence.ts', "import { value } from '../service';");
    await fails('server/src/contracts/fence.ts', "import type { value } from '../service/features/timeline/model';");
    await fails('server/src/contracts/fence.ts', "import { value } from '../server/main';");
    await fails('server/src/contracts/fence.ts', "import { value } from '../../../client/src/extension';");
    await fails('server/src/contracts/fence.ts', "import { value } from '../../../schemas/postmortem.schema.json';");
  });

  it('lets the server and the command line use the service, and a dev tool outside shipped code', async () => {
    await passes('server/src/server/fence.ts', "import { value } from '../service';");
    await passes('server/src/cli/fence.ts', "import { value } from '../service/time';");
    await fails('server/src/server/fence.ts', "import { value } from '../../../client/src/extension';");
    await passes('scripts/preview-harness/fence.ts', "import { value } from '../../server/src/service';");
  });
});
