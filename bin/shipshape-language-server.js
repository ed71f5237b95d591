#!/usr/bin/env node
'use strict';
// Editors often start a language server without naming a transport; the server picks its
// transport from argv, so default to stdio unless one was given.
if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(arg))) process.argv.push('--stdio');
require('../dist/server.js');
