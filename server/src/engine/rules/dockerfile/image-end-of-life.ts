import type { BaseImage, Stage } from '../../dockerfile/model';
import { effectiveToday, isEndOfLife, lifecycleProduct, lineTitle, suggestLine, type Suggestion } from '../../images/end-of-life';
import { nameAndTag, tokenOffsets, versionedParts, type VersionedPart } from '../../images/image-versions';
import type { ImageReference } from '../../images/reference';
import type { Fix, Range } from '../../types';
import type { DockerfileRule } from '../rule';

interface Target {
  image: string;
  /** The edit that turns the written image into `image`, when the swap is mechanical. */
  edit?: { start: number; end: number; newText: string };
}

/** The image to move to, when it can be named: the same image with the suggested line in the version's place. */
function targetImage(reference: ImageReference, part: VersionedPart, suggestion: Suggestion): Target | undefined {
  if (suggestion.productId !== part.productId) return { image: `${suggestion.productId}:${suggestion.line.line}` };
  if (!part.token) return undefined;
  const text = nameAndTag(reference);
  const { start, end } = tokenOffsets(reference, part.token);
  const version = part.token.style === 'codename' && suggestion.line.codename ? suggestion.line.codename : suggestion.line.line;
  const newText = version + part.token.suffix;
  if (part.replaceable) return { image: text.slice(0, start) + newText + text.slice(end), edit: { start, end, newText } };
  // A variant that is not published for every line (e.g. Windows ones): name the plain tag instead.
  return part.token.in === 'tag' ? { image: text.slice(0, start) + version } : undefined;
}

/** For an expired base named by a pinned release: the same tag without the pin. */
function unpinnedImage(reference: ImageReference, part: VersionedPart): Target | undefined {
  if (part.role !== 'base' || part.token?.in !== 'tag' || !part.replaceable) return undefined;
  const text = nameAndTag(reference);
  const { start, end } = tokenOffsets(reference, part.token);
  return { image: text.slice(0, start) + part.token.suffix + text.slice(end), edit: { start, end, newText: part.token.suffix } };
}

function advice(reference: ImageReference, part: VersionedPart, suggestion: Suggestion | undefined): { text: string; target?: Target } {
  const unpinned = unpinnedImage(reference, part);
  if (unpinned) return { text: `move to \`${unpinned.image}\`, which follows the release the image is currently built on`, target: unpinned };
  if (!suggestion) return { text: lifecycleProduct(part.productId)?.advice ?? 'no supported line is known' };
  const { eol } = suggestion.line;
  const target = targetImage(reference, part, suggestion);
  if (target) return { text: `move to \`${target.image}\`${eol ? ` (supported until ${eol})` : ''}`, target };
  const title = lineTitle(suggestion.productId, suggestion.line);
  const until = eol ? `, supported until ${eol}` : '';
  // Whether the image is published on the newest release is not in the table: hedge.
  return { text: part.role === 'base' ? `use a variant built on a supported release such as ${title}${until}` : `move to ${title}${until}` };
}

function messageOf(reference: ImageReference, expired: VersionedPart[], adviceText: string): string {
  const [first, also] = expired;
  const title = lineTitle(first.productId, first.line);
  const image = nameAndTag(reference);
  const head =
    first.role === 'image'
      ? `\`${image}\` is ${title}, which reached end of life on ${first.line.eol}` +
        (also ? `, and its base ${lineTitle(also.productId, also.line)} did on ${also.line.eol}` : '')
      : `\`${image}\` is built on ${title}, which reached end of life on ${first.line.eol}`;
  return `${head}; ${adviceText}.`;
}

/** The tag when it is what names the expired line and is written literally; else the whole image. */
function findingRange(stage: Stage, part: VersionedPart): Range {
  const { base, from } = stage;
  const tagRange = from.getImageTagRange();
  return part.namedIn === 'tag' && tagRange && from.getImageTag() === base.reference?.tag ? tagRange : base.writtenRange;
}

function fixOf(base: BaseImage, target: Target | undefined): Fix[] {
  const edit = target?.edit;
  const range = base.writtenRange;
  // Only a literal, single-line, undigested image: a digest would keep pinning the old line.
  if (!edit || base.written !== base.resolved || base.reference?.digest || range.start.line !== range.end.line) return [];
  const at = (offset: number) => ({ line: range.start.line, character: range.start.character + offset });
  return [{ title: `Use ${target.image}`, edits: [{ range: { start: at(edit.start), end: at(edit.end) }, newText: edit.newText }], safety: 'unsafe' }];
}

export const imageEndOfLife: DockerfileRule = {
  meta: {
    id: 'image-end-of-life',
    defaultSeverity: 'warning',
    category: 'base-image',
    summary: 'The base image is on a release line past its end of life.',
    why:
      'Past end of life nobody publishes security fixes for the line any more: every vulnerability found from then on stays open in the image, and rebuilding does not help. Debian counts until the end of its LTS, Ubuntu until the end of standard support (ESM is paid), language runtimes and databases until their upstream end of life. The dates are data with sources (Debian\'s distro-info-data, the node-releases package, the projects\' release pages), generated by `npm run data:eol`. When both the runtime and the distribution under it are past end of life, the runtime is reported and the distribution mentioned; tags the table does not know are never guessed at.',
    example: 'FROM node:16-alpine\nFROM python:3.12-slim-bullseye',
    useInstead: 'FROM node:24-alpine\nFROM python:3.12-slim-trixie',
    fixSafety: 'unsafe',
    equivalents: [],
  },
  check({ model, config, report }) {
    const today = effectiveToday(config.today);
    for (const stage of model.stages) {
      const { reference } = stage.base;
      if (stage.base.stage || !reference) continue;
      const expired = versionedParts(reference).filter((part) => isEndOfLife(part.line, today));
      const first = expired[0];
      if (!first) continue;
      const { text, target } = advice(reference, first, suggestLine(first.productId, first.line, today));
      report({
        range: findingRange(stage, first),
        message: messageOf(reference, expired, text),
        fixes: fixOf(stage.base, target),
      });
    }
  },
};
