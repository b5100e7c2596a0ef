#!/usr/bin/env node
'use strict';
// The bundle is built by `npm run build`; this stub only starts it. Before a build there is no
// bundle and so no localizer: the one message this stub can print is here in both languages, and
// it exits 2 (usage / I/O), never 1, which means "errors found".
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'server', 'out', 'cli.js');
if (!existsSync(bundle)) {
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  process.stderr.write(
    /^ja(\b|[-_])/i.test(locale)
      ? 'postmortem-lint はまだビルドされていません。先に `npm run build` を実行してください。\n'
      : 'postmortem-lint is not built yet: run `npm run build` first.\n',
  );
  process.exitCode = 2;
} else {
  require(bundle).runCli();
}
