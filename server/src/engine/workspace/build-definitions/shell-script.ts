/**
 * Shell scripts that build images (`scripts/build.sh`). They are usually run from the
 * repository root (`./scripts/build.sh`), so that is where relative paths start, unless the
 * script moves with `cd` first.
 */
import { LineIndex } from '../../text/document';
import type { ImageBuildLink } from '../types';
import { dockerBuildLinks } from './docker-build';
import { folderOf } from '../paths';

export function readShellScript(path: string, text: string): ImageBuildLink[] {
  const lines = new LineIndex(text);
  return dockerBuildLinks(text, '.', { file: path, lines, fileRange: (start, end) => [start, end], scriptFolder: folderOf(path) });
}
