import type { Instruction } from '../../dockerfile/syntax';
import type { DockerfileModel } from '../../dockerfile/model';
import { canMergeRuns, mergeRunsFix } from '../../fixes/merge-run';
import { formatBytes } from '../../size/format';
import { estimateModel, rewrittenSize, wastedBytes, type LayerSize } from '../../size/estimate';
import { sizeTables } from '../../size/tables';
import type { BuildContext, Fix, RelatedInformation } from '../../types';
import type { DockerfileRule, Report } from '../rule';
import { layerHistory, type Artifact, type LateDeletion } from './support/layer-history';
import { laterPermissionRewrites } from './support/later-permission-changes';
import { wordRange } from './support/run-commands';

function describe(artifacts: readonly Artifact[]): string {
  const parts = new Set<string>();
  const packages: string[] = [];
  for (const artifact of artifacts) {
    if (artifact.kind === 'cache') parts.add(artifact.cache.what);
    else if (artifact.kind === 'file') parts.add(`\`${artifact.path}\``);
    else packages.push(`\`${artifact.name}\``);
  }
  if (packages.length > 0) parts.add(`the package${packages.length > 1 ? 's' : ''} ${packages.join(', ')}`);
  return [...parts].join(' and ');
}

function origin(artifact: Artifact): string {
  if (artifact.kind === 'cache') return 'written to the layer here';
  return artifact.kind === 'file' ? 'downloaded here' : 'installed here';
}

/** The bytes the deletion cannot take back, when the size tables know all of them. */
function wastedSize(model: DockerfileModel, deletion: LateDeletion, context: BuildContext | undefined): string | undefined {
  const bytes = wastedBytes(model, deletion, sizeTables, context);
  return bytes === undefined || bytes === 0 ? undefined : `≈ ${formatBytes(bytes)}, estimated with tables as of ${sizeTables.asOf}`;
}

/** chmod/chown of what an earlier layer added: the files are copied whole into the RUN's layer. */
function permissionRewrites(model: DockerfileModel, context: BuildContext | undefined): Report[] {
  const rewrites = laterPermissionRewrites(model, context?.sizes);
  if (rewrites.length === 0) return [];
  // The whole estimate only when a change covers a whole COPY layer: a single file's bytes come with the rewrite.
  let layers: LayerSize[] | undefined;
  const layerOnLine = (line: number) => (layers ??= estimateModel(model, { context, data: sizeTables }).stages.flatMap((stage) => stage.layers)).find((candidate) => candidate.range.start.line === line);
  // One finding per changed path, naming every layer it rewrites (`chown -R app /app` after two COPYs into /app).
  const byPath = new Map<string, typeof rewrites>();
  for (const rewrite of rewrites) {
    const key = JSON.stringify(wordRange(rewrite.command.script, rewrite.word));
    byPath.set(key, [...(byPath.get(key) ?? []), rewrite]);
  }
  return [...byPath.values()].map((group) => {
    const { command, word, tool, addition } = group[0];
    const copied = group.map((rewrite) => rewrittenSize(rewrite, layerOnLine));
    // The message gives a figure only when all of it is known.
    const size = copied.some((part) => part.partial) ? undefined : copied.reduce((sum, part) => sum + (part.bytes ?? 0), 0);
    const keyword = addition.instruction.getKeyword();
    const instead = addition.origin === 'copy' ? `Use \`${keyword} --${tool === 'chmod' ? 'chmod' : 'chown'}=…\` instead` : 'Change it in the RUN that downloads it';
    const sources = group.map(({ addition: earlier }) => {
      const line = earlier.instruction.getRange().start.line + 1;
      return earlier.origin === 'copy' ? `the ${earlier.instruction.getKeyword()} on line ${line} added` : `the RUN on line ${line} downloaded`;
    });
    return {
      range: wordRange(command.script, word),
      message: `\`${tool}\` changes \`${word.value}\`, which ${sources.join(' and ')}: the files are copied whole into this layer, so their bytes ship twice${size ? ` (≈ ${formatBytes(size)}, estimated)` : ''}. ${instead}.`,
      related: group.map(({ addition: earlier }) => ({ range: earlier.instruction.getRange(), message: earlier.origin === 'copy' ? 'added here' : 'downloaded here' })),
    };
  });
}

/** Merging is the fix when everything deleted comes from the RUN right before. */
function mergeFix(model: DockerfileModel, deletion: LateDeletion): Fix | undefined {
  const { run } = deletion.command.script;
  const creators = new Set<Instruction>(deletion.artifacts.map((artifact) => artifact.command.script.run.instruction));
  const previous = run.stage.instructions[run.stage.instructions.indexOf(run.instruction) - 1];
  if (creators.size !== 1 || !previous || !creators.has(previous) || !canMergeRuns(model, previous, run.instruction)) return undefined;
  return mergeRunsFix(model, previous, run.instruction, 'Merge into the RUN that wrote them', 'unsafe');
}

export const cleanupInLaterLayer: DockerfileRule = {
  meta: {
    id: 'cleanup-in-later-layer',
    defaultSeverity: 'warning',
    category: 'layers',
    summary: 'A RUN deletes files, caches or packages that an earlier RUN wrote, or changes the mode or owner of files an earlier layer added.',
    why: 'Every RUN is a layer, and a layer only adds: deleting a file in a later RUN hides it but its bytes still ship in the earlier layer. Package lists removed one RUN too late, build tools purged after the build step, a downloaded archive deleted after extraction all cost their full size in every pull. Delete in the same RUN that writes them (or keep them out of the layer with a cache mount). Likewise `chmod`/`chown` of files a COPY, ADD or earlier download added copies them whole into a new layer: set mode and owner with `COPY --chmod`/`--chown`, or in the RUN that writes them. The message gives the estimated bytes that stay. Only the stage that ships is checked.',
    example: 'RUN apt-get update && apt-get install -y --no-install-recommends gcc\nRUN make\nRUN apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*',
    useInstead: 'RUN apt-get update && apt-get install -y --no-install-recommends gcc \\\n    && make \\\n    && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*',
    fixSafety: 'unsafe',
    equivalents: [],
  },
  check({ model, context, report }) {
    for (const deletion of layerHistory(model).lateDeletions) {
      const related = new Map<string, RelatedInformation>();
      for (const artifact of deletion.artifacts) {
        const range = wordRange(artifact.command.script, artifact.word);
        related.set(JSON.stringify(range), { range, message: origin(artifact) });
      }
      const size = wastedSize(model, deletion, context);
      const fix = mergeFix(model, deletion);
      report({
        range: wordRange(deletion.command.script, deletion.word),
        message: `This deletes ${describe(deletion.artifacts)} from an earlier RUN: the bytes stay in that layer${size ? ` (${size})` : ''}. Clean up in the RUN that wrote them.`,
        fixes: fix ? [fix] : [],
        related: [...related.values()],
      });
    }
    permissionRewrites(model, context).forEach(report);
  },
};
