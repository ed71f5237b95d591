#!/usr/bin/env node
'use strict';
const { main, processIo } = require('../dist/cli.js');

process.exitCode = main(process.argv.slice(2), processIo());
