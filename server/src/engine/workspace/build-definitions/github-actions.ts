/**
 * GitHub Actions workflows: a `docker/build-push-action` step's `tags` name the image,
 * `context` (default: the repository) and `file` (default: `<context>/Dockerfile`) are
 * relative to the repository root, `target` picks the stage. Tags made by a
 * `docker/metadata-action` step (`${{ steps.meta.outputs.tags }}`) take that step's
 * `images`. `${{ env.NAME }}` is resolved from the workflow's, job's and step's literal `env`;
 * other expressions are unknown. `run:` steps that call `docker build` are read too
 * (github-run-steps.ts).
 */
import { isScalar, type Node, type Scalar, type YAMLMap } from 'yaml';
import { scalarText, type YamlView } from '../../kubernetes/yaml-view';
import type { FileLocation, ImageBuildLink } from '../types';
import { imageBeforeUnknownTag, namedImage, type NamedImage } from './image-names';
import { resolveInside } from '../paths';
import { runStepLinks } from './github-run-steps';
import { yamlRoots } from './yaml-roots';

const BUILD_PUSH = /^docker\/build-push-action@/;
const METADATA = /^docker\/metadata-action@/;
const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g;
const STEP_TAGS = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.tags\s*\}\}$/;

interface StepContext {
  view: YamlView;
  path: string;
  /** Workspace-relative repository root: the folder holding `.github/`. */
  root: string;
  env: Map<string, string>;
}

export function readWorkflow(path: string, text: string): ImageBuildLink[] {
  const root = path.slice(0, path.lastIndexOf('.github/workflows/')).replace(/\/$/, '') || '.';
  const links: ImageBuildLink[] = [];
  for (const { view, root: workflow } of yamlRoots(text, '1.2')) {
    const workflowEnv = envOf(view, workflow, new Map());
    const workflowDefaults = view.map(view.map(workflow, 'defaults'), 'run');
    for (const item of view.map(workflow, 'jobs')?.items ?? []) {
      const job = view.asMap(item.value);
      const jobEnv = envOf(view, job, workflowEnv);
      const steps = view.maps(view.seq(job, 'steps'));
      for (const step of steps) {
        links.push(...runStepLinks(view, step, path, root, [view.map(view.map(job, 'defaults'), 'run'), workflowDefaults]));
        if (!BUILD_PUSH.test(view.string(step, 'uses') ?? '')) continue;
        const context: StepContext = { view, path, root, env: envOf(view, step, jobEnv) };
        links.push(...stepLinks(context, view.map(step, 'with'), steps));
      }
    }
  }
  return links;
}

function envOf(view: YamlView, map: YAMLMap | undefined, outer: Map<string, string>): Map<string, string> {
  const env = new Map(outer);
  for (const item of view.map(map, 'env')?.items ?? []) {
    const name = view.resolve(item.key);
    const value = view.resolve(item.value);
    const text = isScalar(value) ? scalarText(value) : undefined;
    if (isScalar(name) && text !== undefined && !text.includes('${{')) env.set(String(name.value), text);
  }
  return env;
}

function stepLinks(step: StepContext, inputs: YAMLMap | undefined, steps: YAMLMap[]): ImageBuildLink[] {
  const { view } = step;
  const contextText = known(step, view.string(inputs, 'context') ?? '.');
  const context = contextText === undefined ? undefined : resolveInside(step.root, contextText);
  const fileText = view.string(inputs, 'file');
  const file = fileText === undefined ? undefined : known(step, fileText);
  const dockerfile = context && (fileText === undefined ? resolveInside(context, 'Dockerfile') : file && resolveInside(step.root, file));
  if (!context || !dockerfile) return [];
  const target = view.string(inputs, 'target');
  const images = new Map<string, ImageBuildLink>();
  for (const tag of tagsOf(step, inputs, steps)) {
    const link = images.get(tag.named.image);
    if (link) {
      if (tag.named.tag) (link.tags ??= []).push(tag.named.tag);
      continue;
    }
    const { image, tag: first } = tag.named;
    images.set(image, { image, ...(first && { tags: [first] }), dockerfile, context, ...(target && { target }), source: 'github-actions', location: tag.location });
  }
  return [...images.values()];
}

/** The images the step's `tags` name, or the `images` of the metadata step they come from. */
function tagsOf(step: StepContext, inputs: YAMLMap | undefined, steps: YAMLMap[]): { named: NamedImage; location: FileLocation }[] {
  const { view } = step;
  const tags = view.scalar(inputs, 'tags');
  const fromStep = STEP_TAGS.exec(String(tags?.value ?? '').trim())?.[1];
  if (!fromStep) return tags ? listItems(step, tags, (text) => text) : [];
  const metadata = steps.find((candidate) => view.string(candidate, 'id') === fromStep && METADATA.test(view.string(candidate, 'uses') ?? ''));
  const images = metadata && view.scalar(view.map(metadata, 'with'), 'images');
  // metadata-action's `images` items may carry attributes: `name=ghcr.io/acme/cart,enable=true`.
  return images ? listItems(step, images, (text) => (text.startsWith('name=') ? text.slice(5).split(',')[0] : text)) : [];
}

/** A list input: items on lines or separated by commas, each with its place when it is written as is. */
function listItems(step: StepContext, scalar: Scalar, itemText: (text: string) => string): { named: NamedImage; location: FileLocation }[] {
  const source = typeof scalar.value === 'string' ? scalar.value : '';
  const whole = step.view.range(scalar as Node);
  const [rangeStart, rangeEnd] = scalar.range ?? [0, 0];
  const written = step.view.lines.text.slice(rangeStart, rangeEnd);
  const items = source.includes('\n') ? source.split('\n') : source.split(',');
  const result: { named: NamedImage; location: FileLocation }[] = [];
  let searchFrom = 0;
  for (const raw of items) {
    const item = itemText(raw.trim());
    const resolved = item && resolveExpressions(step, item);
    const named = resolved && (resolved.complete ? namedImage(resolved.text) : imageBeforeUnknownTag(resolved.text));
    if (!named) continue;
    const at = written.indexOf(item, searchFrom);
    if (at >= 0) searchFrom = at + item.length;
    const range = at >= 0 ? step.view.offsets(rangeStart + at, rangeStart + at + item.length) : whole;
    result.push({ named, location: { file: step.path, range } });
  }
  return result;
}

function known(step: StepContext, text: string): string | undefined {
  const resolved = resolveExpressions(step, text);
  return resolved.complete ? resolved.text : undefined;
}

/** `${{ env.NAME }}` replaced by the value; the text stops at the first expression it cannot know. */
function resolveExpressions(step: StepContext, text: string): { text: string; complete: boolean } {
  let result = '';
  let at = 0;
  for (const match of text.matchAll(EXPRESSION)) {
    result += text.slice(at, match.index);
    at = match.index + match[0].length;
    const name = /^env\.([\w-]+)$/.exec(match[1])?.[1];
    const value = name === undefined ? undefined : step.env.get(name);
    if (value === undefined) return { text: result, complete: false };
    result += value;
  }
  return { text: result + text.slice(at), complete: true };
}
