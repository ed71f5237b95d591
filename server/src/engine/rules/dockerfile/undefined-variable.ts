import type { Instruction } from '../../dockerfile/syntax';
import { isWindowsStage, type DockerfileModel, type Stage } from '../../dockerfile/model';
import { baseEnvironmentKnown, declaredNames, isPredefined, mayComeFromBaseImage, namesInScope, PLATFORM_ARGS } from '../../dockerfile/scopes';
import { variableReferences, type VariableReference } from '../../dockerfile/variable-references';
import { closestSpelling } from '../../text/edit-distance';
import type { DockerfileRule, Report } from '../rule';

// What the builder expands itself; RUN, CMD and the like are left to the shell. FROM belongs to
// arg-undefined-in-from, and ONBUILD triggers are expanded in the child build, with its variables.
const EXPANDED = new Set(['ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

function judge(model: DockerfileModel, stage: Stage, instruction: Instruction, reference: VariableReference, inScope: Set<string>, declaredInFile: Set<string>): Report | undefined {
  const { name, range } = reference;
  const fromImage = mayComeFromBaseImage(name, stage);
  if (model.globalArgs.has(name) || PLATFORM_ARGS.includes(name)) {
    if (fromImage) return undefined;
    const origin = model.globalArgs.has(name) ? 'is declared before the first FROM' : 'is predefined by BuildKit';
    return { range, message: `\`$${name}\` ${origin}, which makes it visible to FROM lines only; add \`ARG ${name}\` to this stage to use it here.` };
  }
  const suggestion = closestSpelling(name, [...inScope, 'PATH']);
  // Without a declaration or a close spelling, the base image may well set it: stay quiet.
  if (fromImage || (!baseEnvironmentKnown(stage) && !declaredInFile.has(name) && !suggestion)) return undefined;
  const where = declaredInFile.has(name) ? 'is declared in this file, but not before this instruction in this stage' : `is not declared by any ARG or ENV before ${instruction.getKeyword()}`;
  return {
    range,
    message: `\`$${name}\` ${where}, so it expands to nothing${suggestion ? `; did you mean \`$${suggestion}\`?` : '.'}`,
    fixes: suggestion ? [{ title: `Replace with \`${suggestion}\``, edits: [{ range, newText: suggestion }], safety: 'unsafe', isPreferred: true }] : [],
  };
}

export const undefinedVariable: DockerfileRule = {
  meta: {
    id: 'undefined-variable',
    defaultSeverity: 'warning',
    category: 'correctness',
    summary: 'Variable used in an instruction but never declared in its scope.',
    why: 'COPY, ADD, ENV, LABEL, WORKDIR, USER, VOLUME, EXPOSE and STOPSIGNAL expand `$VAR` at build time from the ARGs and ENVs in scope; an unknown name silently becomes an empty string (`COPY app-$VERSION.jar` copies `app-.jar`). ARGs declared before the first FROM, and BuildKit\'s TARGETARCH & co., are visible in FROM lines only until a stage redeclares them with `ARG NAME`. Variables inside RUN are the shell\'s business and are not checked.',
    example: 'ARG VERSION=1.4.2\nFROM eclipse-temurin:21-jre\nCOPY target/app-$VERSION.jar /app.jar',
    useInstead: 'ARG VERSION=1.4.2\nFROM eclipse-temurin:21-jre\nARG VERSION\nCOPY target/app-$VERSION.jar /app.jar',
    fixSafety: 'unsafe',
    equivalents: ['BuildKit UndefinedVar'],
  },
  check({ model, report }) {
    const declaredInFile = new Set(model.ast.getInstructions().flatMap(declaredNames));
    for (const stage of model.stages) {
      // Windows compares variable names without case, and its images' environment is unknown.
      if (isWindowsStage(model, stage)) continue;
      for (const instruction of stage.instructions) {
        if (!EXPANDED.has(instruction.getKeyword())) continue;
        const inScope = namesInScope(stage, instruction);
        // Names this same ENV sets are env-self-reference's concern (or `PATH=$PATH:…`-style appends).
        const setHere = instruction.getKeyword() === 'ENV' ? declaredNames(instruction) : [];
        for (const reference of variableReferences(model, instruction)) {
          if (reference.guarded || inScope.has(reference.name) || setHere.includes(reference.name) || isPredefined(reference.name)) continue;
          const finding = judge(model, stage, instruction, reference, inScope, declaredInFile);
          if (finding) report(finding);
        }
      }
    }
  },
};
