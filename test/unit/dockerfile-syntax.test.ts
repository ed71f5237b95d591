/**
 * Differential test of Shipshape's Dockerfile parser (engine/dockerfile/syntax) against
 * dockerfile-ast, whose answers the rules were written against: on every Dockerfile of the
 * repository, the benchmark's 10,000-line file and fast-check mutants of them, every method
 * the engine calls gives the same answer from both, on every instruction.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import * as reference from 'dockerfile-ast';
import fc from 'fast-check';
import { parseDockerfile } from '../../server/src/engine/dockerfile/syntax';
import { generatedDockerfile } from '../../scripts/bench/generated-dockerfile.mjs';
import { mutantOf, mutantSubjects } from '../../scripts/fuzz/mutants.mjs';

const ROOT = join(__dirname, '..', '..', '..');

/** What dockerfile-ast threw on: its answer is not one to match. */
const THREW = Symbol('threw');

function attempt<T>(answer: () => T): T | typeof THREW {
  try {
    return answer();
  } catch {
    return THREW;
  }
}

// Both trees are walked through the same duck-typed view: the methods the engine calls.
type Node = any;

const rangeOf = (node: Node) => node?.getRange() ?? null;

function argumentAnswer(argument: Node) {
  return argument === null || argument === undefined ? null : { value: argument.getValue(), range: argument.getRange() };
}

function flagAnswer(flag: Node) {
  if (flag === null) return null;
  return {
    name: flag.getName(),
    nameRange: flag.getNameRange(),
    value: flag.getValue(),
    valueRange: flag.getValueRange(),
    range: flag.getRange(),
    text: flag.toString(),
    options: flag.getOptions().map((option: Node) => ({ name: option.getName(), nameRange: option.getNameRange(), value: option.getValue(), valueRange: option.getValueRange() })),
    from: flag.getOption('from')?.getValue() ?? null,
  };
}

function propertyAnswer(property: Node) {
  if (property === null) return null;
  return { name: property.getName(), nameRange: property.getNameRange(), value: property.getValue(), valueRange: property.getValueRange(), operator: property.getAssignmentOperator() };
}

/** Every answer the engine may ask of an instruction, keyed by method. */
function instructionAnswers(instruction: Node): Record<string, unknown> {
  const answers: Record<string, unknown> = {
    keyword: instruction.getKeyword(),
    instruction: instruction.getInstruction(),
    range: instruction.getRange(),
    instructionRange: instruction.getInstructionRange(),
    arguments: instruction.getArguments().map(argumentAnswer),
    argumentsRange: instruction.getArgumentsRange(),
    methods: ['getFlags', 'getHeredocs', 'getJSONStrings', 'getProperties', 'getProperty', 'getImage', 'getSubcommand', 'getTrigger'].filter((method) => method in instruction),
    heredocs: attempt(() =>
      instruction.getHeredocs().map((heredoc: Node) => ({
        name: heredoc.getName(),
        nameRange: heredoc.getNameRange(),
        startRange: heredoc.getStartRange(),
        contentRange: heredoc.getContentRange(),
        delimiterRange: heredoc.getDelimiterRange(),
      })),
    ),
  };
  if ('getFlags' in instruction) answers.flags = instruction.getFlags().map(flagAnswer);
  if ('getJSONStrings' in instruction) answers.json = instruction.getJSONStrings().map((string: Node) => ({ json: string.getJSONValue(), ...argumentAnswer(string) }));
  if ('getProperties' in instruction) answers.properties = instruction.getProperties().map(propertyAnswer);
  if ('getProperty' in instruction) answers.property = propertyAnswer(instruction.getProperty());
  if ('getImage' in instruction) {
    Object.assign(answers, {
      image: instruction.getImage(),
      imageRange: instruction.getImageRange(),
      imageTag: attempt(() => instruction.getImageTag()),
      imageTagRange: attempt(() => instruction.getImageTagRange()),
      buildStage: instruction.getBuildStage(),
      buildStageRange: instruction.getBuildStageRange(),
      platformFlag: flagAnswer(instruction.getPlatformFlag()),
    });
  }
  if ('getSubcommand' in instruction) answers.subcommand = argumentAnswer(instruction.getSubcommand());
  if ('getTrigger' in instruction) answers.trigger = { trigger: instruction.getTrigger(), word: instruction.getTriggerWord(), range: instruction.getTriggerRange() };
  return answers;
}

function fileAnswers(dockerfile: Node) {
  const instructions: Node[] = dockerfile.getInstructions();
  return {
    escapeCharacter: dockerfile.getEscapeCharacter(),
    comments: dockerfile.getComments().map(rangeOf),
    directives: dockerfile.getDirectives().map((directive: Node) => ({ range: directive.getRange(), name: directive.getName(), value: directive.getValue() })),
    initialARGs: dockerfile.getInitialARGs().map((arg: Node) => instructions.indexOf(arg)),
    instructions: instructions.map(instructionAnswers),
  };
}

/** Where the two parsers disagree on `text`, as a message naming the first difference; undefined when they agree. */
function disagreement(text: string): string | undefined {
  const theirs = fileAnswers(reference.DockerfileParser.parse(text));
  const ours = fileAnswers(parseDockerfile(text));
  // Where dockerfile-ast throws, any answer of ours will do (ours never throws).
  theirs.instructions.forEach((answers, index) => {
    for (const [method, answer] of Object.entries(answers)) if (answer === THREW && ours.instructions[index]) ours.instructions[index][method] = THREW;
  });
  try {
    assert.deepStrictEqual(ours, theirs);
    return undefined;
  } catch (error) {
    return firstDifference(ours, theirs) ?? String(error);
  }
}

function firstDifference(ours: unknown, theirs: unknown, path = ''): string | undefined {
  if (typeof ours !== 'object' || typeof theirs !== 'object' || ours === null || theirs === null) {
    return Object.is(ours, theirs) ? undefined : `${path || 'answer'}: ours ${JSON.stringify(ours)}, dockerfile-ast's ${JSON.stringify(theirs)}`;
  }
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  for (const key of keys) {
    const found = firstDifference((ours as Record<string, unknown>)[key], (theirs as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

function dockerfilesUnder(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) dockerfilesUnder(path, found);
    else if (/^Dockerfile|\.dockerfile$/i.test(name)) found.push(path);
  }
  return found;
}

const corpus = [...dockerfilesUnder(join(ROOT, 'test', 'fixtures')), ...dockerfilesUnder(join(ROOT, 'examples'))].map((path) => ({
  path: relative(ROOT, path),
  kind: 'dockerfile',
  text: readFileSync(path, 'utf8'),
}));

test('the corpus has the Dockerfiles of the repository', () => {
  assert.ok(corpus.length >= 80, `only ${corpus.length} Dockerfiles found`);
});

test('every Dockerfile of the repository parses the same as with dockerfile-ast', () => {
  for (const file of corpus) {
    for (const [variant, text] of [
      ['as written', file.text],
      ['with CRLF line endings', file.text.replace(/\r?\n/g, '\r\n')],
      ['with CR line endings', file.text.replace(/\r?\n/g, '\r')],
      ['with a BOM', `\uFEFF${file.text}`],
    ]) {
      const difference = disagreement(text);
      assert.equal(difference, undefined, `${file.path} ${variant}: ${difference}`);
    }
  }
});

test("the benchmark's 10,000-line Dockerfile parses the same as with dockerfile-ast", () => {
  const text = generatedDockerfile();
  assert.equal(text.split('\n').length, 10_001);
  assert.equal(disagreement(text), undefined);
});

test('the syntax corners parse the same as with dockerfile-ast', () => {
  const corners = [
    '# escape=`\nFROM mcr.microsoft.com/windows AS base\nRUN dir `\n  c:\\ `\n  # comment`\n  && echo hi\nCOPY --from=base ["a b", "c"] d\n',
    '# escape=\\\n# syntax=docker/dockerfile:1\n#check=skip=all\nFROM a\n',
    '  # directive = value  \n#other=1 #third=2\nFROM a\n',
    'RUN <<EOF cat <<-"TWO" >out\nline\nEOF\n\t\tTWO\nRUN echo done\n',
    "COPY <<'A' <<B /dest/\na\nA\nb\nB\n",
    'ONBUILD RUN <<EOF\nhi\nEOF\nONBUILD COPY --from=x a b\nONBUILD\n',
    'RUN <<EOF\nunterminated\n',
    'RUN --mount=type=cache,target=/root/.cache,id=pip --mount=type=secret,id=tok --network=none pip install x\n',
    'COPY --chmod=755 --chown=1:1 --link a b\nADD --checksum=sha256:abc https://x/y /z\nADD --keep-git-dir=true \\\n  git@x:y /z\n',
    'FROM --platform=$BUILDPLATFORM ${REGISTRY:-docker.io}/library/alpine:3.20@sha256:abc AS Build\nFROM localhost:5000/x/y:1 as two\nFROM $IMG:$TAG\n',
    'ENV A=1 B="two words" C=\'single $x\' D=a\\ b\nENV OLD value with spaces\nENV E="esc \\" q" \\\n  F=${G:-x y}\n',
    'LABEL "quoted key"="v" key2=\\\n  # comment inside\n  value2\nARG NAME\nARG N2=default\nARG\n',
    'HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://x/ || exit 1\nHEALTHCHECK NONE\nHEALTHCHECK --interval=5s\n',
    'CMD ["a", "b\\"c", "d\\\\e", "f\\ng"]\nENTRYPOINT [ "x" ,"y" ]\nSHELL ["/bin/bash", "-c"]\nVOLUME ["/data"]\nCMD []\nCMD [ ]\nCMD ["unclosed\n',
    'RUN apt-get update \\\n\n  && apt-get install -y x \\\n  # a comment\n  && rm -rf /var/lib/apt/lists/* \\   \n  && echo \\\r\n  done\n',
    'R\\\nUN echo split keyword\nFR\\ OM a\nRUN\\\n\nRUN \\ \\\necho\n',
    'FROM a\r\nRUN echo \\\r\n  b\r\nCOPY <<EOF /x\r\nbody\r\nEOF\r\n',
    'EXPOSE 80/tcp $PORT\nUSER 1000:1000\nWORKDIR /app\nSTOPSIGNAL SIGTERM\nMAINTAINER me\nunknown instruction here\n',
    'FROM a\nRUN echo \\',
    'FROM a\nENV X=\\',
    '#',
    '',
    '\uFEFF# escape=`\nFROM a\n',
  ];
  for (const text of corners) assert.equal(disagreement(text), undefined, JSON.stringify(text));
});

/** Texts made of the pieces the parsers treat specially, in any order. */
const syntaxSoup = fc
  .array(
    fc.constantFrom(
      ...['FROM ', 'RUN ', 'COPY ', 'ADD ', 'ENV ', 'ARG ', 'LABEL ', 'ONBUILD ', 'HEALTHCHECK ', 'CMD ', 'run ', 'AS ', 'as ', 'NONE', 'CMD'],
      ...['\\', '`', '\n', '\r\n', '\r', ' ', '  ', '\t', '#', '# escape=`\n', '# escape=\\\n', '\uFEFF'],
      ...['<<', '<<-', 'EOF', '"EOF"', "'EOF'", '\tEOF', 'EOF\n', '"', "'", '=', '--', '--mount=', '--from=', '--platform=', 'type=cache,', 'id=x', ','],
      ...['$', '${', '}', ':', ':-', '@', '/', '[', ']', '["a"', ', "b"]', 'a', 'b c', 'x=1', 'k v', 'sha256:1', 'img:tag', 'reg:5000/'],
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));

test('texts made of syntax pieces parse the same as with dockerfile-ast', () => {
  fc.assert(
    fc.property(syntaxSoup, (text) => {
      const difference = disagreement(text);
      if (difference) throw new Error(`${JSON.stringify(text)}: ${difference}`);
    }),
    { numRuns: 3_000 },
  );
});

test('mutants of the repository Dockerfiles parse the same as with dockerfile-ast', () => {
  fc.assert(
    fc.property(mutantSubjects({ hugeTimes: 2_000 }), (subject) => {
      const mutant = mutantOf(corpus, subject);
      const difference = disagreement(mutant.text);
      if (difference) throw new Error(`${mutant.path} mutated by ${JSON.stringify(subject.mutations)}: ${difference}\n${JSON.stringify(mutant.text.slice(0, 2000))}`);
    }),
    { numRuns: 1_500 },
  );
});
