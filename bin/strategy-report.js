#!/usr/bin/env node
// The report writer: see `strategy-report --help`.
require('../dist/server/report.js').main();
