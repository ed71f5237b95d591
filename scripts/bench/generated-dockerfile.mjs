// The benchmark's large input, shared with the tests that parse it (test/unit/dockerfile-syntax.test.ts).

/**
 * A 10,000-line Dockerfile shaped like real ones: stages with ARG/ENV/LABEL, long apt and apk
 * RUNs with continuations and comments, heredocs, COPY --from chains, exec and shell forms.
 */
export function generatedDockerfile(lines = 10_000) {
  const out = ['# syntax=docker/dockerfile:1', 'ARG BASE=debian:bookworm-slim', 'ARG GO_VERSION=1.27'];
  const packages = ['ca-certificates', 'curl', 'git', 'gnupg', 'jq', 'less', 'openssh-client', 'procps', 'tzdata', 'unzip', 'xz-utils', 'zstd'];
  for (let stage = 0; out.length < lines - 12; stage++) {
    out.push('', `FROM \${BASE} AS stage${stage}`, `ARG VERSION_${stage}=1.${stage}.0`, `ENV APP_HOME=/srv/app${stage} \\`, `    PATH=/srv/app${stage}/bin:$PATH`);
    out.push(`LABEL org.opencontainers.image.title="service-${stage}" org.opencontainers.image.version="\${VERSION_${stage}}"`);
    out.push('RUN set -eux; \\', '    apt-get update; \\', '    apt-get install -y --no-install-recommends \\');
    for (const name of packages) out.push(`        ${name} \\`);
    out.push('    ; \\', '# keep the image small', '    rm -rf /var/lib/apt/lists/*');
    out.push('WORKDIR $APP_HOME', `COPY --chown=10001:10001 config/stage${stage}/ ./config/`);
    if (stage > 0) out.push(`COPY --from=stage${stage - 1} /srv/app${stage - 1}/bin/ ./bin/`);
    out.push('RUN <<EOF', 'set -e', `echo "building stage ${stage}" > /etc/stage`, 'useradd --system --uid 10001 app || true', 'EOF');
    out.push(`RUN curl -fsSL "https://example.com/tool-\${VERSION_${stage}}.tar.gz" -o /tmp/tool.tgz \\`, ' && tar -xzf /tmp/tool.tgz -C /usr/local/bin \\', ' && rm /tmp/tool.tgz');
    out.push('EXPOSE 8080/tcp', 'HEALTHCHECK --interval=30s CMD ["curl", "-fsS", "http://127.0.0.1:8080/healthz"]');
    out.push(stage % 3 === 0 ? 'CMD ./bin/server --port 8080' : 'CMD ["./bin/server", "--port", "8080"]');
  }
  out.push('', 'FROM gcr.io/distroless/static-debian13:nonroot', 'COPY --from=stage0 /srv/app0/bin/server /server', 'ENTRYPOINT ["/server"]');
  while (out.length < lines) out.push('# padding to an exact line count');
  return `${out.slice(0, lines).join('\n')}\n`;
}
