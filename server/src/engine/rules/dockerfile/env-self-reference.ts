import type { Env } from '../../dockerfile/syntax';
import { namesInScope } from '../../dockerfile/scopes';
import { variableReferences } from '../../dockerfile/variable-references';
import { comparePositions } from '../../text/document';
import type { Range } from '../../types';
import type { DockerfileRule } from '../rule';

function inside(range: Range, outer: Range): boolean {
  return comparePositions(outer.start, range.start) <= 0 && comparePositions(range.end, outer.end) <= 0;
}

export const envSelfReference: DockerfileRule = {
  meta: {
    id: 'env-self-reference',
    defaultSeverity: 'error',
    category: 'correctness',
    summary: 'ENV uses a variable that the same ENV sets.',
    why: 'Docker expands every value of one ENV with the variables as they were before that instruction. `ENV DIR=/app BIN=$DIR/bin` sets `BIN` to `/bin`, not `/app/bin`. Appending to a variable\'s own old value (`ENV PATH=/opt/bin:$PATH`) is fine.',
    example: 'ENV APP_HOME=/app APP_BIN=$APP_HOME/bin',
    useInstead: 'ENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin',
    fixSafety: 'none',
    equivalents: ['hadolint DL3044'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'ENV') continue;
        const properties = (instruction as Env).getProperties();
        if (properties.length < 2) continue;
        const before = namesInScope(stage, instruction);
        const references = variableReferences(model, instruction);
        properties.forEach((property, index) => {
          const valueRange = property.getValueRange();
          if (!valueRange) return;
          for (const reference of references) {
            if (!inside(reference.range, valueRange) || before.has(reference.name)) continue;
            const setter = properties.find((other, otherIndex) => otherIndex !== index && other.getName() === reference.name);
            if (!setter) continue;
            report({
              range: reference.range,
              message: `\`$${reference.name}\` is set by this same ENV, but ENV expands all its values before setting any, so this reference does not see the new value; set \`${reference.name}\` in an earlier ENV.`,
              related: [{ range: setter.getNameRange(), message: `\`${reference.name}\` is set here` }],
            });
          }
        });
      }
    }
  },
};
