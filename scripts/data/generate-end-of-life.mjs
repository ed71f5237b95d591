// Writes server/src/engine/images/data/end-of-life.json: when each line of a base image's
// distribution or runtime stops getting free security fixes. The engine reads only that file;
// run this (`npm run data:eol`) to refresh it, then commit the result.
//
//   node scripts/data/generate-end-of-life.mjs [--as-of YYYY-MM-DD] [--distro-info DIR]
//
// Sources:
// - Debian and Ubuntu: Debian's `distro-info-data` package (`apt-get install distro-info-data`),
//   CSVs in /usr/share/distro-info/. Debian ends with its LTS (`eol-lts`, else `eol`); Ubuntu
//   with standard support (`eol`): extended (ESM) support is paid, so it does not count.
// - Node.js: the `node-releases` npm package (release-schedule.json, from nodejs/Release).
// - Everything else: the hand-maintained tables below, one cited source per line. Where a source
//   gives only a month, the table uses the month's last day so a line is never reported early.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('../..', import.meta.url).pathname;
const output = join(root, 'server/src/engine/images/data/end-of-life.json');
const { values: options } = parseArgs({ options: { 'as-of': { type: 'string' }, 'distro-info': { type: 'string', default: '/usr/share/distro-info' } } });
const asOf = options['as-of'] ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`--as-of must be YYYY-MM-DD, not ${asOf}`);

/** The last day of the month a source names as "YYYY-MM". */
function endOfMonth(month) {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- Debian and Ubuntu

function readCsv(name) {
  const [header, ...rows] = readFileSync(join(options['distro-info'], name), 'utf8').trim().split('\n');
  const columns = header.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((value, index) => [columns[index], value])));
}

function distroInfoVersion() {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'distro-info-data'], { encoding: 'utf8' });
  } catch {
    return 'unknown version';
  }
}

const distroInfoSource = `distro-info-data ${distroInfoVersion()}`;

// Older releases predate container images anyone still builds on.
const debianLines = readCsv('debian.csv')
  .filter((row) => /^\d+(\.0)?$/.test(row.version) && Number(row.version) >= 6 && row.release && row.release <= asOf)
  .map((row) => ({
    // "6.0" and "7" alike: images tag Debian by its major version.
    line: String(Number(row.version)),
    codename: row.series,
    released: row.release,
    eol: row['eol-lts'] || row.eol || null,
    source: `${distroInfoSource} debian.csv (${row['eol-lts'] ? 'eol-lts' : 'eol'})`,
  }));

const ubuntuLines = readCsv('ubuntu.csv')
  .filter((row) => Number.parseFloat(row.version) >= 12 && row.release && row.release <= asOf)
  .map((row) => {
    const isLts = row.version.endsWith(' LTS');
    return {
      line: row.version.replace(' LTS', ''),
      codename: row.series,
      released: row.release,
      ...(isLts ? { lts: row.release } : {}),
      eol: row.eol || null,
      source: `${distroInfoSource} ubuntu.csv (eol: standard support)`,
    };
  });

// ---------------------------------------------------------------- Node.js

const require = createRequire(import.meta.url);
const schedule = require('node-releases/data/release-schedule/release-schedule.json');
const nodeReleasesSource = `node-releases ${require('node-releases/package.json').version} release-schedule.json`;
const nodeLines = Object.entries(schedule)
  .filter(([, release]) => release.start <= asOf)
  .map(([version, release]) => ({
    line: version.slice(1),
    ...(release.codename ? { codename: release.codename.toLowerCase() } : {}),
    released: release.start,
    ...(release.lts ? { lts: release.lts } : {}),
    eol: release.end,
    source: nodeReleasesSource,
  }));

// ---------------------------------------------------------------- hand-maintained

const PYTHON = 'https://devguide.python.org/versions/';
const pythonLines = [
  // All of Python 2 ended with 2.7 (PEP 373), so `python:2` is 2.7.
  { line: '2.7', aliases: ['2'], released: '2010-07-03', eol: '2020-01-01', source: 'https://peps.python.org/pep-0373/' },
  { line: '3.3', released: '2012-09-29', eol: '2017-09-29', source: PYTHON },
  { line: '3.4', released: '2014-03-16', eol: '2019-03-18', source: PYTHON },
  { line: '3.5', released: '2015-09-13', eol: '2020-09-30', source: PYTHON },
  { line: '3.6', released: '2016-12-23', eol: '2021-12-23', source: PYTHON },
  { line: '3.7', released: '2018-06-27', eol: '2023-06-27', source: PYTHON },
  { line: '3.8', released: '2019-10-14', eol: '2024-10-07', source: 'https://peps.python.org/pep-0569/' },
  { line: '3.9', released: '2020-10-05', eol: '2025-10-31', source: 'https://peps.python.org/pep-0596/' },
  { line: '3.10', released: '2021-10-04', eol: endOfMonth('2026-10'), source: 'https://peps.python.org/pep-0619/' },
  { line: '3.11', released: '2022-10-24', eol: endOfMonth('2027-10'), source: 'https://peps.python.org/pep-0664/' },
  { line: '3.12', released: '2023-10-02', eol: endOfMonth('2028-10'), source: 'https://peps.python.org/pep-0693/' },
  { line: '3.13', released: '2024-10-07', eol: endOfMonth('2029-10'), source: 'https://peps.python.org/pep-0719/' },
  { line: '3.14', released: '2025-10-07', eol: endOfMonth('2030-10'), source: 'https://peps.python.org/pep-0745/' },
];

const ALPINE = 'https://alpinelinux.org/releases/';
const alpineLines = [
  ['3.0', '2014-06-04', '2016-05-01'], ['3.1', '2014-12-10', '2016-11-01'], ['3.2', '2015-05-26', '2017-05-01'],
  ['3.3', '2015-12-19', '2017-11-01'], ['3.4', '2016-05-31', '2018-05-01'], ['3.5', '2016-12-22', '2018-11-01'],
  ['3.6', '2017-05-24', '2019-05-01'], ['3.7', '2017-11-30', '2019-11-01'], ['3.8', '2018-06-26', '2020-05-01'],
  ['3.9', '2019-01-29', '2020-11-01'], ['3.10', '2019-06-19', '2021-05-01'], ['3.11', '2019-12-19', '2021-11-01'],
  ['3.12', '2020-05-29', '2022-05-01'], ['3.13', '2021-01-14', '2022-11-01'], ['3.14', '2021-06-15', '2023-05-01'],
  ['3.15', '2021-11-24', '2023-11-01'], ['3.16', '2022-05-23', '2024-05-23'], ['3.17', '2022-11-22', '2024-11-22'],
  ['3.18', '2023-05-09', '2025-05-09'], ['3.19', '2023-12-07', '2025-11-01'], ['3.20', '2024-05-22', '2026-04-01'],
  ['3.21', '2024-12-05', '2026-11-01'], ['3.22', '2025-05-30', '2027-05-01'], ['3.23', '2025-12-04', '2027-11-01'],
].map(([line, released, eol]) => ({ line, released, eol, source: ALPINE }));

const CENTOS = 'https://www.centos.org/centos-linux-eol/';
const centosLines = [
  { line: '5', released: '2007-04-12', eol: '2017-03-31', source: CENTOS },
  { line: '6', released: '2011-07-10', eol: '2020-11-30', source: CENTOS },
  { line: '7', released: '2014-07-07', eol: '2024-06-30', source: CENTOS },
  // CentOS Linux 8 was cut short when the project moved to CentOS Stream.
  { line: '8', released: '2019-09-24', eol: '2021-12-31', source: CENTOS },
];

// Go supports a release until the release two after it (https://go.dev/doc/devel/release#policy).
const goReleases = [
  ['1.8', '2017-02-16'], ['1.9', '2017-08-24'], ['1.10', '2018-02-16'], ['1.11', '2018-08-24'], ['1.12', '2019-02-25'],
  ['1.13', '2019-09-03'], ['1.14', '2020-02-25'], ['1.15', '2020-08-11'], ['1.16', '2021-02-16'], ['1.17', '2021-08-16'],
  ['1.18', '2022-03-15'], ['1.19', '2022-08-02'], ['1.20', '2023-02-01'], ['1.21', '2023-08-08'], ['1.22', '2024-02-06'],
  ['1.23', '2024-08-13'], ['1.24', '2025-02-11'], ['1.25', '2025-08-12'], ['1.26', '2026-02-10'], ['1.27', '2026-08-19'],
];
const goLines = goReleases.map(([line, released], index) => ({
  line,
  released,
  eol: goReleases[index + 2]?.[1] ?? null,
  source: 'https://go.dev/doc/devel/release',
}));

const RUBY = 'https://www.ruby-lang.org/en/downloads/branches/';
const rubyLines = [
  ['2.1', '2013-12-25', '2017-03-31'], ['2.2', '2014-12-25', '2018-03-31'], ['2.3', '2015-12-24', '2019-03-31'],
  ['2.4', '2016-12-23', '2020-03-31'], ['2.5', '2017-12-25', '2021-03-31'], ['2.6', '2018-12-25', '2022-03-31'],
  ['2.7', '2019-12-25', '2023-03-31'], ['3.0', '2020-12-25', '2024-04-23'], ['3.1', '2021-12-25', '2025-03-31'],
  ['3.2', '2022-12-25', '2026-03-31'], ['3.3', '2023-12-25', '2027-03-31'], ['3.4', '2024-12-24', '2028-03-31'],
  ['4.0', '2025-12-25', '2029-03-31'],
].map(([line, released, eol]) => ({ line, released, eol, source: RUBY }));

const PHP = 'https://www.php.net/supported-versions.php';
const phpLines = [
  ['5.3', '2009-06-30', '2014-08-14'], ['5.4', '2012-03-01', '2015-09-14'], ['5.5', '2013-06-20', '2016-07-21'],
  ['5.6', '2014-08-28', '2018-12-31'], ['7.0', '2015-12-03', '2019-01-10'], ['7.1', '2016-12-01', '2019-12-01'],
  ['7.2', '2017-11-30', '2020-11-30'], ['7.3', '2018-12-06', '2021-12-06'], ['7.4', '2019-11-28', '2022-11-28'],
  ['8.0', '2020-11-26', '2023-11-26'], ['8.1', '2021-11-25', '2025-12-31'], ['8.2', '2022-12-08', '2026-12-31'],
  ['8.3', '2023-11-23', '2027-12-31'], ['8.4', '2024-11-21', '2028-12-31'], ['8.5', '2025-11-20', '2029-12-31'],
].map(([line, released, eol]) => ({ line, released, eol, source: PHP }));

const POSTGRES = 'https://www.postgresql.org/support/versioning/';
const postgresLines = [
  ['9.0', '2010-09-20', '2015-10-08'], ['9.1', '2011-09-12', '2016-10-27'], ['9.2', '2012-09-10', '2017-11-09'],
  ['9.3', '2013-09-09', '2018-11-08'], ['9.4', '2014-12-18', '2020-02-13'], ['9.5', '2016-01-07', '2021-02-11'],
  ['9.6', '2016-09-29', '2021-11-11'], ['10', '2017-10-05', '2022-11-10'], ['11', '2018-10-18', '2023-11-09'],
  ['12', '2019-10-03', '2024-11-21'], ['13', '2020-09-24', '2025-11-13'], ['14', '2021-09-30', '2026-11-12'],
  ['15', '2022-10-13', '2027-11-11'], ['16', '2023-09-14', '2028-11-09'], ['17', '2024-09-26', '2029-11-08'],
  ['18', '2025-09-25', '2030-11-14'],
].map(([line, released, eol]) => ({ line, released, eol, source: POSTGRES }));

// General availability of each JDK feature release (https://openjdk.org/projects/jdk/<N>/).
const jdkGa = {
  8: '2014-03-18', 9: '2017-09-21', 10: '2018-03-20', 11: '2018-09-25', 12: '2019-03-19', 13: '2019-09-17',
  14: '2020-03-17', 15: '2020-09-15', 16: '2021-03-16', 17: '2021-09-14', 18: '2022-03-22', 19: '2022-09-20',
  20: '2023-03-21', 21: '2023-09-19', 22: '2024-03-19', 23: '2024-09-17', 24: '2025-03-18', 25: '2025-09-16',
  26: '2026-03-17',
};

// Adoptium supports a feature release until the next one ships (given as a month) and its LTS
// lines for "at least" a published date: an LTS line is never reported until Adoptium announces
// an actual end, so those carry no date.
const TEMURIN = 'https://adoptium.net/support/';
const temurinLines = [
  { line: '8', released: '2021-07-29', lts: '2021-07-29', eol: null, source: TEMURIN },
  { line: '11', released: '2021-08-01', lts: '2021-08-01', eol: null, source: TEMURIN },
  { line: '16', released: '2021-07-30', eol: endOfMonth('2021-09'), source: TEMURIN },
  { line: '17', released: '2021-09-22', lts: '2021-09-22', eol: null, source: TEMURIN },
  { line: '18', released: '2022-03-24', eol: endOfMonth('2022-09'), source: TEMURIN },
  { line: '19', released: '2022-09-26', eol: endOfMonth('2023-03'), source: TEMURIN },
  { line: '20', released: '2023-03-23', eol: endOfMonth('2023-09'), source: TEMURIN },
  { line: '21', released: '2023-10-10', lts: '2023-10-10', eol: null, source: TEMURIN },
  { line: '22', released: '2024-03-20', eol: endOfMonth('2024-09'), source: TEMURIN },
  { line: '23', released: '2024-09-17', eol: endOfMonth('2025-03'), source: TEMURIN },
  { line: '24', released: '2025-03-18', eol: endOfMonth('2025-09'), source: TEMURIN },
  { line: '25', released: '2025-09-22', lts: '2025-09-22', eol: null, source: TEMURIN },
];

// The Docker official `openjdk` image is deprecated: its GA tags got no updates after July
// 2022, and the non-LTS ones it built from jdk.java.net stopped with the next feature release.
const OPENJDK = 'https://hub.docker.com/_/openjdk (deprecation notice; https://github.com/docker-library/openjdk/issues/505)';
const openjdkLines = Object.keys(jdkGa)
  .map(Number)
  .filter((major) => jdkGa[major + 1])
  .map((major) => ({
    line: String(major),
    released: jdkGa[major],
    eol: [8, 11, 17, 18].includes(major) ? endOfMonth('2022-07') : jdkGa[major + 1],
    source: [8, 11, 17, 18].includes(major) ? OPENJDK : `${OPENJDK}; https://openjdk.org/projects/jdk/${major + 1}/`,
  }));

// ---------------------------------------------------------------- output

// title: how messages name a line; suggest: which lines to recommend ("lts": only long-term
// ones); successor: the product whose lines replace this one's (then its own suggest applies).
const products = {
  debian: { title: 'Debian {line} ({codename})', suggest: 'any', lines: debianLines },
  ubuntu: { title: 'Ubuntu {line} ({codename})', suggest: 'lts', lines: ubuntuLines },
  alpine: { title: 'Alpine {line}', suggest: 'any', lines: alpineLines },
  centos: {
    title: 'CentOS Linux {line}',
    suggest: 'any',
    advice: 'CentOS Linux has no successor line: move to AlmaLinux, Rocky Linux or Red Hat UBI',
    lines: centosLines,
  },
  node: { title: 'Node.js {line}', suggest: 'lts', lines: nodeLines },
  python: { title: 'Python {line}', suggest: 'any', lines: pythonLines },
  golang: { title: 'Go {line}', suggest: 'any', lines: goLines },
  ruby: { title: 'Ruby {line}', suggest: 'any', lines: rubyLines },
  php: { title: 'PHP {line}', suggest: 'any', lines: phpLines },
  postgres: { title: 'PostgreSQL {line}', suggest: 'any', lines: postgresLines },
  'eclipse-temurin': { title: 'Eclipse Temurin {line}', suggest: 'lts', lines: temurinLines },
  openjdk: { title: 'Java {line} of the deprecated openjdk image', suggest: 'lts', successor: 'eclipse-temurin', lines: openjdkLines },
};

// One line per entry keeps diffs of a regeneration readable.
const productText = Object.entries(products).map(([id, { lines, ...rest }]) => {
  const head = JSON.stringify(rest).slice(1, -1);
  return `    ${JSON.stringify(id)}: {${head},"lines":[\n${lines.map((line) => `      ${JSON.stringify(line)}`).join(',\n')}\n    ]}`;
});
const text = `{\n  "asOf": ${JSON.stringify(asOf)},\n  "generatedBy": "scripts/data/generate-end-of-life.mjs (npm run data:eol)",\n  "products": {\n${productText.join(',\n')}\n  }\n}\n`;
JSON.parse(text);
writeFileSync(output, text);
const count = Object.values(products).reduce((sum, product) => sum + product.lines.length, 0);
console.log(`wrote ${count} lines of ${Object.keys(products).length} products, as of ${asOf}, to ${output.slice(root.length)}`);
