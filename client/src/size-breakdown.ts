/**
 * Show Image Size Breakdown: the server computes the figures (`shipshape.server.imageSizeBreakdown`),
 * this view draws them, a bar per stage and per layer, in the editor's own colours.
 */
import { ViewColumn, window, type Disposable, type TextDocument, type WebviewPanel } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import type { Breakdown } from '../../server/src/engine/size/breakdown';
import { formatBytes as bytes } from '../../server/src/engine/size/format';
import { IMAGE_SIZE_BREAKDOWN_COMMAND } from '../../server/src/lsp/breakdown-commands';

let panel: WebviewPanel | undefined;
/** The Dockerfile last in front: a link on a page such as the walkthrough runs the command while that page is. */
let lastDockerfile: TextDocument | undefined;

export function trackLastDockerfile(): Disposable {
  const remember = (document: TextDocument | undefined) => {
    if (document?.languageId === 'dockerfile') lastDockerfile = document;
  };
  remember(window.activeTextEditor?.document);
  return window.onDidChangeActiveTextEditor((editor) => remember(editor?.document));
}

/** The code lens passes its Dockerfile's uri; the palette takes the active editor's, a link the last Dockerfile's. */
export async function showSizeBreakdown(client: LanguageClient | undefined, uri?: string): Promise<Breakdown | undefined> {
  const editor = window.activeTextEditor;
  // A page such as the walkthrough is no text editor: then the last Dockerfile, while it is open.
  const front = editor ? editor.document : lastDockerfile?.isClosed === false ? lastDockerfile : undefined;
  const target = uri ?? (front?.languageId === 'dockerfile' ? front.uri.toString() : undefined);
  if (!client || !target) {
    void window.showInformationMessage('Open a Dockerfile to see its image size breakdown.');
    return undefined;
  }
  const answer = await client.sendRequest(ExecuteCommandRequest.type, { command: IMAGE_SIZE_BREAKDOWN_COMMAND, arguments: [{ uri: target }] });
  if (!isBreakdown(answer)) {
    void window.showInformationMessage(`Image size breakdown: ${(answer as { reason?: string } | null)?.reason ?? 'the server gave no figures'}.`);
    return undefined;
  }
  const name = target.slice(target.lastIndexOf('/') + 1);
  if (!panel) {
    panel = window.createWebviewPanel('shipshape.imageSize', 'Image size', { viewColumn: ViewColumn.Beside, preserveFocus: true }, { enableScripts: false });
    panel.onDidDispose(() => (panel = undefined));
  }
  panel.title = `Image size: ${decodeURIComponent(name)}`;
  panel.webview.html = render(answer, decodeURIComponent(name));
  panel.reveal(ViewColumn.Beside, true);
  return answer;
}

function isBreakdown(value: unknown): value is Breakdown {
  return typeof value === 'object' && value !== null && Array.isArray((value as Breakdown).stages);
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function bar(value: number, largest: number, kind: string): string {
  const width = largest > 0 ? Math.max(0.5, (100 * value) / largest) : 0;
  return `<div class="track"><div class="bar ${kind}" style="width:${width.toFixed(1)}%"></div></div>`;
}

function render(breakdown: Breakdown, file: string): string {
  const largest = Math.max(1, ...breakdown.stages.map((stage) => stage.totalBytes));
  const stages = breakdown.stages.map((stage) => {
    const layerLargest = Math.max(1, stage.base.bytes ?? 0, ...stage.layers.map((layer) => layer.bytes));
    const base = stage.base;
    const download = base.compressedBytes !== null ? `, ${bytes(base.compressedBytes)} download${base.compressedSource === 'registry' ? ' (registry)' : ''}` : '';
    const rows = [
      `<tr class="base"><td>base</td><td>${escape(base.label)}${[base.endOfLife, base.platformSize].map((note) => (note ? `<div class="note">${escape(note)}</div>` : '')).join('')}</td><td>${bar(base.bytes ?? 0, layerLargest, 'base')}</td><td class="size">${base.bytes === null ? 'unknown' : bytes(base.bytes)}${download}</td></tr>`,
      ...stage.layers.map((layer) => {
        const parts = layer.parts
          .map((part) => `<li>${escape(part.label)}: ${part.bytes === null ? 'unknown' : bytes(part.bytes)}${part.deletedLaterOnLine ? ` <span class="waste">deleted on line ${part.deletedLaterOnLine}, still shipped</span>` : ''}</li>`)
          .join('');
        return `<tr><td>line ${layer.line}</td><td><code>${escape(layer.text)}</code>${parts ? `<ul>${parts}</ul>` : ''}</td><td>${bar(layer.bytes, layerLargest, layer.wastedBytes > 0 ? 'wasted' : 'layer')}</td><td class="size">${escape(layer.label)}${layer.files !== undefined ? `<div class="note">${layer.files} file${layer.files === 1 ? "" : "s"}</div>` : ''}</td></tr>`;
      }),
    ].join('');
    const smaller = stage.smaller.length
      ? `<p>Smaller bases:</p><ul>${stage.smaller.map((alternative) => `<li><code>${escape(alternative.image)}</code>${alternative.compressedBytes !== null ? `: ${bytes(alternative.compressedBytes)} download` : ''}${alternative.savesBytes ? `, saves ${bytes(alternative.savesBytes)}` : ''}${alternative.note ? ` (${escape(alternative.note)})` : ''}</li>`).join('')}</ul>`
      : '';
    return `<section class="stage${stage.shipped ? ' shipped' : ''}"><h2>${escape(stage.title)}</h2>${bar(stage.totalBytes, largest, 'total')}<table>${rows}</table>${smaller}</section>`;
  });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"><style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-bottom: 4px; }
table { width: 100%; border-collapse: collapse; margin-top: 8px; }
td { padding: 3px 6px; vertical-align: top; border-bottom: 1px solid var(--vscode-panel-border); }
td:nth-child(3) { width: 30%; } .size { white-space: nowrap; text-align: right; }
.track { background: var(--vscode-editorWidget-background); height: 10px; border-radius: 2px; }
.bar { height: 10px; border-radius: 2px; background: var(--vscode-charts-blue); }
.bar.base { background: var(--vscode-charts-purple); } .bar.total { background: var(--vscode-charts-green); }
.bar.wasted { background: var(--vscode-charts-orange); }
.note, .waste { color: var(--vscode-descriptionForeground); font-size: 0.9em; } .waste { color: var(--vscode-charts-orange); }
code { font-family: var(--vscode-editor-font-family); } ul { margin: 2px 0 0 0; padding-left: 18px; }
</style></head><body><h1>Image size: ${escape(file)}</h1>${stages.join('')}<p class="note">Estimates from tables as of ${escape(breakdown.asOf)}; "at least" marks parts whose size is unknown. Unpacked sizes for linux/amd64.</p></body></html>`;
}
