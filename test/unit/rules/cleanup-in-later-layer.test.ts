import type { BuildContext } from '../../../server/src/engine';
import { ruleTester } from '../rule-tester';

/** A build context whose walk found these files (bytes by path). */
function sized(files: Record<string, number>): BuildContext {
  return { dockerignore: null, sizes: { files: new Map(Object.entries(files)), complete: true } };
}

ruleTester('cleanup-in-later-layer', {
  valid: [
    { name: 'cleaned in the same RUN', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*' },
    {
      name: 'a RUN that writes the lists again before deleting them',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*',
    },
    { name: 'lists of the base image, not of an earlier RUN', code: 'FROM debian:13\nRUN rm -rf /var/lib/apt/lists/*' },
    { name: 'apt-get clean frees nothing the lists hold', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl\nRUN apt-get clean' },
    { name: 'builder stages do not ship', code: 'FROM debian:13 AS build\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\nFROM scratch\nCOPY --from=build /etc/os-release /' },
    { name: 'the earlier RUN wrote into a cache mount', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\nRUN pip cache purge' },
    { name: 'a package of the base image', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN apt-get purge -y perl' },
    { name: 'the download was moved away in its own RUN', code: 'FROM debian:13\nRUN curl -fsSLo /tmp/tool https://example.com/tool && mv /tmp/tool /usr/local/bin/\nRUN rm -rf /tmp/*' },
    { name: 'a wildcard does not match a hidden file', code: 'FROM debian:13\nRUN curl -o /tmp/.tool.tgz https://example.com/tool.tgz\nRUN rm -rf /tmp/*' },
    { name: 'a wildcard does not match the hidden npm cache', code: 'FROM node:22\nRUN npm ci\nRUN rm -rf /root/*' },
    { name: 'relative paths under different WORKDIRs', code: 'FROM debian:13\nWORKDIR /a\nRUN curl -O https://example.com/x.tgz\nWORKDIR /b\nRUN rm x.tgz' },
    { name: 'relative paths after a cd are not followed', code: 'FROM debian:13\nRUN cd /a && curl -O https://example.com/x.tgz\nRUN rm -f x.tgz' },
    { name: 'a variable path is not guessed at', code: 'FROM debian:13\nRUN curl -o /tmp/x.tgz https://example.com/x.tgz\nRUN rm -f "$ARCHIVE"' },
    { name: 'COPY --chown sets the owner in the layer that adds the files', code: 'FROM node:22\nCOPY --chown=node:node . /app\nRUN npm ci', context: sized({ 'a.js': 10 }) },
    { name: 'chmod in the RUN that downloads the file', code: 'FROM debian:13\nRUN curl -fsSLo /usr/local/bin/tool https://example.com/tool && chmod +x /usr/local/bin/tool' },
    { name: 'chown of a folder without -R changes only the folder', code: 'FROM node:22\nCOPY src /app\nRUN chown node /app', context: sized({ 'src/a.js': 10 }) },
    { name: 'chmod of a path the COPY did not add', code: 'FROM node:22\nCOPY src /app\nRUN chmod -R g+w /data', context: sized({ 'src/a.js': 10 }) },
    { name: 'a builder stage does not ship', code: 'FROM node:22 AS build\nCOPY . /app\nRUN chown -R node /app\nFROM node:22\nCOPY --from=build /app/dist /app', context: sized({ 'a.js': 10 }) },
    { name: 'installed and purged in one RUN', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y gcc && make && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*\nRUN apt-get purge -y gcc' },
  ],
  invalid: [
    {
      name: 'chown -R of what COPY . added: the whole layer again, with its size from the context',
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN chown -R node:node /app',
      context: sized({ 'index.js': 1_500_000, 'lib/a.js': 500_000 }),
      findings: [{ line: 4, column: 24, endColumn: 28, message: /^`chown` changes `\/app`, which the COPY on line 3 added: the files are copied whole into this layer, so their bytes ship twice \(≈ 2 MB, estimated\)\. Use `COPY --chown=…` instead\.$/ }],
    },
    {
      name: 'chown -R over two COPYs into the folder: one finding naming both, their sizes added',
      code: 'FROM python:3.13-slim\nWORKDIR /app\nCOPY requirements.txt .\nCOPY . .\nRUN useradd -m -u 1000 app && chown -R app:app /app',
      context: sized({ 'requirements.txt': 500_000, 'main.py': 1_500_000 }),
      findings: [{ line: 5, column: 48, endColumn: 52, message: /^`chown` changes `\/app`, which the COPY on line 3 added and the COPY on line 4 added: the files are copied whole into this layer, so their bytes ship twice \(≈ 2\.5 MB, estimated\)\. Use `COPY --chown=…` instead\.$/ }],
    },
    {
      name: 'chown -R of a COPY whose context walk stopped at its bound: the layer is only partly known, said without a number',
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN chown -R node:node /app',
      context: { dockerignore: null, sizes: { files: new Map([['index.js', 1_500_000]]), complete: false } },
      findings: [{ line: 4, column: 24, endColumn: 28, message: /^`chown` changes `\/app`, which the COPY on line 3 added: the files are copied whole into this layer, so their bytes ship twice\. Use `COPY --chown=…` instead\.$/ }],
    },
    {
      name: 'chmod +x of one copied script: its own bytes',
      code: 'FROM debian:13\nCOPY entrypoint.sh /usr/local/bin/\nRUN chmod +x /usr/local/bin/entrypoint.sh',
      context: sized({ 'entrypoint.sh': 2_400 }),
      findings: [{ line: 3, column: 14, endColumn: 42, message: /the COPY on line 2 added: .* \(≈ 2\.4 kB, estimated\)\. Use `COPY --chmod=…` instead\.$/ }],
    },
    {
      name: 'chmod of a file an earlier RUN downloaded: size unknown, said without a number',
      code: 'FROM debian:13\nRUN curl -fsSLo /usr/local/bin/tool https://example.com/tool\nRUN chmod +x /usr/local/bin/tool',
      findings: [{ line: 3, column: 14, endColumn: 33, message: /^`chmod` changes `\/usr\/local\/bin\/tool`, which the RUN on line 2 downloaded: the files are copied whole into this layer, so their bytes ship twice\. Change it in the RUN that downloads it\.$/ }],
    },
    {
      name: 'lists deleted by the next RUN: on the rm operand, the RUN that wrote them as related, merge (unsafe)',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      findings: [{ line: 3, column: 12, endColumn: 32, message: /apt's package lists .* stay in that layer/ }],
      fixTitles: ['Merge into the RUN that wrote them'],
      output: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'not the RUN right before: no fix',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install -y gcc\nCOPY . /src\nRUN make -C /src && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*',
      findings: [{ line: 4, column: 29, endColumn: 34, message: /the package `gcc`/ }, { line: 4, column: 52 }],
    },
    {
      name: 'apk del of a virtual package',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev\nRUN apk del .build-deps',
      findings: [{ line: 3, column: 9, endColumn: 12, message: /`gcc`, `musl-dev`/ }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n    && apk del .build-deps',
    },
    {
      name: 'downloads: curl -o, and wget and curl -O in the WORKDIR',
      code: 'FROM debian:13\nRUN curl -fsSL -o /tmp/app.tgz https://example.com/app.tgz && tar -xzf /tmp/app.tgz -C /opt\nWORKDIR /tmp\nRUN wget https://example.com/a.tar.gz && curl -O https://example.com/b.zip?x=1\nRUN rm -rf /tmp/app.tgz a.tar.gz /tmp/*.zip',
      findings: [{ line: 5, column: 12, endColumn: 24, message: /`\/tmp\/app.tgz`/ }, { line: 5, column: 25, endColumn: 33 }, { line: 5, column: 34, endColumn: 44, message: /`\/tmp\/b.zip`/ }],
      output:
        'FROM debian:13\nRUN curl -fsSL -o /tmp/app.tgz https://example.com/app.tgz && tar -xzf /tmp/app.tgz -C /opt\nWORKDIR /tmp\nRUN wget https://example.com/a.tar.gz && curl -O https://example.com/b.zip?x=1 \\\n    && rm -rf /tmp/app.tgz a.tar.gz /tmp/*.zip',
    },
    {
      name: 'a directory holding the download',
      code: 'FROM debian:13\nRUN wget -O /opt/src/app.tgz https://example.com/app.tgz\nRUN rm -rf /opt/src',
      findings: [{ line: 3, column: 12 }],
      output: 'FROM debian:13\nRUN wget -O /opt/src/app.tgz https://example.com/app.tgz \\\n    && rm -rf /opt/src',
    },
    {
      name: 'pip and npm caches purged a RUN too late',
      code: 'FROM node:22\nRUN pip install flask && npm ci\nRUN pip cache purge && npm cache clean --force',
      findings: [{ line: 3, column: 15, endColumn: 20, message: /pip's download cache/ }, { line: 3, column: 34, endColumn: 39, message: /npm's cache/ }],
      output: 'FROM node:22\nRUN pip install flask && npm ci \\\n    && pip cache purge && npm cache clean --force',
    },
    {
      name: 'heredoc: exact position, no merge',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl\nRUN <<EOF\nset -e\nrm -rf /var/lib/apt/lists/*\nEOF',
      findings: [{ line: 5, column: 8, endColumn: 28 }],
    },
    {
      name: 'written in the stage the shipped one builds on',
      code: 'FROM debian:13 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN rm -rf /var/lib/apt/lists/*',
      findings: [{ line: 4, column: 12 }],
    },
    {
      name: 'the apt-mark auto idiom removes what its own RUN installed, not an earlier RUN\'s packages',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install -y git\nRUN apt-mark auto \'.*\' && apt-get purge -y --auto-remove git',
      findings: [{ line: 3, column: 35 }],
      output: 'FROM debian:13\nRUN apt-get update && apt-get install -y git \\\n    && apt-mark auto \'.*\' && apt-get purge -y --auto-remove git',
    },
  ],
});
