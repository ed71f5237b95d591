import { describeFsError, type CliIo } from './io';
import type { FoundFile } from './discovery';

const MAX_BYTES = 5 * 1024 * 1024;
const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

export type Source =
  | { kind: 'text'; text: string; bom: boolean; bytes: Uint8Array }
  /** Not a Dockerfile after all (binary, huge): a warning, not a failure. */
  | { kind: 'skipped'; reason: string }
  | { kind: 'unreadable'; reason: string };

export function readSource(file: FoundFile, io: CliIo): Source {
  let bytes: Uint8Array;
  try {
    if (io.fs.stat(file.absolutePath).size > MAX_BYTES) return { kind: 'skipped', reason: 'larger than 5 MB' };
    bytes = io.fs.readFile(file.absolutePath);
  } catch (error) {
    return { kind: 'unreadable', reason: describeFsError(error) };
  }
  if (bytes.includes(0)) return { kind: 'skipped', reason: 'binary file (contains NUL bytes)' };
  // Editors hide the BOM, so positions are counted without it, as the language server does.
  const bom = startsWith(bytes, UTF8_BOM);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom ? bytes.subarray(UTF8_BOM.length) : bytes);
  return { kind: 'text', text, bom, bytes };
}

/** The file as text, or after one warning saying why not, whether it was skipped or unreadable (exit 2). */
export function readTextSource(file: FoundFile, io: CliIo, warn: (message: string) => void): Extract<Source, { kind: 'text' }> | 'skipped' | 'unreadable' {
  const source = readSource(file, io);
  if (source.kind === 'text') return source;
  warn(`${source.kind === 'skipped' ? 'skipped' : 'cannot read'} ${file.displayPath}: ${source.reason}`);
  return source.kind;
}

export function encodeSource(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? concat(UTF8_BOM, body) : body;
}

/** Whether writing the decoded text back would reproduce the file (false for invalid UTF-8). */
export function roundTrips(source: Extract<Source, { kind: 'text' }>): boolean {
  const encoded = encodeSource(source.text, source.bom);
  return encoded.length === source.bytes.length && encoded.every((byte, i) => byte === source.bytes[i]);
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const result = new Uint8Array(a.length + b.length);
  result.set(a);
  result.set(b, a.length);
  return result;
}
