import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseShell, type ShellCommand } from '../../../server/src/engine/shell';
import { corpus } from './corpus';

const wordsOf = (command: ShellCommand) => command.words.map((word) => word.raw);

describe('parseShell: corpus', () => {
  for (const entry of corpus) {
    test(entry.name, () => {
      const parsed = parseShell(entry.script);
      if (entry.broken) {
        assert.ok(parsed.errors.length > 0, 'the error is reported');
      } else {
        assert.deepEqual(parsed.errors, []);
        assert.deepEqual(parsed.commands.filter((command) => command.program).map(wordsOf), entry.commands);
      }
      for (const command of parsed.commands) {
        for (const word of [...command.words, ...command.assignments, ...command.redirections.flatMap((redirection) => redirection.target ?? [])]) {
          assert.equal(entry.script.slice(word.start, word.end), word.raw, 'offsets point at the word');
        }
      }
      for (const error of parsed.errors) assert.ok(error.offset >= 0 && error.offset <= entry.script.length);
    });
  }

  test('every prefix of every script parses without throwing', () => {
    for (const { script } of corpus) {
      for (let end = 0; end <= script.length; end++) {
        const parsed = parseShell(script.slice(0, end));
        for (const command of parsed.commands) assert.ok(command.end <= end);
      }
    }
  });
});

describe('parseShell: structure', () => {
  // [words, before, after, pipeline position, negated, background, nesting]
  type Row = [string, string?, string?, string?, boolean?, boolean?, string?];
  // Trailing defaults (undefined, false) are left out of the expected rows.
  const trim = (row: Row): unknown[] => {
    const trimmed: unknown[] = [...row];
    while (trimmed.length > 1 && !trimmed[trimmed.length - 1]) trimmed.pop();
    return trimmed;
  };
  const cases: { script: string; commands: Row[] }[] = [
    {
      script: 'set -eux; apt-get update && apt-get install -y curl \\\n  || true\nexec "$@"',
      commands: [
        ['set -eux', undefined, ';'],
        ['apt-get update', ';', '&&'],
        ['apt-get install -y curl', '&&', '||'],
        ['true', '||', 'newline'],
        ['exec "$@"', 'newline', undefined],
      ],
    },
    {
      script: 'a & b; ! c | d |& e\n# comment\nf # trailing\ng',
      commands: [
        ['a', undefined, '&', undefined, false, true],
        ['b', '&', ';'],
        ['c', ';', '|', '0/3', true],
        ['d', '|', '|&', '1/3', true],
        ['e', '|&', 'newline', '2/3', true],
        ['f', 'newline', 'newline'],
        ['g', 'newline', undefined],
      ],
    },
    {
      script: 'a && b &',
      commands: [
        ['a', undefined, '&&', undefined, false, true],
        ['b', '&&', '&', undefined, false, true],
      ],
    },
    {
      script: '(cd /src && make) && { echo a; echo b; }; if x; then y; elif z; then w; else v; fi',
      commands: [
        ['cd /src', undefined, '&&', undefined, false, false, 'subshell'],
        ['make', '&&', undefined, undefined, false, false, 'subshell'],
        ['echo a', undefined, ';', undefined, false, false, 'group'],
        ['echo b', ';', ';', undefined, false, false, 'group'],
        ['x', undefined, ';', undefined, false, false, 'if'],
        ['y', undefined, ';', undefined, false, false, 'if'],
        ['z', undefined, ';', undefined, false, false, 'if'],
        ['w', undefined, ';', undefined, false, false, 'if'],
        ['v', undefined, ';', undefined, false, false, 'if'],
      ],
    },
    {
      script: 'for f in $(ls); do rm "$f"; done; while read l; do :; done; case $x in a) one;; *) two;; esac',
      commands: [
        ['ls', undefined, undefined, undefined, false, false, 'substitution'],
        ['rm "$f"', undefined, ';', undefined, false, false, 'loop'],
        ['read l', undefined, ';', undefined, false, false, 'loop'],
        [':', undefined, ';', undefined, false, false, 'loop'],
        ['one', undefined, undefined, undefined, false, false, 'case'],
        ['two', undefined, undefined, undefined, false, false, 'case'],
      ],
    },
    {
      script: 'f() { (g "$(h)"); }',
      commands: [
        ['g "$(h)"', undefined, undefined, undefined, false, false, 'function/subshell'],
        ['h', undefined, undefined, undefined, false, false, 'function/subshell/substitution'],
      ],
    },
  ];
  for (const { script, commands } of cases) {
    test(JSON.stringify(script), () => {
      const rows = parseShell(script).commands.map((command) =>
        trim([
          wordsOf(command).join(' '),
          command.before,
          command.after,
          command.pipeline && `${command.pipeline.index}/${command.pipeline.length}`,
          command.negated,
          command.background,
          command.nesting.join('/') || undefined,
        ]),
      );
      assert.deepEqual(rows, commands.map(trim));
    });
  }
});

describe('parseShell: words', () => {
  test('values after quote removal, and which words expand', () => {
    const script = 'echo \'single $x\' "double $x" a"b"\'c\' a\\ b \\$HOME $\'a\\tb\' /var/lib/apt/lists/* ~/x {a,b} ${Y:-d} $((1+2)) "$(date)" "multi \\\n line"';
    const [echo] = parseShell(script).commands;
    assert.deepEqual(
      echo.words.slice(1).map((word) => [word.value, word.hasExpansion]),
      [
        ['single $x', false],
        [undefined, true],
        ['abc', false],
        ['a b', false],
        ['$HOME', false],
        ['a\tb', false],
        ['/var/lib/apt/lists/*', false],
        ['~/x', false],
        ['{a,b}', false],
        [undefined, true],
        [undefined, true],
        [undefined, true],
        ['multi  line', false],
      ],
    );
  });

  test('program names', () => {
    const names = parseShell('/usr/bin/apt-get x; $DIR/bin/pip x; "${X}/apt-get" x; $(which pip) x; ${X}pip x; ./configure; \'/opt/a b/run\'')
      .commands.filter((command) => command.nesting.length === 0)
      .map((command) => command.program?.name);
    assert.deepEqual(names, ['apt-get', 'pip', 'apt-get', undefined, undefined, 'configure', 'run']);
  });

  test('assignments before the command', () => {
    const [command] = parseShell('A= B="x y" C=(1 2) D=$E env F=g cmd').commands;
    assert.deepEqual(
      command.assignments.map((assignment) => [assignment.name, assignment.value?.value, assignment.raw]),
      [
        ['A', '', 'A='],
        ['B', 'x y', 'B="x y"'],
        ['C', undefined, 'C=(1 2)'],
        ['D', undefined, 'D=$E'],
      ],
    );
    assert.deepEqual(wordsOf(command), ['env', 'F=g', 'cmd']);
  });

  test('declaration arguments are words that keep their text', () => {
    const [command] = parseShell('export A=1 B "C=$d"').commands;
    assert.deepEqual(command.words.map((word) => [word.raw, word.value]), [['export', 'export'], ['A=1', 'A=1'], ['B', 'B'], ['"C=$d"', undefined]]);
  });

  test('a command of only assignments or redirections has no program', () => {
    const commands = parseShell('A=b; > /file').commands;
    assert.deepEqual(commands.map((command) => [command.program, command.words.length]), [[undefined, 0], [undefined, 0]]);
    assert.equal(commands[1].redirections[0].target?.value, '/file');
  });
});

describe('parseShell: redirections and heredocs', () => {
  test('operators, descriptors and targets', () => {
    const [command] = parseShell('cmd >f 2>&1 &>g >>h < i 3<&0 <<< "s"').commands;
    assert.deepEqual(
      command.redirections.map((redirection) => [redirection.operator, redirection.fd, redirection.target?.raw]),
      [['>', undefined, 'f'], ['>&', 2, '1'], ['&>', undefined, 'g'], ['>>', undefined, 'h'], ['<', undefined, 'i'], ['<&', 3, '0'], ['<<<', undefined, '"s"']],
    );
  });

  test('several heredocs on one line, quoted and tab-stripping', () => {
    const script = "cat <<A >/a && cat <<-'B' >/b\none $x\nA\n\ttwo\n\tB\necho ok";
    const commands = parseShell(script).commands;
    const heredocs = commands.flatMap((command) => command.redirections.flatMap((redirection) => redirection.heredoc ?? []));
    assert.deepEqual(
      heredocs.map((heredoc) => [heredoc.delimiter, heredoc.quoted, heredoc.stripTabs, heredoc.body]),
      [['A', false, false, 'one $x\n'], ['B', true, true, '\ttwo\n']],
    );
    for (const heredoc of heredocs) assert.equal(script.slice(heredoc.bodyStart, heredoc.bodyEnd), heredoc.body);
    assert.deepEqual(commands.map(wordsOf), [['cat'], ['cat'], ['echo', 'ok']]);
  });
});

describe('parseShell: final command', () => {
  const cases: [string, string | undefined, boolean?][] = [
    ['a && b', 'b'],
    ['a || b', 'b'],
    ['set -e; exec "$@"', 'exec "$@"', true],
    ['/bin/sh -c x\n# trailing comment\n', '/bin/sh -c x'],
    ['a | b', undefined],
    ['a &', undefined],
    ['! a', undefined],
    ['if x; then y; fi', undefined],
    ['(a)', undefined],
    ['a; f() { b; }', undefined],
    ['run_tests() { go test; }\nrun_tests', undefined],
    ['function run { a; }\nb run', 'b run'],
    ['A=1', undefined],
    ['', undefined],
    ['echo "$(date)"', 'echo "$(date)"'],
  ];
  for (const [script, words, exec = false] of cases) {
    test(JSON.stringify(script), () => {
      const final = parseShell(script).final;
      assert.equal(final && wordsOf(final.command).join(' '), words);
      if (final) assert.equal(final.exec, exec);
    });
  }
});

describe('parseShell: substitutions', () => {
  // Words are only searched for nested scripts when the script has a substitution somewhere.
  const cases: [string, string[]][] = [
    ['a "$(b)"', ['a', 'b']],
    ['a `b`', ['a', 'b']],
    ['diff <(a) >(b)', ['diff', 'a', 'b']],
    ['a > "$(b)"', ['a', 'b']],
    ['[[ -n $(a) ]] && b', ['a', 'b']],
    ['echo $((1 + $(a)))', ['echo', 'a']],
    ['cat <<EOF\n$(a)\nEOF\nb', ['cat', 'a', 'b']],
    ['a "$b" ${c:-d} $((1 + 2)) < e', ['a']],
  ];
  for (const [script, programs] of cases) {
    test(JSON.stringify(script), () => {
      assert.deepEqual(parseShell(script).commands.map((command) => command.program?.name), programs);
    });
  }
});

describe('parseShell: odd input', () => {
  test('escaped backticks inside backticks: commands found, offsets are the outer substitution', () => {
    const script = 'echo `echo \\`date\\``';
    const commands = parseShell(script).commands;
    assert.deepEqual(commands.map((command) => command.program?.name), ['echo', 'echo', 'date']);
    assert.deepEqual(commands.map((command) => command.approximate), [undefined, true, true]);
    for (const command of commands.slice(1)) assert.deepEqual([command.start, command.end], [5, script.length]);
  });

  test('unbalanced quotes report where they start and keep the command', () => {
    const parsed = parseShell('apt-get install "curl && rm -rf /x');
    assert.deepEqual(parsed.errors.map((error) => error.offset), [16]);
    assert.deepEqual(parsed.commands.map((command) => command.program?.name), ['apt-get']);
  });

  test('an error in a substitution is reported once', () => {
    const parsed = parseShell('x=$(echo "a');
    assert.equal(new Set(parsed.errors.map((error) => `${error.offset}:${error.message}`)).size, parsed.errors.length);
    assert.ok(parsed.errors.length > 0);
  });

  test('deep nesting is an error, not a crash', () => {
    const parsed = parseShell(`${'('.repeat(5000)}a${')'.repeat(5000)}`);
    assert.ok(parsed.errors.length > 0);
  });
});
