import type { Instruction } from '../dockerfile/syntax';
import { rootBase, shellAt, type DockerfileModel, type Stage } from '../dockerfile/model';
import { commandRange, shellSource } from '../dockerfile/shell-source';
import type { Fix } from '../types';
import { convertToExecForm, formatJsonArray } from './exec-form';

/**
 * The "convert to exec form" fix of a shell-form instruction, or undefined when no
 * conversion keeps the command working (pipes, or a shell-less base that needs the shell).
 */
export function execFormFix(model: DockerfileModel, stage: Stage, instruction: Instruction, safety: Fix['safety']): Fix | undefined {
  const range = commandRange(model, instruction);
  const source = shellSource(model, instruction);
  const conversion = source && convertToExecForm(source.text);
  if (!range || !conversion) return undefined;
  if (conversion.kind === 'words') {
    const words = instruction.getKeyword() === 'CMD' ? withoutImageEntrypoint(conversion.words, stage) : conversion.words;
    return { title: 'Convert to exec form', edits: [{ range, newText: formatJsonArray(words) }], safety, isPreferred: true };
  }
  if (rootBase(stage).facts.hasShell === false) return undefined;
  const shell = shellAt(model, stage, range.start.line);
  return { title: 'Convert to exec form (through the shell, with exec)', edits: [{ range, newText: formatJsonArray([...shell, conversion.script]) }], safety: 'unsafe', isPreferred: true };
}

/**
 * Distroless language images start their interpreter themselves: `CMD node app.js` on
 * them must become `CMD ["app.js"]`, or the interpreter would be asked to run itself.
 */
function withoutImageEntrypoint(words: string[], stage: Stage): string[] {
  const entrypoint = rootBase(stage).facts.entrypoint;
  const ownEntrypoint = stage.instructions.some((instruction) => instruction.getKeyword() === 'ENTRYPOINT');
  if (!entrypoint || ownEntrypoint) return words;
  // python, python3 and python3.12 all name the image's python3.
  const family = (path: string) => (path.split('/').pop() ?? '').replace(/[\d.]+$/, '');
  if (!words[0] || family(words[0]) !== family(entrypoint[0])) return words;
  const rest = words.slice(1);
  return entrypoint.slice(1).every((word, index) => rest[index] === word) ? rest.slice(entrypoint.length - 1) : words;
}
