#!/usr/bin/env node
'use strict';
// The bundle is built by `npm run build`; this stub only starts it.
require('../server/out/cli.js').runCli();
