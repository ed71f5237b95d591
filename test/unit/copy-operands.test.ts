import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localCopySources } from '../../server/src/engine/context/copy-sources';
import { copyOperands } from '../../server/src/engine/dockerfile/copy-operands';
import { contextPathOf } from '../../server/src/engine/dockerfile/image-files';
import { buildDockerfileModel } from '../../server/src/engine/dockerfile/model';
import { copySource, stageNamed } from '../../server/src/engine/dockerfile/stages';

test('COPY operands are read once per instruction and shared frozen', () => {
  const model = buildDockerfileModel('FROM debian:13\nCOPY a.txt b.txt /dest/\nCOPY ["x", "/z"]\n');
  const [, copy, json] = model.ast.getInstructions();
  const operands = copyOperands(model, copy);
  assert.equal(copyOperands(model, copy), operands);
  assert.deepEqual(operands?.sources.map((source) => source.value), ['a.txt', 'b.txt']);
  assert.equal(operands?.destination.value, '/dest/');
  assert.ok(operands && Object.isFrozen(operands) && Object.isFrozen(operands.sources) && Object.isFrozen(operands.destination));
  assert.deepEqual(copyOperands(model, json)?.sources.map((source) => [source.value, source.json]), [['x', true]]);
  // A fresh parse of the same text is another file: its own answers.
  const again = buildDockerfileModel(model.text);
  assert.notEqual(copyOperands(again, again.ast.getInstructions()[1]), operands);
  assert.deepEqual(copyOperands(again, again.ast.getInstructions()[1]), operands);
});

test('context paths follow the latest local COPY of the stage, then the stages it builds on', () => {
  const model = buildDockerfileModel(
    [
      'FROM debian:13 AS base',
      'WORKDIR /app',
      'COPY scripts/ ./bin/',
      'COPY old-entry.sh /entry.sh',
      'FROM base AS final',
      'COPY --from=base /app/bin/run.sh /run.sh',
      'COPY entry.sh /entry.sh',
      'COPY app.py tool.sh ./',
    ].join('\n'),
  );
  const [base, final] = model.stages;
  assert.equal(contextPathOf(model, final, '/entry.sh'), 'entry.sh');
  assert.equal(contextPathOf(model, base, '/entry.sh'), 'old-entry.sh');
  assert.equal(contextPathOf(model, final, '/app/tool.sh'), 'tool.sh');
  assert.equal(contextPathOf(model, base, '/app/bin/start.sh'), 'scripts/start.sh');
  // Either source of a multi-source COPY may be a folder whose contents land there.
  assert.equal(contextPathOf(model, final, '/app/bin/start.sh'), 'app.py/bin/start.sh');
  assert.equal(contextPathOf(model, final, '/run.sh'), undefined);
});

test('stages are found by name once indexed: the first of a name, without case', () => {
  const model = buildDockerfileModel('FROM alpine AS Build\nFROM alpine AS build\nFROM alpine AS final\nCOPY --from=BUILD /a /a\n');
  assert.equal(stageNamed(model, 'build'), model.stages[0]);
  assert.equal(stageNamed(model, 'FINAL'), model.stages[2]);
  assert.equal(stageNamed(model, 'other'), undefined);
  assert.equal(copySource(model, '1'), model.stages[1]);
});

test('local COPY sources are listed once per stage and shared frozen', () => {
  const model = buildDockerfileModel('FROM alpine\nCOPY a ./b/ /app/\nCOPY --from=x /c /c\nADD https://example.com/d /d\nADD e /e\n');
  const sources = localCopySources(model, model.stages[0]);
  assert.equal(localCopySources(model, model.stages[0]), sources);
  assert.deepEqual(sources.map((source) => source.path), ['a', './b/', 'e']);
  assert.ok(Object.isFrozen(sources) && sources.every((source) => Object.isFrozen(source)));
});
