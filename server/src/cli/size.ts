import { documentKindForPath } from '../engine';
import { breakdownOf } from '../engine/size/breakdown';
import { reportText } from '../engine/size/describe';
import { estimateImageSize } from '../engine/size/estimate';
import { sizeTables } from '../engine/size/tables';
import { buildContextFor } from '../host/build-context';
import type { SizeOptions } from './args';
import { discoverFiles } from './discovery';
import type { CliIo } from './io';
import { readTextSource } from './source';

/**
 * `shipshape size`: what each stage of the Dockerfiles will weigh, layer by layer, from the
 * bundled tables and the build context on disk (no network). Exit 0, or 2 when a file cannot be read.
 */
export function runSize(options: SizeOptions, io: CliIo): number {
  const warn = (message: string) => io.stderr.write(`shipshape: ${message}\n`);
  const discovery = discoverFiles(options.paths, io);
  discovery.warnings.forEach(warn);
  const dockerfiles = discovery.files.filter((file) => file.named || documentKindForPath(file.absolutePath) === 'dockerfile');
  if (dockerfiles.length === 0) warn('no Dockerfiles found');
  const today = new Date().toISOString().slice(0, 10);
  const results: Record<string, ReturnType<typeof breakdownOf>> = {};
  const texts: string[] = [];
  let failed = false;
  for (const file of dockerfiles) {
    const source = readTextSource(file, io, warn);
    if (typeof source === 'string') {
      failed ||= source === 'unreadable';
      continue;
    }
    const report = estimateImageSize({ text: source.text, config: { shippedStage: options.shippedStage, today }, context: buildContextFor(file.absolutePath), data: sizeTables });
    if (options.format === 'json') results[file.displayPath] = breakdownOf(report, source.text, today);
    else texts.push(`${file.displayPath}\n${reportText(report, { today })}\n`);
  }
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(results, null, 2)}\n` : texts.join('\n'));
  return failed ? 2 : 0;
}
