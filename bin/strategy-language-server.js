#!/usr/bin/env node
// The language server over LSP: `--stdio`, `--node-ipc` or `--socket=PORT`.
require('../dist/server/server.js').startServer();
