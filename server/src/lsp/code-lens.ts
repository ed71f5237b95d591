/** A code lens on each FROM with the stage's estimated size; clicking it opens the breakdown. */
import type { CodeLens } from 'vscode-languageserver';
import { stageTitle } from '../engine/size/describe';
import type { SizeReport } from '../engine/size/estimate';

/** The client command that shows the breakdown view (package.json contributes it). */
export const SHOW_BREAKDOWN_COMMAND = 'shipshape.showImageSizeBreakdown';

export function stageSizeLenses(report: SizeReport, uri: string): CodeLens[] {
  return report.stages.map((stage) => ({
    range: stage.fromRange,
    command: { title: stageTitle(stage), command: SHOW_BREAKDOWN_COMMAND, arguments: [uri] },
  }));
}
