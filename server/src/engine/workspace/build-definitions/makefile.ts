/**
 * Makefiles: each recipe line is a shell command run in the Makefile's folder, after make
 * expands its variables. Variables the file defines are expanded with their last definition
 * (recipes expand after the whole file is read); `$(shell ...)`, other functions, automatic
 * variables and variables the file does not define (command line, environment) stay unknown,
 * and a tag built from them still names its repository when the text before them reaches
 * the `:`.
 */
import { LineIndex } from '../../text/document';
import type { ImageBuildLink } from '../types';
import { dockerBuildLinks } from './docker-build';
import { folderOf } from '../paths';

/** A recipe line as the shell gets it, with the file offsets every character comes from. */
interface RecipeLine {
  script: string;
  /** Per script character, where its source starts and ends in the file: an expanded reference maps to the whole reference. */
  starts: number[];
  ends: number[];
}

interface PhysicalLine {
  start: number;
  /** Before the line terminator. */
  end: number;
}

const ASSIGNMENT = /^(?:(?:export|override|private)\s+)*([A-Za-z_][\w.-]*)\s*(:::=|::=|:=|\?=|\+=|!=|=)\s*(.*)$/;
const DIRECTIVE = /^\s*-?(?:ifn?eq|ifn?def|else|endif|s?include|vpath|unexport|export|define|endef)\b/;
const VARIABLE_NAME = /^[A-Za-z_][\w.-]*$/;
const MAX_DEPTH = 10;
// What a reference make expands at run time becomes in the shell text: an expansion, so the word is known to be dynamic.
const UNKNOWN = '${MAKE_VALUE}';

export function readMakefile(path: string, text: string): ImageBuildLink[] {
  const lines = physicalLines(text);
  const { variables, recipes } = readStructure(text, lines);
  const folder = folderOf(path);
  const index = new LineIndex(text);
  return recipes.flatMap((recipe) => {
    const line = expandRecipe(text, recipe, variables);
    const fileRange = (start: number, end: number): [number, number] => [line.starts[start] ?? text.length, line.ends[Math.max(end - 1, start)] ?? text.length];
    return dockerBuildLinks(line.script, folder, { file: path, lines: index, fileRange, scriptFolder: folder });
  });
}

function physicalLines(text: string): PhysicalLine[] {
  const result: PhysicalLine[] = [];
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    result.push({ start, end: text[end - 1] === '\r' ? end - 1 : end });
    if (newline < 0) break;
    start = newline + 1;
  }
  return result;
}

const continues = (text: string, line: PhysicalLine) => /(?:^|[^\\])(?:\\\\)*\\$/.test(text.slice(line.start, line.end));

/** The variables (last definition wins) and the recipe lines, each a run of physical lines joined by backslashes. */
function readStructure(text: string, lines: PhysicalLine[]): { variables: Map<string, string | undefined>; recipes: PhysicalLine[][] } {
  const variables = new Map<string, string | undefined>();
  const recipes: PhysicalLine[][] = [];
  let inRule = false;
  let inDefine = false;
  for (let at = 0; at < lines.length; at++) {
    const group = [lines[at]];
    while (continues(text, group[group.length - 1]) && at + 1 < lines.length) group.push(lines[++at]);
    const first = text.slice(group[0].start, group[0].end);
    if (inDefine) {
      inDefine = !/^\s*endef\b/.test(first);
      continue;
    }
    if (first.startsWith('\t') && inRule) {
      recipes.push(group);
      continue;
    }
    const joined = group.map((line) => text.slice(line.start, line.end).replace(/\\$/, '')).join(' ');
    const content = joined.replace(/(^|[^\\])#.*$/, '$1').trim();
    if (content === '') continue;
    if (/^define\s/.test(content)) {
      inDefine = true;
      inRule = false;
      continue;
    }
    const assignment = ASSIGNMENT.exec(content);
    if (assignment) {
      define(variables, assignment[1], assignment[2], assignment[3]);
      inRule = false;
    } else if (!DIRECTIVE.test(content)) {
      // Conditionals leave the rule as it was; anything else is a rule line or ends one.
      inRule = content.includes(':');
    }
  }
  return { variables, recipes };
}

function define(variables: Map<string, string | undefined>, name: string, operator: string, value: string): void {
  if (operator === '?=' && variables.has(name)) return;
  if (operator === '!=') variables.set(name, undefined);
  else if (operator === '+=' && variables.has(name)) {
    const before = variables.get(name);
    variables.set(name, before === undefined ? undefined : `${before} ${value}`);
  } else variables.set(name, value);
}

/** The shell text of a recipe line: prefix characters dropped, continuation tabs removed, references expanded. */
function expandRecipe(text: string, group: PhysicalLine[], variables: Map<string, string | undefined>): RecipeLine {
  const line: RecipeLine = { script: '', starts: [], ends: [] };
  const append = (value: string, start: number, end: number) => {
    line.script += value;
    for (let i = 0; i < value.length; i++) {
      line.starts.push(start);
      line.ends.push(end);
    }
  };
  group.forEach((physical, index) => {
    let at = physical.start + (text[physical.start] === '\t' ? 1 : 0);
    if (index === 0) while (at < physical.end && /[@+\-\s]/.test(text[at])) at++;
    if (index > 0) append('\n', physical.start - 1, physical.start);
    while (at < physical.end) {
      if (text[at] !== '$') {
        append(text[at], at, at + 1);
        at++;
        continue;
      }
      const reference = referenceAt(text, at, physical.end);
      append(reference.name === '$' ? '$' : expandReference(reference.name, variables, 0), at, reference.end);
      at = reference.end;
    }
  });
  return line;
}

/** The reference starting with the `$` at `at`: `$$`, `$x`, `$(...)` or `${...}` (nested brackets counted). */
function referenceAt(text: string, at: number, limit: number): { name: string; end: number } {
  const open = text[at + 1];
  if (open !== '(' && open !== '{') return { name: text[at + 1] ?? '', end: Math.min(at + 2, limit) };
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  for (let i = at + 1; i < limit; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return { name: text.slice(at + 2, i), end: i + 1 };
  }
  return { name: text.slice(at + 2, limit), end: limit };
}

function expandReference(name: string, variables: Map<string, string | undefined>, depth: number): string {
  if (!VARIABLE_NAME.test(name) || !variables.has(name) || depth >= MAX_DEPTH) return UNKNOWN;
  const value = variables.get(name);
  return value === undefined ? UNKNOWN : expandText(value, variables, depth + 1);
}

function expandText(value: string, variables: Map<string, string | undefined>, depth: number): string {
  let result = '';
  for (let at = 0; at < value.length; ) {
    if (value[at] !== '$') {
      result += value[at++];
      continue;
    }
    const reference = referenceAt(value, at, value.length);
    result += reference.name === '$' ? '$' : expandReference(reference.name, variables, depth);
    at = reference.end;
  }
  return result;
}
