import { ruleTester } from '../rule-tester';

ruleTester('unnecessary-tools', {
  valid: [
    {
      name: 'curl and wget serve health checks',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install -y --no-install-recommends curl wget ca-certificates && rm -rf /var/lib/apt/lists/*\nCMD ["/app"]',
    },
    { name: 'builder stages are not shipped', code: 'FROM debian:13 AS debug\nRUN apt-get install -y gdb strace vim\nFROM gcr.io/distroless/base-debian12\nCOPY --from=debug /etc/os-release /\nCMD ["/app"]' },
    { name: 'removed in the same RUN', code: 'FROM debian:13\nRUN apt-get install -y vim && vim -c wq /etc/x && apt-get purge -y vim\nCMD ["/app"]' },
    { name: 'an SSH server image runs sshd', code: 'FROM debian:13\nRUN apt-get install -y openssh-server\nCMD ["/usr/sbin/sshd", "-D"]' },
    { name: 'netcat for an entrypoint that waits for a port', code: 'FROM debian:13\nRUN apt-get install -y netcat-openbsd\nCOPY wait-for-it.sh /\nENTRYPOINT ["/wait-for-it.sh", "db:5432", "--", "/app"]' },
    { name: 'a service started to seed the database within the RUN', code: 'FROM debian:13\nRUN service postgresql start && psql -f /seed.sql && service postgresql stop' },
    { name: 'mount alone lists mounts', code: 'FROM debian:13\nRUN mount' },
    { name: 'no CMD or ENTRYPOINT: a base or dev-container image', code: 'FROM mcr.microsoft.com/devcontainers/base:bookworm\nRUN apt-get update && apt-get install -y vim gdb strace' },
    { name: 'Windows stage', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get install -y vim\nCMD ["app.exe"]' },
  ],
  invalid: [
    {
      name: 'on each package word',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install -y --no-install-recommends vim netcat-openbsd curl\nCMD ["/app"]',
      findings: [{ line: 2, column: 66, endColumn: 69, message: /`vim` is a debugging or remote-access tool/ }, { line: 2, column: 70, endColumn: 84 }],
    },
    { name: 'apk and dnf', code: 'FROM alpine:3.20\nRUN apk add --no-cache strace tcpdump && dnf install -y nmap\nCMD ["/app"]', findings: [{ line: 2, column: 24 }, { line: 2, column: 31 }, { line: 2, column: 57 }] },
    {
      name: 'commands meaningless in a build',
      code: 'FROM debian:13\nRUN mount -t tmpfs tmpfs /mnt\nRUN service nginx start\nRUN shutdown -h now',
      findings: [{ line: 2, column: 5, endColumn: 10, message: /RUN --mount/ }, { line: 3, column: 5, endColumn: 12, message: /stops with the RUN/ }, { line: 4, column: 5 }],
    },
    { name: 'exec form: one finding on the array', code: 'FROM debian:13\nRUN ["apt-get", "install", "-y", "gdb", "nano"]\nCMD ["/app"]', findings: [{ line: 2, column: 5, endColumn: 48, message: /`gdb`, `nano` are/ }] },
  ],
});
