/**
 * Every contributed snippet, expanded as VS Code inserts it when each default is accepted,
 * draws no finding at warning or above from our own rules: a template that the linter
 * complains about teaches the opposite of what it is for.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { analyze, documentKindForPath, type AnalysisInput, type Finding } from '../../server/src/engine';

const root = join(__dirname, '..', '..', '..');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
  /** Whole files (offered by "Fill File with Snippet"); the others are inserted into a file. */
  isFileTemplate?: boolean;
}

/**
 * Dockerfile snippets that are fragments run inside a host file on the base image they are
 * written for. The host ends with a numeric USER so that it is clean on its own.
 */
const FRAGMENT_BASES: Record<string, string> = {
  'Non-root user (Debian, Ubuntu, RHEL)': 'debian:13-slim',
  'Non-root user (Alpine)': 'alpine:3.22',
  'apt-get install with cleanup': 'debian:13-slim',
};

/** A build context with a .dockerignore, as a project using these templates has. */
const CONTEXT = { dockerignore: '.git\nnode_modules\n' };

type SnippetNode = { text: string } | { index: number; children?: SnippetNode[]; choices?: string[] };

/** Parses VS Code's snippet syntax: tabstops, placeholders (nested), choices and `\` escapes. */
function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;
  const parse = (insidePlaceholder: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ text });
      text = '';
    };
    while (pos < source.length) {
      const char = source[pos];
      if (char === '\\' && '$}\\'.includes(source[pos + 1] ?? '-')) {
        text += source[pos + 1];
        pos += 2;
        continue;
      }
      if (insidePlaceholder && char === '}') {
        flush();
        return nodes;
      }
      if (char === '$') {
        const rest = source.slice(pos);
        const tabstop = /^\$(\d+)|^\$\{(\d+)\}/.exec(rest);
        const open = /^\$\{(\d+)([:|])/.exec(rest);
        if (tabstop) {
          flush();
          nodes.push({ index: Number(tabstop[1] ?? tabstop[2]) });
          pos += tabstop[0].length;
          continue;
        }
        if (open?.[2] === ':') {
          flush();
          pos += open[0].length;
          const children = parse(true);
          pos += 1; // the closing brace
          nodes.push({ index: Number(open[1]), children });
          continue;
        }
        if (open?.[2] === '|') {
          flush();
          const end = source.indexOf('|}', pos);
          assert.ok(end > 0, `unclosed choice at ${pos}`);
          nodes.push({ index: Number(open[1]), choices: source.slice(pos + open[0].length, end).split(',') });
          pos = end + 2;
          continue;
        }
        // VS Code would insert a variable here (an unescaped shell `$NAME` becomes one).
        assert.doesNotMatch(rest, /^\$\{?[A-Za-z_]/, `unescaped $ at ${JSON.stringify(rest.slice(0, 20))}: write \\$ in the snippet`);
      }
      text += char;
      pos += 1;
    }
    assert.ok(!insidePlaceholder, 'unclosed placeholder');
    flush();
    return nodes;
  };
  return parse(false);
}

/** The text VS Code inserts when every placeholder keeps its default and every choice its first option. */
function expandSnippet(body: string | string[]): string {
  const nodes = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  const defaults = new Map<number, string>();
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        if ('text' in node) return node.text;
        const value = node.choices ? node.choices[0] : node.children ? render(node.children) : undefined;
        // Mirrors (`$1` next to `${1:app}`) repeat the placeholder's value; the first one counts.
        if (value !== undefined && !defaults.has(node.index)) defaults.set(node.index, value);
        return value ?? `\u0000${node.index}\u0000`;
      })
      .join('');
  return render(nodes).replace(/\u0000(\d+)\u0000/g, (_, index: string) => defaults.get(Number(index)) ?? '');
}

function contributedSnippets(): { language: string; path: string; snippets: [string, Snippet][] }[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { snippets?: { language: string; path: string }[] } };
  return (manifest.contributes.snippets ?? []).map(({ language, path }) => ({
    language,
    path,
    snippets: Object.entries(JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, Snippet>),
  }));
}

function describeFinding(finding: Finding): string {
  return `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.rule}: ${finding.message}`;
}

function seriousFindings(text: string, kind: AnalysisInput['kind'], context?: AnalysisInput['context']): string[] {
  const result = analyze({ text, kind, context });
  assert.deepEqual(result.internalErrors, [], 'no rule may throw');
  return result.findings.filter((finding) => finding.severity !== 'info').map(describeFinding);
}

describe('snippet expansion', () => {
  test('placeholders keep their defaults, mirrors repeat them, choices take the first option', () => {
    assert.equal(expandSnippet(['FROM ${1|24,22|}-${2:slim}', 'COPY $2 ${3:/${2}/x}$0']), 'FROM 24-slim\nCOPY slim /slim/x');
  });
  test('escapes and lone backslashes stay literal text', () => {
    assert.equal(expandSnippet(['RUN echo \\$HOME \\', '    \\} done']), 'RUN echo $HOME \\\n    } done');
  });
  test('an unescaped shell variable is caught', () => {
    assert.throws(() => expandSnippet('RUN echo $HOME'), /unescaped \$/);
  });
});

describe('contributed snippets', () => {
  const files = contributedSnippets();

  test('Dockerfile and Kubernetes snippets are contributed', () => {
    assert.deepEqual(files.map(({ language, path }) => `${language} ${path}`).sort(), ['dockerfile ./snippets/dockerfile.json', 'yaml ./snippets/kubernetes.json']);
  });

  for (const { language, snippets } of files) {
    for (const [name, snippet] of snippets) {
      test(`${language}: ${name}`, () => {
        assert.ok(snippet.prefix.length > 0 && snippet.description, 'a prefix and a description');
        const text = expandSnippet(snippet.body);
        if (language === 'dockerfile') {
          const base = FRAGMENT_BASES[name];
          assert.ok(snippet.isFileTemplate || base, 'a fragment needs its base image in FRAGMENT_BASES');
          const file = snippet.isFileTemplate ? text : `FROM ${base}\n${text}\nUSER 65532\n`;
          assert.deepEqual(seriousFindings(file, 'dockerfile', CONTEXT), []);
        } else {
          const document = parseDocument(text);
          assert.deepEqual(document.errors, []);
          assert.match(String(document.get('apiVersion')), /^[a-z.]*\/?v\d/);
          assert.match(String(document.get('kind')), /^[A-Z]\w+$/);
          assert.equal(documentKindForPath('deployment.yaml'), 'kubernetes');
          assert.deepEqual(seriousFindings(text, 'kubernetes'), []);
        }
      });
    }
  }
});
