import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileState } from './workspace-edit';

function diskText(uri: string): string | undefined {
  try {
    return readFileSync(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}

/** Open documents from the client, everything else from disk (which is what the analysis read). */
export function fileState(documents: TextDocuments<TextDocument>): FileState {
  return {
    openVersion: (uri) => documents.get(uri)?.version,
    openMatchesDisk: (uri) => documents.get(uri)?.getText() === diskText(uri),
    exists: (uri) => uri.startsWith('file:') && existsSync(fileURLToPath(uri)),
  };
}
