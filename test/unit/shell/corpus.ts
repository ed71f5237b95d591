/**
 * Shell snippets with the simple commands a correct bash parser finds in them. The same table
 * scores the candidate parsers (scripts/bench/shell-parsers.mjs) and tests our wrapper, so a
 * choice made on it stays checked.
 *
 * `commands` lists every simple command that has a program, ordered by where it starts, as
 * its words exactly as written (program first; assignments before the program and
 * redirections left out). `broken` inputs are syntax errors for bash and must be reported.
 */
export interface CorpusCase {
  name: string;
  script: string;
  commands?: string[][];
  broken?: true;
}

export const corpus: CorpusCase[] = [
  { name: 'and-or list', script: 'apt-get update && apt-get install -y curl || echo failed', commands: [['apt-get', 'update'], ['apt-get', 'install', '-y', 'curl'], ['echo', 'failed']] },
  { name: 'semicolons', script: 'set -eux; cd /tmp; ls', commands: [['set', '-eux'], ['cd', '/tmp'], ['ls']] },
  { name: 'pipe', script: 'curl -fsSL https://example.com/install.sh | sh -s -- -y', commands: [['curl', '-fsSL', 'https://example.com/install.sh'], ['sh', '-s', '--', '-y']] },
  { name: 'subshell', script: '(cd /src && make) && echo ok', commands: [['cd', '/src'], ['make'], ['echo', 'ok']] },
  { name: 'group with redirections', script: '{ echo a; echo b; } > /log 2>&1', commands: [['echo', 'a'], ['echo', 'b']] },
  {
    name: 'if/elif/else',
    script: 'if [ -f /etc/alpine-release ]; then apk add curl; elif command -v apt-get; then apt-get install -y curl; else echo none; fi',
    commands: [['[', '-f', '/etc/alpine-release', ']'], ['apk', 'add', 'curl'], ['command', '-v', 'apt-get'], ['apt-get', 'install', '-y', 'curl'], ['echo', 'none']],
  },
  { name: 'for loop', script: 'for f in a b c; do rm -f "$f"; done', commands: [['rm', '-f', '"$f"']] },
  { name: 'while loop with input', script: 'while read -r line; do echo "$line"; done < /list', commands: [['read', '-r', 'line'], ['echo', '"$line"']] },
  {
    name: 'case',
    script: 'case "$(uname -m)" in x86_64) ARCH=amd64 ;; aarch64|arm64) ARCH=arm64 ;; *) exit 1 ;; esac',
    commands: [['uname', '-m'], ['exit', '1']],
  },
  { name: 'function', script: 'cleanup() { rm -rf /tmp/x; }; cleanup', commands: [['rm', '-rf', '/tmp/x'], ['cleanup']] },
  {
    name: 'command substitution',
    script: 'export VERSION=$(cat /VERSION) && echo "v$(date +%s)"',
    commands: [['export', 'VERSION=$(cat /VERSION)'], ['cat', '/VERSION'], ['echo', '"v$(date +%s)"'], ['date', '+%s']],
  },
  { name: 'nested substitutions in quotes', script: 'echo "$(echo "in $(printf \'%s\' x)")"', commands: [['echo', '"$(echo "in $(printf \'%s\' x)")"'], ['echo', '"in $(printf \'%s\' x)"'], ['printf', "'%s'", 'x']] },
  { name: 'backticks', script: 'echo `uname -r`', commands: [['echo', '`uname -r`'], ['uname', '-r']] },
  { name: 'parameter expansion', script: 'echo ${VAR:-default} ${#ARR[@]} ${x/a/b} ${y%%.*}', commands: [['echo', '${VAR:-default}', '${#ARR[@]}', '${x/a/b}', '${y%%.*}']] },
  { name: 'arithmetic', script: 'N=$((1 + 2)); echo $((N * 2)); (( N++ )) || true', commands: [['echo', '$((N * 2))'], ['true']] },
  { name: 'test command', script: '[[ -n "$X" && $Y == y* ]] && echo yes', commands: [['echo', 'yes']] },
  {
    name: 'quotes of all kinds',
    script: 'echo \'single $x\' "double $x \\"q\\"" $\'ansi\\n\' a"b"\'c\' a\\ b \\$HOME',
    commands: [['echo', "'single $x'", '"double $x \\"q\\""', "$'ansi\\n'", 'a"b"\'c\'', 'a\\ b', '\\$HOME']],
  },
  { name: 'keywords as arguments', script: 'echo if then fi done', commands: [['echo', 'if', 'then', 'fi', 'done']] },
  { name: 'line continuations', script: 'apt-get install -y \\\n    curl \\\n    git', commands: [['apt-get', 'install', '-y', 'curl', 'git']] },
  { name: 'continuation inside quotes', script: 'echo "multi \\\n line" done', commands: [['echo', '"multi \\\n line"', 'done']] },
  { name: 'newline separated', script: 'apt-get update\napt-get install -y x\n', commands: [['apt-get', 'update'], ['apt-get', 'install', '-y', 'x']] },
  { name: 'heredoc', script: 'cat <<EOF > /etc/conf\nkey=$VALUE\nEOF\necho done', commands: [['cat'], ['echo', 'done']] },
  { name: 'heredoc with a substitution in its body', script: 'cat <<EOF\nbuilt $(date)\nEOF', commands: [['cat'], ['date']] },
  { name: 'heredoc <<-', script: 'cat <<-EOF\n\tindented\n\tEOF\necho after', commands: [['cat'], ['echo', 'after']] },
  { name: "heredoc <<'EOF' is not expanded", script: "cat <<'EOF'\n$(not a command)\nEOF\necho after", commands: [['cat'], ['echo', 'after']] },
  { name: 'two heredocs on one line', script: 'cat <<A >/a && cat <<B >/b\none\nA\ntwo\nB\necho ok', commands: [['cat'], ['cat'], ['echo', 'ok']] },
  { name: 'heredoc then more commands on its line', script: 'cat <<EOF | sh && echo ok\necho in-heredoc\nEOF\n', commands: [['cat'], ['sh'], ['echo', 'ok']] },
  { name: 'here-string', script: 'read -r a b <<< "$LINE"', commands: [['read', '-r', 'a', 'b']] },
  { name: 'assignments before the command', script: 'DEBIAN_FRONTEND=noninteractive TZ=UTC apt-get install -y tzdata', commands: [['apt-get', 'install', '-y', 'tzdata']] },
  { name: 'array assignment', script: 'arr=(a b c); echo "${arr[@]}"', commands: [['echo', '"${arr[@]}"']] },
  { name: 'redirections', script: 'make 2>&1 | tee /log; ls &> /dev/null; echo x >> /f; cat < /in', commands: [['make'], ['tee', '/log'], ['ls'], ['echo', 'x'], ['cat']] },
  { name: 'background', script: 'dockerd & sleep 3; docker ps', commands: [['dockerd'], ['sleep', '3'], ['docker', 'ps']] },
  { name: 'negation', script: '! grep -q foo /etc/x && echo missing', commands: [['grep', '-q', 'foo', '/etc/x'], ['echo', 'missing']] },
  { name: 'comments', script: '# setup\napt-get update # refresh\n# done', commands: [['apt-get', 'update']] },
  { name: 'process substitution', script: 'diff <(sort a) <(sort b)', commands: [['diff', '<(sort a)', '<(sort b)'], ['sort', 'a'], ['sort', 'b']] },
  { name: 'non-ASCII text keeps UTF-16 offsets', script: 'echo "héllo wörld ✓ 🐳" && ls /', commands: [['echo', '"héllo wörld ✓ 🐳"'], ['ls', '/']] },
  { name: 'exec', script: 'exec "$@"', commands: [['exec', '"$@"']] },
  { name: 'sudo and env', script: 'sudo -u app env PATH=/x npm ci', commands: [['sudo', '-u', 'app', 'env', 'PATH=/x', 'npm', 'ci']] },
  { name: 'empty', script: '', commands: [] },
  { name: 'only comments and blanks', script: '\n  # nothing\n\n', commands: [] },
  {
    name: 'real: apt-get',
    script: 'set -eux; apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*',
    commands: [['set', '-eux'], ['apt-get', 'update'], ['apt-get', 'install', '-y', '--no-install-recommends', 'ca-certificates', 'curl'], ['rm', '-rf', '/var/lib/apt/lists/*']],
  },
  {
    name: 'real: pip',
    script: 'pip install --no-cache-dir -r requirements.txt \\\n && python -m pip install gunicorn==21.2.0',
    commands: [['pip', 'install', '--no-cache-dir', '-r', 'requirements.txt'], ['python', '-m', 'pip', 'install', 'gunicorn==21.2.0']],
  },
  {
    name: 'real: curl | tar',
    script: 'curl -fsSL "https://go.dev/dl/go${GO_VERSION}.linux-${ARCH}.tar.gz" | tar -xz -C /usr/local',
    commands: [['curl', '-fsSL', '"https://go.dev/dl/go${GO_VERSION}.linux-${ARCH}.tar.gz"'], ['tar', '-xz', '-C', '/usr/local']],
  },
  {
    name: 'real: apk virtual',
    script: 'apk add --no-cache --virtual .build-deps gcc musl-dev \\\n    && pip install cryptography \\\n    && apk del .build-deps',
    commands: [['apk', 'add', '--no-cache', '--virtual', '.build-deps', 'gcc', 'musl-dev'], ['pip', 'install', 'cryptography'], ['apk', 'del', '.build-deps']],
  },
  {
    name: 'real: users',
    script: 'groupadd -r app && useradd --no-log-init -r -g app app && chown -R app:app /app',
    commands: [['groupadd', '-r', 'app'], ['useradd', '--no-log-init', '-r', '-g', 'app', 'app'], ['chown', '-R', 'app:app', '/app']],
  },
  {
    name: 'real: arch switch',
    script: 'set -eux; \\\n  dpkgArch="$(dpkg --print-architecture)"; \\\n  case "${dpkgArch##*-}" in \\\n    amd64) arch=x64 ;; \\\n    arm64) arch=arm64 ;; \\\n    *) echo "unsupported"; exit 1 ;; \\\n  esac; \\\n  curl -fsSLO "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$arch.tar.xz"',
    commands: [['set', '-eux'], ['dpkg', '--print-architecture'], ['echo', '"unsupported"'], ['exit', '1'], ['curl', '-fsSLO', '"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$arch.tar.xz"']],
  },
  { name: 'broken: unterminated double quote', script: 'echo "unterminated && ls', broken: true },
  { name: 'broken: unterminated single quote', script: "echo 'unterminated", broken: true },
  { name: 'broken: if without fi', script: 'if true; then echo x', broken: true },
  { name: 'broken: unclosed substitution', script: 'echo $(date', broken: true },
  { name: 'broken: unclosed subshell', script: '(cd /x && make', broken: true },
  { name: 'broken: trailing && (continued into nothing)', script: 'apt-get install -y curl && \\\n', broken: true },
  { name: 'broken: for without do', script: 'for x in a b; echo $x; done', broken: true },
  { name: 'broken: case without esac', script: 'case x in a) echo a;;', broken: true },
  { name: 'broken: unclosed ${', script: 'echo ${VAR', broken: true },
  { name: 'broken: stray fi', script: 'echo a; fi', broken: true },
  { name: 'broken: empty pipeline stage', script: 'a | | b', broken: true },
];

/** Typical RUN bodies, for timing: what a Dockerfile linter parses all day. */
export const timingBodies: string[] = corpus.filter((entry) => entry.name.startsWith('real: ')).map((entry) => entry.script).concat([
  'npm ci --omit=dev && npm cache clean --force',
  'go build -ldflags="-s -w" -o /out/app ./cmd/app',
  'mkdir -p /app && chown -R node:node /app',
  'wget -qO- https://example.com/x.tgz | tar xz -C /opt && ln -s /opt/x/bin/x /usr/local/bin/x',
  'yum install -y httpd && yum clean all && rm -rf /var/cache/yum',
]);
