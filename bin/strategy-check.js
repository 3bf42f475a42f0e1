#!/usr/bin/env node
// The command-line checker: see `strategy-check --help`.
require('../dist/server/cli.js').main();
