import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeCommand, parseShell, type CommandDescription } from '../../../server/src/engine/shell';

interface Expected {
  tool: string;
  subcommand?: string;
  /** name → value; `<word>` when the value is an expansion; true for an option without one. */
  flags?: Record<string, string | true>;
  operands?: string[];
  viaSudo?: true;
  wrappers?: string[];
  environment?: string[];
}

function summary(description: CommandDescription): Expected {
  const flags = Object.fromEntries([...description.flags].map(([name, flag]): [string, string | true] => [name, flag.value ?? (flag.valueWord ? `<${flag.valueWord.raw}>` : true)]));
  return {
    tool: description.tool,
    ...(description.subcommand && { subcommand: description.subcommand.name }),
    ...(description.flags.size > 0 && { flags }),
    ...(description.operands.length > 0 && { operands: description.operands.map((word) => word.raw) }),
    ...(description.viaSudo && { viaSudo: true as const }),
    ...(description.wrappers.length > 0 && { wrappers: description.wrappers }),
    ...(description.environment.length > 0 && { environment: description.environment.map((word) => word.raw) }),
  };
}

const describeFirst = (script: string) => {
  const command = parseShell(script).commands[0];
  const description = describeCommand(command);
  assert.ok(description, 'the command has a program');
  return description;
};

const cases: [string, Expected][] = [
  ['apt-get -qq install -y --no-install-recommends curl=8.* git', { tool: 'apt-get', subcommand: 'install', flags: { '-qq': true, '-y': true, '--no-install-recommends': true }, operands: ['curl=8.*', 'git'] }],
  ['/usr/bin/apt-get --assume-yes -o Dpkg::Options::=--force-confnew upgrade', { tool: 'apt-get', subcommand: 'upgrade', flags: { '-y': true, '-o': 'Dpkg::Options::=--force-confnew' } }],
  ['apt install -qy --option=APT::Keep-Downloaded-Packages=false vim', { tool: 'apt', subcommand: 'install', flags: { '-q': true, '-y': true, '-o': 'APT::Keep-Downloaded-Packages=false' }, operands: ['vim'] }],
  ['apt-get dist-clean', { tool: 'apt-get', subcommand: 'dist-clean' }],
  ['apk add --no-cache --virtual .build-deps gcc', { tool: 'apk', subcommand: 'add', flags: { '--no-cache': true, '-t': '.build-deps' }, operands: ['gcc'] }],
  ['apk -U upgrade', { tool: 'apk', subcommand: 'upgrade', flags: { '-U': true } }],
  ['yum -y install --setopt=tsflags=nodocs httpd-2.4*', { tool: 'yum', subcommand: 'install', flags: { '-y': true, '--setopt': 'tsflags=nodocs' }, operands: ['httpd-2.4*'] }],
  ['dnf --assumeyes --enablerepo crb install git', { tool: 'dnf', subcommand: 'install', flags: { '-y': true, '--enablerepo': 'crb' }, operands: ['git'] }],
  ['microdnf install -y --nodocs shadow-utils', { tool: 'microdnf', subcommand: 'install', flags: { '-y': true, '--nodocs': true }, operands: ['shadow-utils'] }],
  ['yum erase -y x', { tool: 'yum', subcommand: 'remove', flags: { '-y': true }, operands: ['x'] }],
  ['zypper --non-interactive in -y --no-recommends vim', { tool: 'zypper', subcommand: 'install', flags: { '-n': true, '-y': true, '--no-recommends': true }, operands: ['vim'] }],
  ['pip install --no-cache-dir -r requirements.txt', { tool: 'pip', subcommand: 'install', flags: { '--no-cache-dir': true, '-r': 'requirements.txt' } }],
  ['pip3.12 install -Ur x.txt', { tool: 'pip', subcommand: 'install', flags: { '-U': true, '-r': 'x.txt' } }],
  ['python3 -u -m pip install --upgrade pip==24.0', { tool: 'pip', subcommand: 'install', flags: { '-U': true }, operands: ['pip==24.0'] }],
  ['python -m venv /opt/venv', { tool: 'python', flags: { '-m': 'venv' }, operands: ['/opt/venv'] }],
  ['python3 manage.py collectstatic --noinput', { tool: 'python', flags: { '--noinput': true }, operands: ['manage.py', 'collectstatic'] }],
  ['npm ci --omit=dev', { tool: 'npm', subcommand: 'ci', flags: { '--omit': 'dev' } }],
  ['npm i -g --save-exact yarn@1.22.22', { tool: 'npm', subcommand: 'install', flags: { '-g': true, '-E': true }, operands: ['yarn@1.22.22'] }],
  ['yarn install --frozen-lockfile --production', { tool: 'yarn', subcommand: 'install', flags: { '--frozen-lockfile': true, '--production': true } }],
  ['yarn', { tool: 'yarn' }],
  ['pnpm i --prod --filter api', { tool: 'pnpm', subcommand: 'install', flags: { '-P': true, '-F': 'api' } }],
  ['gem install bundler -v 2.5.3 --no-document', { tool: 'gem', subcommand: 'install', flags: { '-v': '2.5.3', '-N': true }, operands: ['bundler'] }],
  ['go build -ldflags="-s -w" -trimpath -o /out/app ./cmd/app', { tool: 'go', subcommand: 'build', flags: { '-ldflags': '-s -w', '-trimpath': true, '-o': '/out/app' }, operands: ['./cmd/app'] }],
  ['go install golang.org/x/tools/gopls@v0.15.0', { tool: 'go', subcommand: 'install', operands: ['golang.org/x/tools/gopls@v0.15.0'] }],
  ['curl -fsSLo /tmp/x.tgz https://example.com/x.tgz --retry 3', { tool: 'curl', flags: { '-f': true, '-s': true, '-S': true, '-L': true, '-o': '/tmp/x.tgz', '--retry': '3' }, operands: ['https://example.com/x.tgz'] }],
  ['curl --location --output=a "$URL"', { tool: 'curl', flags: { '-L': true, '-o': 'a' }, operands: ['"$URL"'] }],
  ['wget -qO- https://example.com/i.sh', { tool: 'wget', flags: { '-q': true, '-O': '-' }, operands: ['https://example.com/i.sh'] }],
  ['wget -nv --no-check-certificate https://x', { tool: 'wget', flags: { '-nv': true, '--no-check-certificate': true }, operands: ['https://x'] }],
  ['rm -Rf /var/lib/apt/lists/* -- -odd', { tool: 'rm', flags: { '-r': true, '-f': true }, operands: ['/var/lib/apt/lists/*', '-odd'] }],
  ['cd -P /app', { tool: 'cd', flags: { '-P': true }, operands: ['/app'] }],
  ['useradd --no-log-init -r -g app -u 1000 app', { tool: 'useradd', flags: { '-l': true, '-r': true, '-g': 'app', '-u': '1000' }, operands: ['app'] }],
  ['adduser -D -S -G app -u 10001 app', { tool: 'adduser', flags: { '-D': true, '-S': true, '-G': 'app', '-u': '10001' }, operands: ['app'] }],
  ['adduser --system --uid 999 --ingroup app --disabled-password app', { tool: 'adduser', flags: { '-S': true, '--uid': '999', '--ingroup': 'app', '-D': true }, operands: ['app'] }],
  ['addgroup -S -g 1000 app', { tool: 'addgroup', flags: { '-S': true, '-g': '1000' }, operands: ['app'] }],
  ['groupadd --system --gid 1000 app', { tool: 'groupadd', flags: { '-r': true, '-g': '1000' }, operands: ['app'] }],
  ['mkdir -p -m 777 /data', { tool: 'mkdir', flags: { '-p': true, '-m': '777' }, operands: ['/data'] }],
  ['install -d --mode=0777 -o app /data', { tool: 'install', flags: { '-d': true, '-m': '0777', '-o': 'app' }, operands: ['/data'] }],
  ["sed -i.bak -e 's/a/b/' --expression='s/c/d/' f", { tool: 'sed', flags: { '-i': '.bak', '-e': 's/c/d/' }, operands: ['f'] }],
  ['chmod -R 0755 /app', { tool: 'chmod', flags: { '-R': true }, operands: ['0755', '/app'] }],
  ['chown --recursive app:app /app', { tool: 'chown', flags: { '-R': true }, operands: ['app:app', '/app'] }],
  ['ln -sf /usr/bin/python3 /usr/bin/python', { tool: 'ln', flags: { '-s': true, '-f': true }, operands: ['/usr/bin/python3', '/usr/bin/python'] }],
  ['tar xzf a.tgz -C /opt', { tool: 'tar', flags: { '-x': true, '-z': true, '-f': 'a.tgz', '-C': '/opt' } }],
  ['tar --extract --file c.tar --strip-components=1 -C /x', { tool: 'tar', flags: { '-x': true, '-f': 'c.tar', '--strip-components': '1', '-C': '/x' } }],
  ['git clone --depth 1 -b v1.2 https://github.com/a/b.git /src', { tool: 'git', subcommand: 'clone', flags: { '--depth': '1', '-b': 'v1.2' }, operands: ['https://github.com/a/b.git', '/src'] }],
  ['git -C /src checkout abc123', { tool: 'git', subcommand: 'checkout', flags: { '-C': '/src' }, operands: ['abc123'] }],
  ['bundle install --jobs 4 --without development test', { tool: 'bundle', subcommand: 'install', flags: { '-j': '4', '--without': 'development' }, operands: ['test'] }],
  ['composer install --no-dev -o --no-interaction', { tool: 'composer', subcommand: 'install', flags: { '--no-dev': true, '-o': true, '-n': true } }],
  ['mvn -B -DskipTests -pl core package', { tool: 'mvn', flags: { '-B': true, '-D': 'skipTests', '-pl': 'core' }, operands: ['package'] }],
  ['gradle build --no-daemon -x test', { tool: 'gradle', flags: { '--no-daemon': true, '-x': 'test' }, operands: ['build'] }],
  ['cargo build --release --locked -p api', { tool: 'cargo', subcommand: 'build', flags: { '-r': true, '--locked': true, '-p': 'api' } }],
  ['service nginx start', { tool: 'service', operands: ['nginx', 'start'] }],
  ['supervisord -n -c /etc/supervisord.conf', { tool: 'supervisord', flags: { '-n': true, '-c': '/etc/supervisord.conf' } }],
  ['sudo apt-get install -y curl', { tool: 'apt-get', subcommand: 'install', flags: { '-y': true }, operands: ['curl'], viaSudo: true, wrappers: ['sudo'] }],
  ['sudo -u app -E env PATH=/x DEBUG=1 npm ci', { tool: 'npm', subcommand: 'ci', viaSudo: true, wrappers: ['sudo', 'env'], environment: ['PATH=/x', 'DEBUG=1'] }],
  ['env -i HOME=/root /usr/bin/pip install x', { tool: 'pip', subcommand: 'install', operands: ['x'], wrappers: ['env'], environment: ['HOME=/root'] }],
  ['exec gosu app node server.js', { tool: 'gosu', operands: ['app', 'node', 'server.js'], wrappers: ['exec'] }],
  ['sudo -i', { tool: 'sudo', flags: { '-i': true } }],
  ['env', { tool: 'env' }],
  ['make -j$(nproc) install', { tool: 'make', flags: { '-j': '<-j$(nproc)>' }, operands: ['install'] }],
  ['"$PIP" install x', { tool: '"$PIP"', operands: ['install', 'x'] }],
  ['constructor toString -constructor', { tool: 'constructor', flags: { '-c': true, '-o': true, '-n': true, '-s': true, '-t': true, '-r': true, '-u': true }, operands: ['toString'] }],
  ['npm constructor', { tool: 'npm', subcommand: 'constructor' }],
];

describe('describeCommand', () => {
  for (const [script, expected] of cases) {
    test(script, () => assert.deepEqual(summary(describeFirst(script)), expected));
  }

  test('options point at their words and values', () => {
    const script = 'apt-get -qy install --option=a=b -o c=d x';
    const description = describeFirst(script);
    const slice = (word?: { start: number; end: number }) => word && script.slice(word.start, word.end);
    assert.deepEqual(
      description.allFlags.map((flag) => [flag.name, flag.written, slice(flag.word), flag.value, slice(flag.valueWord)]),
      [
        ['-q', '-q', '-qy', undefined, undefined],
        ['-y', '-y', '-qy', undefined, undefined],
        ['-o', '--option', '--option=a=b', 'a=b', '--option=a=b'],
        ['-o', '-o', '-o', 'c=d', 'c=d'],
      ],
    );
    assert.equal(description.flags.get('-o')?.value, 'c=d', 'the last occurrence wins');
    assert.equal(slice(description.subcommand?.word), 'install');
    assert.equal(slice(description.program), 'apt-get');
  });

  test('a value built by an expansion is unknown but located', () => {
    const description = describeFirst('pip install -r "$REQS" --index-url=$INDEX');
    assert.deepEqual([description.flags.get('-r')?.value, description.flags.get('-r')?.valueWord?.raw], [undefined, '"$REQS"']);
    assert.deepEqual([description.flags.get('-i')?.value, description.flags.get('-i')?.valueWord?.raw], [undefined, '--index-url=$INDEX']);
  });

  test('no program, no description', () => {
    assert.equal(describeCommand(parseShell('A=b').commands[0]), undefined);
  });
});
