#!/usr/bin/env node
// The importer: see `strategy-import --help`.
require('../dist/server/import.js').main();
