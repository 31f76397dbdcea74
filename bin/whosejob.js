#!/usr/bin/env node
'use strict';
// Thin launcher so the "bin" entry works from a checkout and from an installed package alike.
require('../dist/cli/main.js').main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // A bug, not a user error: user errors are turned into exit codes inside main().
    process.stderr.write(`whosejob: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  },
);
