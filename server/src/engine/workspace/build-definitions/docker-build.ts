/**
 * `docker build`, `docker buildx build`, `docker image build` and `podman build` commands of
 * a shell script, read with the project's shell model: `-t/--tag` names the image, the
 * context operand and `-f/--file` are relative to the folder the command runs in, `--target`
 * picks the stage. The folder follows literal `cd`s (and the `cd "$(dirname "$0")"` idiom);
 * after a `cd` it cannot follow, relative paths are not guessed.
 */
import { describeCommand, parseShell, type CommandDescription, type ShellFlag, type ShellWord } from '../../shell';
import type { LineIndex } from '../../text/document';
import type { FileLocation, ImageBuildLink, LinkSource } from '../types';
import { imageBeforeUnknownTag, namedImage } from './image-names';
import { resolveInside } from '../paths';

/** Where a script's text comes from, so links point into the file that holds it. */
export interface ScriptOrigin {
  /** Workspace-relative file. */
  file: string;
  lines: LineIndex;
  /** File offsets of the script range [start, end). */
  fileRange(start: number, end: number): [number, number];
  /** Workspace-relative folder of the script itself, for `cd "$(dirname "$0")"`. */
  scriptFolder: string;
}

const CONTAINER_TOOLS = new Set(['docker', 'podman']);
// `docker buildx build`, `docker image build`, `docker builder build`; `b` is buildx's alias.
const BUILD_GROUPS = new Set(['buildx', 'image', 'builder']);

/** `$(dirname "$0")` or `${BASH_SOURCE[0]}`'s folder, optionally followed by a literal path. */
const SCRIPT_FOLDER = /^"?\$\(\s*dirname\s+"?\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\}|BASH_SOURCE)"?\s*\)((?:\/[\w.-]*)*)"?$/;
const REPOSITORY_ROOT = /^"?\$\(\s*git\s+rev-parse\s+--show-toplevel\s*\)"?$/;

/** The builds of a script that starts in `startFolder` (workspace-relative; undefined when unknown). */
export function dockerBuildLinks(script: string, startFolder: string | undefined, origin: ScriptOrigin, source: LinkSource = 'script'): ImageBuildLink[] {
  const links: ImageBuildLink[] = [];
  // The folder after each `cd`, by the nesting depth it was made at: a `cd` in a subshell ends with it.
  const folders: { depth: number; folder: string | undefined }[] = [{ depth: 0, folder: startFolder }];
  for (const command of parseShell(script).commands) {
    if (command.approximate) continue;
    const depth = command.nesting.length;
    while (folders.length > 1 && folders[folders.length - 1].depth > depth) folders.pop();
    const folder = folders[folders.length - 1].folder;
    const description = describeCommand(command);
    if (!description) continue;
    if (description.tool === 'cd' || description.tool === 'pushd') {
      folders.push({ depth, folder: cdTarget(description, folder, origin.scriptFolder) });
    } else if (description.tool === 'popd') {
      folders.push({ depth, folder: undefined });
    } else {
      links.push(...buildLinks(description, folder, origin, source));
    }
  }
  return links;
}

function cdTarget(description: CommandDescription, folder: string | undefined, scriptFolder: string): string | undefined {
  const operand = description.operands[0];
  if (!operand || description.operands.length > 1) return undefined;
  if (operand.value !== undefined) return operand.value === '-' || folder === undefined ? undefined : resolveInside(folder, operand.value);
  const fromScript = SCRIPT_FOLDER.exec(operand.raw);
  if (fromScript) return resolveInside(scriptFolder, `.${fromScript[1]}`);
  return REPOSITORY_ROOT.test(operand.raw) ? '.' : undefined;
}

function buildLinks(description: CommandDescription, folder: string | undefined, origin: ScriptOrigin, source: LinkSource): ImageBuildLink[] {
  const operands = buildOperands(description);
  const contextWord = operands?.[0];
  if (!contextWord?.value || folder === undefined || contextWord.value === '-') return [];
  const context = resolveInside(folder, contextWord.value);
  const file = description.flags.get('-f');
  if (!context || (file && (file.value === undefined || file.value === '-'))) return [];
  const dockerfile = file?.value ? resolveInside(folder, file.value) : resolveInside(context, 'Dockerfile');
  if (!dockerfile) return [];
  const target = description.flags.get('--target')?.value;
  const links = new Map<string, ImageBuildLink>();
  for (const flag of description.allFlags) {
    const tag = flag.name === '-t' ? tagValue(flag) : undefined;
    const named = tag && (tag.known !== undefined ? namedImage(tag.known) : tag.prefix !== undefined ? imageBeforeUnknownTag(tag.prefix) : undefined);
    if (!tag || !named) continue;
    const link = links.get(named.image);
    if (link) {
      if (named.tag) (link.tags ??= []).push(named.tag);
      continue;
    }
    const [start, end] = origin.fileRange(tag.start, tag.end);
    const location: FileLocation = { file: origin.file, range: { start: origin.lines.positionAt(start), end: origin.lines.positionAt(end) } };
    links.set(named.image, { image: named.image, ...(named.tag && { tags: [named.tag] }), dockerfile, context, ...(target && { target }), source, location });
  }
  return [...links.values()];
}

function buildOperands(description: CommandDescription): ShellWord[] | undefined {
  if (!CONTAINER_TOOLS.has(description.tool)) return undefined;
  const subcommand = description.subcommand?.name;
  if (subcommand === 'build') return description.operands;
  const group = subcommand && BUILD_GROUPS.has(subcommand) ? description.operands[0]?.value : undefined;
  return group === 'build' || (subcommand === 'buildx' && group === 'b') ? description.operands.slice(1) : undefined;
}

/**
 * The text of a `-t` value and where it is in the script: the next word, or the rest of the
 * option's own word (`--tag=x`, `-tx`). `prefix` is the literal start of a value built from
 * a variable (`ghcr.io/acme/cart:` of `ghcr.io/acme/cart:$TAG`).
 */
function tagValue(flag: ShellFlag): { known?: string; prefix?: string; start: number; end: number } | undefined {
  const word = flag.valueWord;
  if (!word) return undefined;
  if (word !== flag.word) return { known: word.value, prefix: word.literalPrefix, start: word.start, end: word.end };
  const optionLength = flag.written.length + (word.raw.startsWith(`${flag.written}=`) ? 1 : 0);
  return { known: flag.value, prefix: word.literalPrefix?.slice(optionLength), start: word.start + optionLength, end: word.end };
}
