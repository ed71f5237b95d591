import * as fs from 'node:fs';

interface OutputStream {
  write(text: string): void;
  /** Colours only make sense on a terminal. */
  isTTY?: boolean;
}

interface DirectoryEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/** The file-system calls the CLI makes; the engine itself does no I/O. */
export interface CliFileSystem {
  stat(path: string): { isFile(): boolean; isDirectory(): boolean; size: number };
  readDirectory(path: string): DirectoryEntry[];
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
}

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  fs: CliFileSystem;
}

export const nodeFileSystem: CliFileSystem = {
  stat: (path) => fs.statSync(path),
  readDirectory: (path) => fs.readdirSync(path, { withFileTypes: true }),
  readFile: (path) => fs.readFileSync(path),
  writeFile: (path, data) => fs.writeFileSync(path, data),
};

export function processIo(): CliIo {
  // `shipshape check | head` closes the pipe early: stop quietly with the exit code already
  // decided, rather than crash with a stack trace. Any other broken stream is an I/O failure.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? process.exitCode : 2));
  }
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: { write: (text) => process.stdout.write(text), isTTY: process.stdout.isTTY },
    stderr: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY },
    fs: nodeFileSystem,
  };
}

/** A failure that ends the run with exit code 2 and one line on stderr. */
export class CliError extends Error {}

/** "permission denied" out of Node's "EACCES: permission denied, open '/abs/path'". */
export function describeFsError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /^[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message;
}
