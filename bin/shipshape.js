#!/usr/bin/env node
'use strict';
const { main, processIo } = require('../dist/cli.js');

// `pin` answers with a promise (it talks to registries); `check` with a number.
Promise.resolve(main(process.argv.slice(2), processIo())).then((code) => {
  process.exitCode = code;
});
