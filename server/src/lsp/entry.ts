/**
 * dist/server.js: the language server on the main thread, and the same bundle loaded on a
 * worker thread serves analyses (analysis-pool.ts starts those threads from this file).
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import { serveAnalyses } from './analysis-worker';

// Required, not imported: main.ts starts the connection as it loads, which a thread must not.
if (isMainThread) require('./main');
else if (parentPort) serveAnalyses(parentPort);
