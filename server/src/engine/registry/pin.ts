import { buildDockerfileModel, type DockerfileModel } from '../dockerfile/model';
import { copyFromFlag, copySource } from '../dockerfile/stages';
import { buildKubernetesModel } from '../kubernetes/model';
import { containerImages } from '../rules/kubernetes/support/images';
import type { DocumentKind, Range, TextEdit } from '../types';
import { parseImageReference } from '../images/reference';
import { normalizeReference, type NormalizedReference } from './reference';

/** An image reference in the text that pinning can rewrite. */
export interface PinTarget {
  /** The image text to replace: in FROM, in COPY --from, or the default of the ARG a FROM is built from. */
  range: Range;
  written: string;
  reference: NormalizedReference;
}

/** An image left alone, and why (ARG without a default, invalid name, digest without a tag…). */
export interface PinSkip {
  range: Range;
  message: string;
}

export interface PinPlan {
  targets: PinTarget[];
  skipped: PinSkip[];
}

const SINGLE_VARIABLE = /^\$(?:\{(\w+)\}|(\w+))$/;

/**
 * The images of a Dockerfile (or of a Kubernetes YAML file's containers) that pinning would resolve: each FROM and COPY --from naming an
 * image (not a stage, not scratch), once per written place. Already pinned ones only with
 * `update` (the tag is resolved again). A FROM that is exactly one ARG is pinned in that
 * ARG's default, so `--build-arg` still replaces the whole image; any other use of variables
 * is skipped, as the digest would silently override whatever the build passes.
 */
export function planPins(text: string, options: { update?: boolean; kind?: DocumentKind } = {}): PinPlan {
  if (options.kind === 'kubernetes') return planManifestPins(text, options);
  const model = buildDockerfileModel(text);
  const plan: PinPlan = { targets: [], skipped: [] };
  for (const stage of model.stages) {
    const base = stage.base;
    // A stage or scratch leaves nothing to pin in the FROM; its COPY --from images still count.
    const isImage = !base.stage && !base.isScratch;
    if (isImage && base.written.includes('$')) planVariableFrom(model, base.written, base.writtenRange, plan, options);
    else if (isImage) consider(base.written, base.writtenRange, plan, options);
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() !== 'COPY') continue;
      const flag = copyFromFlag(instruction);
      const value = flag?.getValue();
      const range = flag?.getValueRange();
      if (!value || !range || copySource(model, value)) continue;
      if (value.includes('$')) plan.skipped.push({ range, message: `COPY --from=${value} is built from build arguments; pin the image where the argument is set` });
      else consider(value, range, plan, options);
    }
  }
  return plan;
}

/**
 * Each container's `image:` in the manifests of a YAML file. A quoted value keeps its quotes:
 * only the text between them is replaced.
 */
function planManifestPins(text: string, options: { update?: boolean }): PinPlan {
  const plan: PinPlan = { targets: [], skipped: [] };
  const model = buildKubernetesModel(text);
  for (const image of containerImages(model)) {
    const written = text.slice(model.lines.offsetAt(image.range.start), model.lines.offsetAt(image.range.end));
    const quoted = written.length === image.text.length + 2 && /^(["']).*\1$/.test(written) && written.slice(1, -1) === image.text;
    if (written !== image.text && !quoted) {
      plan.skipped.push({ range: image.range, message: `the image ${image.text} is written with escapes or folding; pin it by hand` });
      continue;
    }
    const range = quoted ? { start: { ...image.range.start, character: image.range.start.character + 1 }, end: { ...image.range.end, character: image.range.end.character - 1 } } : image.range;
    consider(image.text, range, plan, options);
  }
  return plan;
}

function planVariableFrom(model: DockerfileModel, written: string, range: Range, plan: PinPlan, options: { update?: boolean }): void {
  const name = SINGLE_VARIABLE.exec(written)?.slice(1).find(Boolean);
  const property = name === undefined ? undefined : [...model.ast.getInitialARGs()].reverse().map((arg) => arg.getProperty()).find((candidate) => candidate?.getName() === name);
  const value = property?.getValue();
  const valueRange = property?.getValueRange();
  if (name === undefined) {
    plan.skipped.push({ range, message: `${written} mixes build arguments into the image name; a digest here would override what --build-arg passes` });
  } else if (!value || !valueRange) {
    plan.skipped.push({ range, message: `${written} has no default in an ARG before the first FROM; pin the image where the build passes it` });
  } else if (value.includes('$') || model.text.slice(model.lines.offsetAt(valueRange.start), model.lines.offsetAt(valueRange.end)) !== value) {
    plan.skipped.push({ range: valueRange, message: `the default of ARG ${name} is quoted or uses other variables; pin it by hand` });
  } else {
    consider(value, valueRange, plan, options);
  }
}

function consider(written: string, range: Range, plan: PinPlan, options: { update?: boolean }): void {
  const normalized = normalizeReference(written);
  if ('error' in normalized) {
    plan.skipped.push({ range, message: normalized.error });
    return;
  }
  const { reference } = normalized;
  if (reference.digest && !options.update) return;
  if (reference.digest && !reference.tag) {
    plan.skipped.push({ range, message: `${written} is pinned without a tag, so there is nothing to update it from` });
    return;
  }
  plan.targets.push({ range, written, reference });
}

/**
 * `node:22` → `node:22@sha256:…`; an untagged image gets `:latest` written out, so the pin
 * says what it was resolved from and can be updated later. Undefined when nothing changes.
 */
export function pinEdit(target: PinTarget, digest: string): TextEdit | undefined {
  const at = target.written.indexOf('@');
  let image = at >= 0 ? target.written.slice(0, at) : target.written;
  if (parseImageReference(image).tag === undefined) image += ':latest';
  const newText = `${image}@${digest}`;
  return newText === target.written ? undefined : { range: target.range, newText };
}
