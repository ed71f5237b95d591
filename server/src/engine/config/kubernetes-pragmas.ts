import type { KubernetesModel, ManifestObject } from '../kubernetes/model';
import { list, shipshapePragma, type Suppressions } from './pragmas';
import { rulesForForeignCheck, rulesWithEquivalentIn } from './equivalents';

const COMMENT = /^\s*#/;
/** What every `# shipshape-ignore` and `# shipshape-ignore-file` comment contains. */
const PRAGMA_NAME = 'shipshape-ignore';

/**
 * Reads the ways a YAML file switches rules off:
 * - `# shipshape-ignore a,b [-- reason]` on the line before a key: that key and everything
 *   nested under it (a `- name:` item: the whole item);
 * - `# shipshape-ignore-file a,b`: the whole file;
 * - on an object's `metadata.annotations`: `shipshape/ignore: "a,b"` and, for teams coming from
 *   other tools, kube-linter's `ignore-check.kube-linter.io/<check>`, Polaris'
 *   `polaris.fairwinds.com/<check>-exempt: "true"` (or `exempt`), Checkov's
 *   `checkov.io/skip<N>: CKV_K8S_<n>=reason` and kube-score's `kube-score/ignore: a,b`, mapped to
 *   our rules through their equivalents. They cover the object they annotate.
 */
export function readKubernetesSuppressions(model: KubernetesModel): Suppressions {
  const suppressions: Suppressions = { file: new Set(), instructions: [] };
  const { lines } = model;
  // Only lines naming the pragma can hold one: found with indexOf, not by trimming every line of a bundle.
  let lastLine = -1;
  for (let at = lines.text.indexOf(PRAGMA_NAME); at >= 0; at = lines.text.indexOf(PRAGMA_NAME, at + PRAGMA_NAME.length)) {
    const line = lines.positionAt(at).line;
    if (line === lastLine) continue;
    lastLine = line;
    const text = lines.lineText(line).trim();
    if (!text.startsWith('#')) continue;
    const pragma = shipshapePragma(text);
    if (pragma?.scope === 'file') for (const id of pragma.ids) suppressions.file.add(id);
    else if (pragma) {
      const block = blockAfter(model, line);
      if (block) suppressions.instructions.push({ ...block, rules: new Set(pragma.ids) });
    }
  }
  for (const object of model.objects) {
    const rules = annotationIgnores(object);
    if (rules.size === 0) continue;
    const range = object.view.range(object.root);
    suppressions.instructions.push({ startLine: range.start.line, endLine: range.end.line, rules });
  }
  return suppressions;
}

/** The lines of the key (or sequence item) after a comment: up to the next line indented no deeper. */
function blockAfter(model: KubernetesModel, commentLine: number): { startLine: number; endLine: number } | undefined {
  const { lines } = model;
  let start = commentLine + 1;
  while (start < lines.lineCount && (lines.lineText(start).trim() === '' || COMMENT.test(lines.lineText(start)))) start++;
  if (start >= lines.lineCount) return undefined;
  const indent = indentOf(lines.lineText(start));
  let end = start;
  for (let line = start + 1; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (text.trim() === '' || COMMENT.test(text)) continue;
    if (indentOf(text) <= indent || text.startsWith('---') || text.startsWith('...')) break;
    end = line;
  }
  return { startLine: start, endLine: end };
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

const KUBE_LINTER = 'ignore-check.kube-linter.io/';
const POLARIS = 'polaris.fairwinds.com/';
const CHECKOV = /^checkov\.io\/skip\d+$/;

/** By object: a keystroke elsewhere in a bundle leaves the others' objects (and annotations) as they were. */
const ignoresOfObjects = new WeakMap<ManifestObject, Set<string>>();

function annotationIgnores(object: ManifestObject): Set<string> {
  let rules = ignoresOfObjects.get(object);
  if (!rules) {
    rules = readAnnotationIgnores(object);
    ignoresOfObjects.set(object, rules);
  }
  return rules;
}

function readAnnotationIgnores(object: ManifestObject): Set<string> {
  const rules = new Set<string>();
  const annotations = object.view.map(object.metadata, 'annotations');
  for (const item of object.view.entries(annotations)) {
    const key = String((item.key as { value?: unknown } | null)?.value ?? '');
    const value = object.view.string(annotations, key) ?? '';
    let ids: string[] = [];
    if (key === 'shipshape/ignore') ids = list(value);
    else if (key.startsWith(KUBE_LINTER)) ids = rulesForForeignCheck('kube-linter', key.slice(KUBE_LINTER.length));
    else if (key === `${POLARIS}exempt`) ids = value === 'true' ? rulesWithEquivalentIn('Polaris') : [];
    else if (key.startsWith(POLARIS) && key.endsWith('-exempt')) ids = value === 'true' ? rulesForForeignCheck('Polaris', key.slice(POLARIS.length, -'-exempt'.length)) : [];
    else if (CHECKOV.test(key)) ids = rulesForForeignCheck('Checkov', value.split('=')[0].trim());
    else if (key === 'kube-score/ignore') ids = list(value).flatMap((check) => rulesForForeignCheck('kube-score', check));
    for (const id of ids) rules.add(id);
  }
  return rules;
}
