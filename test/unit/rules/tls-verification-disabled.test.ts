import { ruleTester } from '../rule-tester';

ruleTester('tls-verification-disabled', {
  valid: [
    { name: 'verified downloads, a config file, a CA bundle', code: 'FROM debian:12\nRUN curl -fsSL https://x | tar xz && curl -K cfg https://x && curl --cacert /ca.pem https://x' },
    { name: 'values that keep verification on, an ARG without a default', code: 'ENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1\nARG GIT_SSL_NO_VERIFY\nFROM node:22' },
    { name: 'settings that keep or restore verification', code: 'FROM node:22\nRUN git config --global http.sslVerify true && npm config set strict-ssl true && git config --global --unset http.sslVerify' },
    { name: 'sed that turns verification back on', code: 'FROM fedora:40\nRUN sed -i "s/sslverify=0/sslverify=1/" /etc/yum.conf' },
    { name: 'echo to the build log writes no configuration', code: 'FROM fedora:40\nRUN echo sslverify=false' },
    { name: 'an unknown value', code: 'FROM node:22\nRUN NODE_TLS_REJECT_UNAUTHORIZED=$FLAG npm ci' },
    { name: 'other --setopt settings', code: 'FROM fedora:40\nRUN dnf --setopt=repo_gpgcheck=0 --setopt=x.sslverify=1 install -y x' },
    { name: 'commands named like object properties', code: 'FROM debian:12\nRUN constructor -k --nogpgcheck x && __proto__ --allow-untrusted && curl -fsSL https://x | toString -e' },
    { name: 'installing the CA certificates', code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends ca-certificates' },
  ],
  invalid: [
    {
      name: 'curl -k in a bundle, --insecure, wget --no-check-certificate: the option word',
      code: 'FROM debian:12\nRUN curl -fsSLk https://x -o /x && wget --no-check-certificate https://y && curl --insecure https://z',
      findings: [
        { line: 2, column: 10, endColumn: 16, message: /`curl -k` turns off TLS certificate verification/ },
        { line: 2, column: 41, endColumn: 63, message: /wget --no-check-certificate/ },
        { line: 2, column: 82, endColumn: 92, message: /curl --insecure/ },
      ],
    },
    {
      name: 'pip --trusted-host, also through python -m pip and pip config',
      code: 'FROM python:3.13\nRUN pip install --trusted-host pypi.org -r r.txt && python3 -m pip install --trusted-host=files.pythonhosted.org x\nRUN pip config set global.trusted-host pypi.org',
      findings: [
        { line: 2, column: 17, endColumn: 31 },
        { line: 2, column: 76, endColumn: 113 },
        { line: 3, column: 20, endColumn: 48, message: /pip setting `global.trusted-host`/ },
      ],
    },
    {
      name: 'variables: ARG default, ENV, inline, export and env',
      code: 'ARG NODE_TLS_REJECT_UNAUTHORIZED=0\nFROM node:22\nENV GIT_SSL_NO_VERIFY=true PYTHONHTTPSVERIFY=0\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci && export GIT_SSL_NO_VERIFY=1 && env npm_config_strict_ssl=false npm ci',
      findings: [
        { line: 1, column: 5, endColumn: 35, message: /`NODE_TLS_REJECT_UNAUTHORIZED`/ },
        { line: 3, column: 5, endColumn: 27 },
        { line: 3, column: 28, endColumn: 47 },
        { line: 4, column: 5, endColumn: 35 },
        { line: 4, column: 53, endColumn: 72 },
        { line: 4, column: 80, endColumn: 107 },
      ],
    },
    {
      name: 'Git: http.sslVerify false in git config and git -c',
      code: 'FROM node:22\nRUN git config --global http.sslVerify false && git -c http.sslVerify=false clone https://x',
      findings: [{ line: 2, column: 25, endColumn: 45, message: /Git setting `http.sslVerify`/ }, { line: 2, column: 53, endColumn: 76 }],
    },
    {
      name: 'npm and yarn strict-ssl',
      code: 'FROM node:22\nRUN npm config set strict-ssl false && yarn config set strict-ssl false && npm set strict-ssl=false && npm install --strict-ssl=false',
      findings: [
        { line: 2, column: 20, endColumn: 36 },
        { line: 2, column: 56, endColumn: 72, message: /yarn setting `strict-ssl`/ },
        { line: 2, column: 84, endColumn: 100 },
        { line: 2, column: 116, endColumn: 134, message: /`--strict-ssl=false`/ },
      ],
    },
    {
      name: 'sslverify written by echo, set with --setopt, put in by sed',
      code: 'FROM fedora:40\nRUN echo "sslverify=false" >> /etc/yum.conf && dnf --setopt=sslverify=0 install -y x && sed -i "s/sslverify=1/sslverify=0/" /etc/dnf/dnf.conf',
      findings: [{ line: 2, column: 11, endColumn: 26 }, { line: 2, column: 52, endColumn: 72 }, { line: 2, column: 111, endColumn: 122 }],
    },
    {
      name: 'a repo file written from a heredoc, and a .wgetrc',
      code: 'FROM fedora:40\nRUN cat > /etc/yum.repos.d/x.repo <<EOF\n[x]\nsslverify=0\nEOF\nRUN echo "check_certificate = off" >> ~/.wgetrc',
      findings: [{ line: 4, column: 1, endColumn: 12 }, { line: 6, column: 11, endColumn: 34 }],
    },
    {
      name: 'inside sh -c, and in exec form (the whole array)',
      code: "FROM debian:12\nRUN sh -c 'curl -k https://x'\nRUN [\"curl\", \"-k\", \"https://x\"]",
      findings: [{ line: 2, column: 17, endColumn: 19 }, { line: 3, column: 5, endColumn: 32 }],
    },
  ],
});
