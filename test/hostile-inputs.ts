/**
 * Inputs built to break a linter: binary content, alias bombs, deep nesting, huge
 * instructions and lines, and for each engine pattern that can backtrack (found with the
 * `recheck` ReDoS checker over every regex literal of server/src) the input that makes it
 * backtrack most. The server and CLI tests feed each one through the real entry points.
 */

export interface HostileInput {
  name: string;
  fileName: string;
  languageId: 'dockerfile' | 'yaml';
  text: string;
  /**
   * `findings`: rule findings; `nothing`: no diagnostics at all; `findings-or-stopped`: so
   * big that the server's time limit may stop it first; a RegExp: a message that matches.
   */
  expect: 'findings' | 'nothing' | 'findings-or-stopped' | RegExp;
  /** With a RegExp `expect`: the line (0-based) the message is reported on. */
  line?: number;
}

const dockerfile = (name: string, text: string, expect: HostileInput['expect'] = 'findings'): HostileInput => ({ name, fileName: 'Dockerfile', languageId: 'dockerfile', text, expect });
const manifest = (name: string, text: string, expect: HostileInput['expect'] = 'findings', line?: number): HostileInput => ({ name, fileName: 'manifest.yaml', languageId: 'yaml', text, expect, line });

/** Every byte value, some as invalid UTF-8 would decode (U+FFFD) and lone surrogates. */
function binary(length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode((i * 7919 + (i >> 3)) % 256);
  return `${text}\u0000\uFFFD\uD800\uDC00\uDFFF\u0000`;
}

const POD_TAIL = 'spec:\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {privileged: true}\n';
const LONG = 50_000;
/** What the engine says when the parser runs out of stack on deeply nested YAML. */
export const TOO_DEEP = /^YAML nested deeper than Shipshape reads; the file is not analysed\.$/;

export const HOSTILE_INPUTS: HostileInput[] = [
  dockerfile('binary content', `FROM \u0000\uFFFD\\\n${binary(64 * 1024)}`, 'findings-or-stopped'),
  manifest('binary content', binary(64 * 1024), 'nothing'),
  manifest('billion laughs alias bomb', ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: lol', 'x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...Array.from({ length: 40 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`), POD_TAIL].join('\n')),
  manifest('10,000-deep flow sequences', `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, TOO_DEEP, 2),
  manifest('10,000-deep JSON flow mappings', `apiVersion: v1\nkind: Pod\nspec: ${'{"a": '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, TOO_DEEP, 2),
  manifest('Helm template', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"\n        {{- with .Values.securityContext }}\n        securityContext: {{- toYaml . | nindent 12 }}\n        {{- end }}\n', 'nothing'),
  dockerfile('10,000-line RUN with continuations', `FROM alpine:3.20\nRUN ${Array.from({ length: 10_000 }, (_, i) => `apk add pkg${i} && \\`).join('\n')}\n  true\n`, 'findings-or-stopped'),
  dockerfile('100,000 instructions', `FROM alpine:3.20\n${Array.from({ length: 100_000 }, (_, i) => `ENV V${i}=x${i}`).join('\n')}\n`, 'findings-or-stopped'),
  dockerfile('a 4 MB line', `FROM alpine:3.20\nRUN echo ${'a'.repeat(4_000_000)}\n`, 'findings-or-stopped'),
  manifest('a 4 MB line', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${'a'.repeat(4_000_000)}\n${POD_TAIL}`, 'findings-or-stopped'),
  // The worst case of each pattern recheck reports as backtracking, where a document reaches
  // it. The pragma and Helm patterns were cubic or worse and are linear now; the others are
  // quadratic, which on these 50,000-character tokens still takes seconds: bounded by the time limit.
  dockerfile('pragma patterns: comment lines of tabs', `FROM alpine:latest\n#shipshape-ignore\t${'\t'.repeat(LONG)}--\n# hadolint ignore=${'\t'.repeat(LONG)}\tIGNORE${'\t'.repeat(LONG)}=T\n#check=${'\t'.repeat(LONG)}check=\u2028\nUSER node\n`),
  manifest('Helm check: a run of "{{"', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: "${'{{'.repeat(LONG)}"\n${POD_TAIL}`),
  dockerfile('variable patterns: "${A" and "${A+" runs', `ARG BASE=alpine:latest\nFROM \${BASE}\${A${'0'.repeat(LONG)}$A\nENV X=${'${A+'.repeat(LONG / 2)}A$A\nRUN echo \${A${'A'.repeat(LONG)}\nUSER node\n`, 'findings-or-stopped'),
  dockerfile('path patterns: runs of "/"', `FROM alpine:latest\nWORKDIR ${'//'.repeat(LONG)}\u0000/\nRUN cd ${'/'.repeat(LONG)}\u0000/ && chmod 777 ${'/'.repeat(LONG)}\u0000/\nUSER node\n`, 'findings-or-stopped'),
  dockerfile('option patterns: "-ccc…" and "-sss…" words', `FROM alpine:latest\nRUN sh -${'c'.repeat(LONG)}\u0000 true && su -${'s'.repeat(LONG)}\u0000\nSHELL ["/bin/sh", "-${'c'.repeat(LONG)}\u0000"]\nUSER node\n`, 'findings-or-stopped'),
  dockerfile('label pattern: an e-mail of dots', `FROM alpine:latest\nLABEL maintainer="\u0000@\u0000${'.\u0000'.repeat(LONG)}.@..\u0000"\nUSER node\n`),
  dockerfile('package patterns: "[" runs and "#" runs', `FROM python:latest\nRUN pip install ${'['.repeat(LONG)}x && curl -o /tmp/a https://example.com/${'#'.repeat(LONG)} && pip install "pkg${'.'.repeat(LONG)}\u0000."\nUSER node\n`, 'findings-or-stopped'),
  dockerfile('cache path patterns: "/***…"', `FROM alpine:latest\nRUN apk add curl && rm -rf /${'*'.repeat(LONG)}/\u0000\nUSER node\n`, 'findings-or-stopped'),
  dockerfile('trailing space pattern: a line of tabs', `FROM alpine:latest\nRUN echo a${'\t'.repeat(LONG)}\u0000 \\\n${'\t'.repeat(LONG)}\nUSER node\n`, 'findings-or-stopped'),
  manifest('path patterns: runs of "/" and "-" in a manifest', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a${'-'.repeat(LONG)}\u0000-\nspec:\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {privileged: true}\n    volumeMounts:\n    - name: v\n      mountPath: "\u0000${'/'.repeat(LONG)}/\u0000"\n`, 'findings-or-stopped'),
];
