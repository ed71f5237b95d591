/** A code lens on each FROM with the stage's estimated size; clicking it opens the breakdown. */
import type { CodeLens } from 'vscode-languageserver';
import { stageTitle } from '../engine/size/describe';
import type { SizeReport } from '../engine/size/estimate';
import { SHOW_BREAKDOWN_COMMAND } from './breakdown-commands';

export function stageSizeLenses(report: SizeReport, uri: string): CodeLens[] {
  return report.stages.map((stage) => ({
    range: stage.fromRange,
    command: { title: stageTitle(stage), command: SHOW_BREAKDOWN_COMMAND, arguments: [uri] },
  }));
}
