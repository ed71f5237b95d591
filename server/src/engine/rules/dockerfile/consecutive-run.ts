import type { Instruction, Run } from 'dockerfile-ast';
import { argumentsText, execFormArguments, type DockerfileModel } from '../../dockerfile/model';
import type { Fix } from '../../types';
import type { DockerfileRule } from '../rule';

function flagsText(run: Run): string {
  return run.getFlags().map((flag) => flag.toString()).sort().join(' ');
}

function mergeable(model: DockerfileModel, run: Instruction): boolean {
  const heredocs = (run as Run).getHeredocs();
  return heredocs.length === 0 && !execFormArguments(argumentsText(model, run));
}

/** How the file already writes chained commands, so a merge looks like the rest of it. */
function continuationStyle(model: DockerfileModel): { operatorLeads: boolean; indent: string } {
  const escape = model.escapeChar;
  let leads = 0;
  let trails = 0;
  let indent: string | undefined;
  for (let line = 1; line < model.lines.lineCount; line++) {
    const previous = model.lines.lineText(line - 1).trimEnd();
    if (!previous.endsWith(escape)) continue;
    const text = model.lines.lineText(line);
    const body = text.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    indent ??= text.slice(0, text.length - body.length);
    if (body.startsWith('&&')) leads++;
    if (previous.slice(0, -1).trimEnd().endsWith('&&')) trails++;
  }
  return { operatorLeads: leads >= trails, indent: indent || '    ' };
}

function mergeFix(model: DockerfileModel, previous: Instruction, run: Instruction): Fix | undefined {
  const previousEnd = previous.getRange().end;
  const body = run.getArgumentsRange();
  if (!body) return undefined;
  const previousText = argumentsText(model, previous).trimEnd();
  // A trailing operator or escape would change the meaning of what follows.
  if (/(&|;|\||\\|`)$/.test(previousText)) return undefined;
  const bodyStart = (run as Run).getFlags().length > 0 ? afterFlags(run as Run) : body.start;
  const between = model.lines.textOf({ start: previousEnd, end: bodyStart });
  // Comments between the two would end up inside the continuation: leave that to a person.
  if (/^\s*#/m.test(between.split(/\r?\n/).slice(1).join('\n'))) return undefined;
  const eol = model.lines.lineTerminator(previousEnd.line);
  const { operatorLeads, indent } = continuationStyle(model);
  const escape = model.escapeChar;
  const joiner = operatorLeads ? ` ${escape}${eol}${indent}&& ` : ` && ${escape}${eol}${indent}`;
  return { title: 'Merge RUN instructions', edits: [{ range: { start: previousEnd, end: bodyStart }, newText: joiner }], safety: 'safe', isPreferred: true };
}

function afterFlags(run: Run) {
  const flags = run.getFlags();
  const lastFlag = flags[flags.length - 1];
  const args = run.getArguments();
  const firstArgument = args.find((argument) => {
    const start = argument.getRange().start;
    const flagEnd = lastFlag.getRange().end;
    return start.line > flagEnd.line || (start.line === flagEnd.line && start.character >= flagEnd.character);
  });
  return firstArgument ? firstArgument.getRange().start : lastFlag.getRange().end;
}

export const consecutiveRun: DockerfileRule = {
  meta: {
    id: 'consecutive-run',
    defaultSeverity: 'info',
    category: 'layers',
    summary: 'Consecutive RUN instructions that could be one.',
    why: 'Each RUN is a layer. Separate RUNs cost a snapshot each, and files deleted in a later RUN still weigh in the earlier layer. Merging steps that belong together keeps the image small and the build faster.',
    example: 'RUN apt-get update\nRUN apt-get install -y --no-install-recommends curl',
    useInstead: 'RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl',
    fixSafety: 'safe',
    equivalents: ['hadolint DL3059'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const { instructions } = stage;
      for (let i = 1; i < instructions.length; i++) {
        const previous = instructions[i - 1];
        const run = instructions[i];
        if (previous.getKeyword() !== 'RUN' || run.getKeyword() !== 'RUN') continue;
        if (flagsText(previous as Run) !== flagsText(run as Run)) continue;
        if (!mergeable(model, previous) || !mergeable(model, run)) continue;
        const fix = mergeFix(model, previous, run);
        report({
          range: run.getInstructionRange(),
          message: 'This RUN directly follows another with the same flags; merge them into one layer.',
          fixes: fix ? [fix] : [],
          related: [{ range: previous.getInstructionRange(), message: 'the RUN it can merge into' }],
        });
      }
    }
  },
};
