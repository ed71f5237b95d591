// Writes docs/rules/ from the rule metadata; test/unit/rule-docs.test.ts fails when they are stale.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../server/src/engine';
import { renderRuleDoc, renderRuleIndex } from '../server/src/engine/docs/rule-docs';

const directory = join(__dirname, '..', '..', 'docs', 'rules');
mkdirSync(directory, { recursive: true });
for (const name of readdirSync(directory)) rmSync(join(directory, name));
for (const rule of allRules) writeFileSync(join(directory, `${rule.id}.md`), renderRuleDoc(rule));
writeFileSync(join(directory, 'README.md'), renderRuleIndex(allRules));
console.log(`wrote ${allRules.length} rule pages to docs/rules/`);
