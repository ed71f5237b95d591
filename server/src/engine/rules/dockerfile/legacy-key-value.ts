import type { Env, Property } from '../../dockerfile/syntax';
import type { DockerfileModel } from '../../dockerfile/model';
import type { Fix } from '../../types';
import type { DockerfileRule } from '../rule';

/** `key value` → `key=value`, quoting a value with spaces; undefined when quoting could change it. */
function rewrite(model: DockerfileModel, property: Property): Fix | undefined {
  const valueRange = property.getValueRange();
  if (!valueRange || valueRange.start.line !== valueRange.end.line) return undefined;
  const raw = model.lines.textOf(valueRange);
  const separator = { start: property.getNameRange().end, end: valueRange.start };
  const oneQuotedWord = /^(["'])[^"']*\1$/.test(raw);
  const title = 'Rewrite as key=value';
  if (!/\s/.test(raw) || oneQuotedWord) return { title, edits: [{ range: separator, newText: '=' }], safety: 'safe', isPreferred: true };
  // Inside double quotes the escape character and quotes mean something else than bare.
  if (/["']/.test(raw) || raw.includes(model.escapeChar)) return undefined;
  return {
    title,
    edits: [
      { range: separator, newText: '="' },
      { range: { start: valueRange.end, end: valueRange.end }, newText: '"' },
    ],
    safety: 'safe',
    isPreferred: true,
  };
}

export const legacyKeyValue: DockerfileRule = {
  meta: {
    id: 'legacy-key-value',
    defaultSeverity: 'warning',
    category: 'correctness',
    summary: '`ENV key value` / `LABEL key value` instead of `key=value`.',
    why: 'The whitespace form sets one variable to the whole rest of the line, spaces included, so `ENV A 1 B 2` sets `A` to `1 B 2`. Docker has deprecated it; `key=value` is unambiguous and sets several keys in one instruction.',
    example: 'ENV NODE_ENV production\nLABEL description Billing service',
    useInstead: 'ENV NODE_ENV=production\nLABEL description="Billing service"',
    fixSafety: 'safe',
    equivalents: ['BuildKit LegacyKeyValueFormat'],
  },
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'LABEL') continue;
      for (const property of (instruction as Env).getProperties()) {
        if (property.getAssignmentOperator() !== null || property.getValue() === null) continue;
        const fix = rewrite(model, property);
        report({
          range: property.getNameRange(),
          message: `Use \`${keyword} ${property.getName()}=…\` instead of the legacy whitespace-separated form.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
