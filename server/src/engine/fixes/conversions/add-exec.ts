/**
 * Add exec: in every `["sh", "-c", "…"]` CMD/ENTRYPOINT and in the entrypoint script the
 * image runs, so the app becomes PID 1. The two rules that find these places already build
 * the edits; this gathers their fixes into one (a workspace edit when the script changes).
 */
import { analyze } from '../../analyze';
import { dockerfileRules } from '../../rules';
import type { SeveritySetting, TextEdit } from '../../types';
import { chosenFix } from '../fix-all';
import { noConversion, type Conversion, type ConversionInput, type ConversionResult } from './conversion';

const RULES = ['shell-wrapper-without-exec', 'entrypoint-script-without-exec'];

function convert({ model, context }: ConversionInput): ConversionResult {
  const rules: Record<string, SeveritySetting> = Object.fromEntries(dockerfileRules.map(({ meta }) => [meta.id, RULES.includes(meta.id) ? 'warning' : 'off']));
  const { findings } = analyze({ text: model.text, kind: 'dockerfile', config: { rules }, context });
  const edits: TextEdit[] = findings.flatMap((finding) => chosenFix(finding, ['safe', 'unsafe'])?.edits ?? []);
  if (edits.length === 0) return noConversion('every shell wrapper and entrypoint script already starts its last command with exec');
  const otherFile = edits.some((edit) => edit.file !== undefined);
  return { fix: { title: 'Add exec', edits, safety: otherFile ? 'unsafe' : 'safe', isPreferred: true } };
}

export const addExecConversion: Conversion = { id: 'addExec', title: 'Add exec', convert };
