/**
 * Convert to Multi-Stage Distroless Build, per language, on realistic single-stage files: the
 * result parses into a named builder and a distroless (or same-line slim) stage and leaves no
 * finding at warning or above, with the build context a real project would have.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyEdits, convert, type BuildContext } from '../../../server/src/engine';
import { buildDockerfileModel } from '../../../server/src/engine/dockerfile/model';

function project(files: Record<string, string>): BuildContext {
  return { dockerignore: '.git\nnode_modules\n.env\n', files: Object.keys(files), readFile: (path) => files[path] };
}

function converted(text: string, context?: BuildContext): string {
  const result = convert('convertToMultiStage', { text, context });
  assert.ok('fix' in result, 'reason' in result ? result.reason : '');
  assert.equal(result.fix.safety, 'unsafe');
  return applyEdits(text, result.fix.edits);
}

function assertClean(text: string, context?: BuildContext): void {
  const model = buildDockerfileModel(text);
  assert.equal(model.stages.length, 2);
  assert.equal(model.stages[0].name, 'build');
  const { findings, internalErrors } = analyze({ text, kind: 'dockerfile', context });
  assert.deepEqual(internalErrors, []);
  assert.deepEqual(findings.filter((finding) => finding.severity !== 'info').map((finding) => `${finding.rule}@${finding.range.start.line + 1}: ${finding.message}`), []);
}

const cases: { name: string; text: string; context?: BuildContext; output: string }[] = [
  {
    name: 'Node: production node_modules and the app into distroless nodejs, CMD with the script only',
    text: 'FROM node:22-bookworm\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nENV PORT=3000\nEXPOSE 3000\nCMD node dist/server.js\n',
    context: project({ 'package.json': '{}', 'package-lock.json': '{}' }),
    output:
      'FROM node:22-bookworm AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nENV PORT=3000\nRUN npm prune --omit=dev\n\n' +
      'FROM gcr.io/distroless/nodejs22-debian13:nonroot\nENV PORT=3000 NODE_ENV=production\nWORKDIR /app\nCOPY --from=build /app /app\nEXPOSE 3000\nCMD ["dist/server.js"]\n',
  },
  {
    name: 'Node: `npm start` resolved through package.json',
    text: 'FROM node:24\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nUSER node\nCMD ["npm", "start"]\n',
    context: project({ 'package.json': '{"scripts":{"start":"node index.js"}}', 'package-lock.json': '{}' }),
    output:
      'FROM node:24 AS build\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nUSER node\nRUN npm prune --omit=dev\n\n' +
      'FROM gcr.io/distroless/nodejs24-debian13:nonroot\nENV NODE_ENV=production\nWORKDIR /usr/src/app\nCOPY --from=build /usr/src/app /usr/src/app\nCMD ["index.js"]\n',
  },
  {
    name: 'Python 3.13: a virtualenv into distroless python3',
    text: 'FROM python:3.13-bookworm\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nLABEL org.opencontainers.image.source=https://example.com/app\nEXPOSE 8000\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
    context: project({ 'requirements.txt': 'flask\ngunicorn\n' }),
    output:
      'FROM python:3.13-bookworm AS build\nRUN python -m venv /venv\nENV VIRTUAL_ENV=/venv PATH="/venv/bin:$PATH"\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n\n' +
      'FROM gcr.io/distroless/python3-debian13:nonroot\nLABEL org.opencontainers.image.source=https://example.com/app\nENV PYTHONPATH=/venv/lib/python3.13/site-packages\nWORKDIR /app\nCOPY --from=build /venv /venv\nCOPY --from=build /app /app\nEXPOSE 8000\nCMD ["-m", "gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
  },
  {
    name: 'Python of another line: the virtualenv onto the same line\'s slim image, as a non-root user',
    text: 'FROM python:3.12\nENV PYTHONUNBUFFERED=1\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "main.py"]\n',
    context: project({ 'requirements.txt': 'requests\n' }),
    output:
      'FROM python:3.12 AS build\nRUN python -m venv /venv\nENV VIRTUAL_ENV=/venv PATH="/venv/bin:$PATH"\nENV PYTHONUNBUFFERED=1\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n\n' +
      'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 VIRTUAL_ENV=/venv PATH="/venv/bin:$PATH"\nWORKDIR /app\nCOPY --from=build /venv /venv\nCOPY --from=build /app /app\nUSER 65532:65532\nCMD ["python", "main.py"]\n',
  },
  {
    name: 'Go: a static build (CGO_ENABLED=0) into distroless static',
    text: 'FROM golang:1.27\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -trimpath -o /out/api ./cmd/api\nEXPOSE 8080\nENTRYPOINT ["/out/api"]\nCMD ["--port", "8080"]\n',
    context: project({ 'go.mod': 'module x\n', 'go.sum': '' }),
    output:
      'FROM golang:1.27 AS build\nENV CGO_ENABLED=0\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -trimpath -o /out/api ./cmd/api\n\n' +
      'FROM gcr.io/distroless/static-debian13:nonroot\nWORKDIR /src\nCOPY --from=build /out/api /out/api\nEXPOSE 8080\nENTRYPOINT ["/out/api"]\nCMD ["--port", "8080"]\n',
  },
  {
    name: 'Go: a program run by name is found by its -o output',
    text: 'FROM golang:1.27-bookworm\nWORKDIR /app\nCOPY . .\nRUN go build -o server .\nCMD ["./server"]',
    context: project({ 'go.mod': 'module x\n' }),
    output:
      'FROM golang:1.27-bookworm AS build\nENV CGO_ENABLED=0\nWORKDIR /app\nCOPY . .\nRUN go build -o server .\n\n' +
      'FROM gcr.io/distroless/static-debian13:nonroot\nWORKDIR /app\nCOPY --from=build /app/server /app/server\nCMD ["/app/server"]',
  },
  {
    name: 'Java: the jar into distroless java of the same major, whose entrypoint is java -jar',
    text: 'FROM maven:3.9-eclipse-temurin-21\nWORKDIR /build\nCOPY pom.xml .\nRUN mvn -B -q dependency:go-offline\nCOPY src ./src\nRUN mvn -B -q package -DskipTests\nEXPOSE 8080\nCMD ["java", "-jar", "target/app.jar"]\n',
    context: project({ 'pom.xml': '<project/>' }),
    output:
      'FROM maven:3.9-eclipse-temurin-21 AS build\nWORKDIR /build\nCOPY pom.xml .\nRUN mvn -B -q dependency:go-offline\nCOPY src ./src\nRUN mvn -B -q package -DskipTests\n\n' +
      'FROM gcr.io/distroless/java21-debian13:nonroot\nWORKDIR /build\nCOPY --from=build /build/target/app.jar /build/target/app.jar\nEXPOSE 8080\nCMD ["target/app.jar"]\n',
  },
  {
    name: 'Java with JVM options: an explicit java ENTRYPOINT over the app folder',
    text: 'FROM eclipse-temurin:17-jdk\nWORKDIR /app\nCOPY . .\nRUN ./gradlew --no-daemon installDist\nCMD ["java", "-Xmx512m", "-cp", "build/install/app/lib/*", "com.example.Main"]\n',
    context: project({ 'build.gradle': '' }),
    output:
      'FROM eclipse-temurin:17-jdk AS build\nWORKDIR /app\nCOPY . .\nRUN ./gradlew --no-daemon installDist\n\n' +
      'FROM gcr.io/distroless/java17-debian13:nonroot\nWORKDIR /app\nCOPY --from=build /app /app\nENTRYPOINT ["/usr/bin/java", "-Xmx512m", "-cp", "build/install/app/lib/*", "com.example.Main"]\n',
  },
  {
    name: 'Rust: the release binary into distroless cc',
    text: 'FROM rust:1.90\nWORKDIR /usr/src/app\nCOPY . .\nRUN cargo build --release --locked\nCMD ["/usr/src/app/target/release/app"]\n',
    context: project({ 'Cargo.toml': '' }),
    output:
      'FROM rust:1.90 AS build\nWORKDIR /usr/src/app\nCOPY . .\nRUN cargo build --release --locked\n\n' +
      'FROM gcr.io/distroless/cc-debian13:nonroot\nWORKDIR /usr/src/app\nCOPY --from=build /usr/src/app/target/release/app /usr/src/app/target/release/app\nCMD ["/usr/src/app/target/release/app"]\n',
  },
  {
    name: 'anything else compiled: onto distroless base, a CRLF file stays CRLF',
    text: 'FROM debian:13\r\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*\r\nCOPY bin/server /usr/local/bin/server\r\nCMD ["/usr/local/bin/server"]\r\n',
    output:
      'FROM debian:13 AS build\r\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*\r\nCOPY bin/server /usr/local/bin/server\r\n\r\n' +
      'FROM gcr.io/distroless/base-debian13:nonroot\r\nCOPY --from=build /usr/local/bin/server /usr/local/bin/server\r\nCMD ["/usr/local/bin/server"]\r\n',
  },
];

describe('Convert to Multi-Stage Distroless Build', () => {
  for (const { name, text, context, output } of cases) {
    test(name, () => {
      const result = converted(text, context);
      assert.equal(result, output);
      assertClean(result, context);
      assert.ok('reason' in convert('convertToMultiStage', { text: result, context }), 'a second run has nothing to convert');
    });
  }

  test('the fix keeps comments, blank lines and a stage name', () => {
    const text = '# syntax=docker/dockerfile:1\n\n# the toolchain\nFROM golang:1.27 AS compile\nWORKDIR /src\n\nCOPY . .\n# build it\nRUN go build -o /bin/app .\nCMD ["/bin/app"]\n';
    assert.equal(
      converted(text),
      '# syntax=docker/dockerfile:1\n\n# the toolchain\nFROM golang:1.27 AS compile\nENV CGO_ENABLED=0\nWORKDIR /src\n\nCOPY . .\n# build it\nRUN go build -o /bin/app .\n\nFROM gcr.io/distroless/static-debian13:nonroot\nWORKDIR /src\nCOPY --from=compile /bin/app /bin/app\nCMD ["/bin/app"]\n',
    );
  });

  const refusals: [string, string, RegExp][] = [
    ['multi-stage already', 'FROM golang:1.27 AS b\nFROM scratch\nCOPY --from=b /a /a\nCMD ["/a"]', /multi-stage already/],
    ['a command that needs a shell', 'FROM node:22\nWORKDIR /app\nCMD node a.js | tee log', /needs a shell/],
    ['Ruby has no distroless image', 'FROM ruby:3.4\nWORKDIR /app\nCMD ["bundle", "exec", "puma"]', /no distroless image for Ruby/],
    ['Alpine-built native modules', 'FROM node:22-alpine\nWORKDIR /app\nCMD ["node", "a.js"]', /Alpine/],
    ['an app without a WORKDIR', 'FROM node:22\nCOPY . .\nCMD ["node", "a.js"]', /WORKDIR/],
    ['an entrypoint script', 'FROM golang:1.27\nCOPY run.sh /run.sh\nENTRYPOINT ["/run.sh"]', /script/],
    ['a program of unknown origin', 'FROM debian:13\nCMD ["server"]', /cannot tell where `server` is built/],
    ['no command', 'FROM golang:1.27\nRUN go build .', /no CMD or ENTRYPOINT/],
    ['a runtime line past its end of life', 'FROM python:3.7\nWORKDIR /app\nCMD ["python", "app.py"]', /past its end of life/],
    ['a shell-form HEALTHCHECK', 'FROM golang:1.27\nRUN go build -o /a .\nHEALTHCHECK CMD curl -f localhost\nCMD ["/a"]', /HEALTHCHECK/],
  ];
  for (const [name, text, reason] of refusals) {
    test(`says why there is nothing to convert: ${name}`, () => {
      const result = convert('convertToMultiStage', { text });
      assert.ok('reason' in result, 'no fix');
      assert.match(result.reason, reason);
    });
  }

  test('image-not-minimal offers the conversion as its quick fix', () => {
    const text = cases[4].text;
    const finding = analyze({ text, kind: 'dockerfile', context: cases[4].context }).findings.find((candidate) => candidate.rule === 'image-not-minimal');
    assert.deepEqual(finding?.fixes.map((fix) => [fix.title, fix.safety]), [['Convert to a multi-stage distroless build', 'unsafe']]);
  });
});
