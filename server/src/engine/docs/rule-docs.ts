import type { RuleMeta } from '../types';

const GENERATED = '<!-- Generated from the rule metadata by `npm run docs`; edit the rule file instead. -->';

const CATEGORY_TITLES: Record<RuleMeta['category'], string> = {
  'base-image': 'Dockerfile: base image and supply chain',
  process: 'Dockerfile: process, signals, shell-less images',
  layers: 'Dockerfile: layers, size and cache',
  security: 'Dockerfile: security',
  correctness: 'Dockerfile: correctness and style',
  kubernetes: 'Kubernetes manifests',
  xref: 'Dockerfile and Kubernetes together',
};

function fixText(meta: RuleMeta): string {
  if (meta.fixSafety === 'none') return 'none';
  return meta.fixSafety === 'safe' ? 'safe (applied by fix-all, on save and by `shipshape check --fix`)' : 'unsafe (offered as a quick fix, never applied on save)';
}

/** The docs page of one rule, as stored at docs/rules/<id>.md. */
export function renderRuleDoc(meta: RuleMeta): string {
  const language = meta.category === 'kubernetes' || meta.category === 'xref' ? 'yaml' : 'dockerfile';
  return [
    GENERATED,
    `# ${meta.id}`,
    '',
    meta.summary,
    '',
    '| | |',
    '|---|---|',
    `| Default severity | ${meta.defaultSeverity} |`,
    `| Category | ${CATEGORY_TITLES[meta.category]} |`,
    `| Fix | ${fixText(meta)} |`,
    `| Same idea in | ${meta.equivalents.length ? meta.equivalents.join(', ') : 'no other tool'} |`,
    '',
    '## Why is this bad?',
    '',
    meta.why,
    '',
    '## Example',
    '',
    '```' + language,
    meta.example,
    '```',
    '',
    '## Use instead',
    '',
    '```' + language,
    meta.useInstead,
    '```',
    '',
    '## Turning it off',
    '',
    `- For one instruction: a comment \`# shipshape-ignore ${meta.id} -- reason\` on the line before.`,
    `- For a file: \`# shipshape-ignore-file ${meta.id}\`.`,
    `- In VS Code: \`"shipshape.rules": { "${meta.id}": "off" }\`; in CI: \`shipshape check --rule ${meta.id}=off\`.`,
    '',
  ].join('\n');
}

/** docs/rules/README.md: every rule by category. */
export function renderRuleIndex(rules: readonly RuleMeta[]): string {
  const lines = [GENERATED, '# Shipshape rules', ''];
  for (const [category, title] of Object.entries(CATEGORY_TITLES)) {
    const inCategory = rules.filter((rule) => rule.category === category);
    if (inCategory.length === 0) continue;
    lines.push(`## ${title}`, '', '| Rule | Default | Fix | Summary |', '|---|---|---|---|');
    for (const rule of inCategory) lines.push(`| [${rule.id}](${rule.id}.md) | ${rule.defaultSeverity} | ${rule.fixSafety} | ${rule.summary} |`);
    lines.push('');
  }
  return lines.join('\n');
}
