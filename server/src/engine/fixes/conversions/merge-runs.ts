/**
 * Merge RUN Instructions: every run of consecutive mergeable RUNs (same flags, shell form, no
 * heredoc) becomes one `&&` chain in the file's continuation style. A selection limits it to
 * the RUNs it touches; a bare cursor or no selection means the whole file.
 */
import type { TextEdit } from '../../types';
import { canMergeRuns, mergeRunsFix } from '../merge-run';
import { noConversion, type Conversion, type ConversionInput, type ConversionResult } from './conversion';
import { inSelection } from './selection';

function convert({ model, selection }: ConversionInput): ConversionResult {
  const range = selection && selection.start.line !== selection.end.line ? selection : undefined;
  const edits: TextEdit[] = [];
  for (const stage of model.stages) {
    stage.instructions.forEach((run, index) => {
      const previous = stage.instructions[index - 1];
      if (!previous || !inSelection(previous, range) || !inSelection(run, range) || !canMergeRuns(model, previous, run)) return;
      const fix = mergeRunsFix(model, previous, run, '', 'safe');
      if (fix) edits.push(...fix.edits);
    });
  }
  if (edits.length === 0) return noConversion(range ? 'the selection holds no consecutive RUNs that can be merged' : 'no consecutive RUNs can be merged');
  return { fix: { title: 'Merge RUN instructions', edits, safety: 'safe', isPreferred: true } };
}

export const mergeRunsConversion: Conversion = { id: 'mergeRuns', title: 'Merge RUN Instructions', convert };
