/**
 * Convert CMD/ENTRYPOINT to Exec Form: the shell-form commands the cursor or selection
 * touches, else every one in the file, through the same conversion as cmd-shell-form's fix
 * (exact JSON escaping; `["/bin/sh", "-c", "… exec …"]` only where a shell exists).
 */
import { argumentsText, execFormArguments, isWindowsStage } from '../../dockerfile/model';
import type { FixSafety, TextEdit } from '../../types';
import { execFormFix } from '../exec-form-fix';
import { noConversion, type Conversion, type ConversionInput, type ConversionResult } from './conversion';
import { inSelection } from './selection';

const KEYWORDS = new Set(['CMD', 'ENTRYPOINT']);

function convert({ model, selection }: ConversionInput): ConversionResult {
  const candidates = model.stages.flatMap((stage) =>
    stage.instructions
      .filter((instruction) => KEYWORDS.has(instruction.getKeyword()) && !isWindowsStage(model, stage) && !execFormArguments(argumentsText(model, instruction)))
      .map((instruction) => ({ stage, instruction })),
  );
  const touched = candidates.filter(({ instruction }) => inSelection(instruction, selection));
  const chosen = touched.length > 0 ? touched : candidates;
  if (chosen.length === 0) return noConversion('every CMD and ENTRYPOINT is in exec form already');
  const edits: TextEdit[] = [];
  let safety: FixSafety = 'safe';
  for (const { stage, instruction } of chosen) {
    const hasCmd = stage.instructions.some((other) => other.getKeyword() === 'CMD');
    // An exec-form ENTRYPOINT starts taking CMD as its arguments: a behaviour change.
    const fix = execFormFix(model, stage, instruction, instruction.getKeyword() === 'ENTRYPOINT' && hasCmd ? 'unsafe' : 'safe');
    if (!fix) continue;
    edits.push(...fix.edits);
    if (fix.safety === 'unsafe') safety = 'unsafe';
  }
  if (edits.length === 0) return noConversion('these commands need shell features (pipes, `||`, background jobs) or a shell the image lacks');
  return { fix: { title: 'Convert to exec form', edits, safety, isPreferred: true } };
}

export const execFormConversion: Conversion = { id: 'convertToExecForm', title: 'Convert CMD/ENTRYPOINT to Exec Form', convert };
