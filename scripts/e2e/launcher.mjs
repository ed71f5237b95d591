#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests would download
// (its host is not reachable here): it takes the same command line, runs the extension
// tests in code-server's Node extension host, driven by a headless Chromium, and exits with
// the suite's exit code. It always uses a fresh isolated instance, so the profile arguments
// (--user-data-dir, --extensions-dir) and other desktop-only flags are ignored.
// SHIPSHAPE_E2E_LOGS: a folder to copy code-server's and VS Code's logs into.
import { launchBrowser, startCodeServer } from './code-server.mjs';

const LIMIT_MS = 10 * 60_000;

const options = {};
const folders = [];
for (const arg of process.argv.slice(2)) {
  const match = /^--(extensionDevelopmentPath|extensionTestsPath)=(.*)$/.exec(arg);
  if (match) options[match[1]] = match[2];
  else if (!arg.startsWith('-')) folders.push(arg);
}
if (!options.extensionDevelopmentPath || !options.extensionTestsPath) {
  console.error('usage: launcher.mjs --extensionDevelopmentPath=<dir> --extensionTestsPath=<file> [folder]');
  process.exit(2);
}

// The smoke-test driver makes the workbench run the payload's extension tests and report
// through window.codeAutomationLog / window.codeAutomationExit.
const server = await startCodeServer({ args: ['--vscode-option', 'enable-smoke-test-driver'] });
const browser = await launchBrowser();
let code;
try {
  code = await new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error(`no result after ${LIMIT_MS / 60_000} minutes`)), LIMIT_MS).unref();
    browser.page.on('crash', () => reject(new Error('the browser page crashed')));
    Promise.all([
      // The workbench's log and the extension host's console (mocha's report) alike; a
      // message is the logged arguments (format string first).
      browser.page.exposeFunction('codeAutomationLog', (level, message) =>
        (level === 'error' ? console.error : console.log)(...[message].flat())),
      browser.page.exposeFunction('codeAutomationExit', (exitCode) => resolve(exitCode)),
    ]).then(() => {
      const remote = (path) => `vscode-remote://${server.host}${path}`;
      const payload = JSON.stringify([
        ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
        ['extensionTestsPath', remote(options.extensionTestsPath)],
      ]);
      const folder = folders[0] ? `folder=${encodeURIComponent(folders[0])}&` : '';
      return browser.page.goto(`${server.url}/?${folder}payload=${encodeURIComponent(payload)}`);
    }).catch(reject);
  });
} catch (error) {
  console.error(`[launcher] ${error.message}`);
  code = 1;
} finally {
  await browser.close();
  await server.stop(process.env.SHIPSHAPE_E2E_LOGS);
}
process.exit(code);
