import { ruleTester } from '../rule-tester';

ruleTester('package-signature-bypass', {
  valid: [
    { name: 'signed installs; installing a package called sudo', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends sudo gnupg' },
    { name: 'a signed-by source line', code: 'FROM debian:12\nRUN echo "deb [signed-by=/etc/apt/keyrings/x.gpg] https://x stable main" > /etc/apt/sources.list.d/x.list' },
    { name: 'repo_gpgcheck=0 is the default of most repositories', code: 'FROM fedora:40\nRUN echo "repo_gpgcheck=0" >> /etc/yum.conf && dnf --setopt=repo_gpgcheck=0 install -y x' },
    { name: 'sed that turns checks back on', code: 'FROM fedora:40\nRUN sed -i "s/^gpgcheck=0/gpgcheck=1/" /etc/yum.conf' },
    { name: 'a YAML file of the app', code: 'FROM debian:12\nRUN echo "trusted: yes" > /app/config.yml' },
    { name: 'rpm -K only checks a package', code: 'FROM fedora:40\nRUN rpm -K --nosignature /tmp/z.rpm' },
    { name: 'commands named like object properties', code: 'FROM debian:12\nRUN constructor -k --nogpgcheck x && __proto__ --allow-untrusted && curl -fsSL https://x | toString -e' },
    { name: 'an apt -o setting that keeps checks on', code: 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=false install -y x' },
  ],
  invalid: [
    {
      name: 'apt-get options, the -o setting with its value',
      code: 'FROM debian:12\nRUN apt-get update --allow-insecure-repositories && apt-get install -y --allow-unauthenticated --force-yes x && apt-get -o APT::Get::AllowUnauthenticated=true install -y y',
      findings: [
        { line: 2, column: 20, endColumn: 49, message: /`apt-get --allow-insecure-repositories` installs packages without checking their signatures/ },
        { line: 2, column: 72, endColumn: 95 },
        { line: 2, column: 96, endColumn: 107, message: /--force-yes/ },
        { line: 2, column: 121, endColumn: 159 },
      ],
    },
    {
      name: 'apk --allow-untrusted',
      code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/x.apk',
      findings: [{ line: 2, column: 13, endColumn: 30 }],
    },
    {
      name: 'dnf, yum --setopt, rpm and zypper',
      code: 'FROM fedora:40\nRUN dnf install -y --nogpgcheck x && yum --setopt=gpgcheck=0 install -y y && rpm -ivh --nosignature /tmp/z.rpm && zypper --no-gpg-checks in -y q',
      findings: [{ line: 2, column: 20, endColumn: 32 }, { line: 2, column: 42, endColumn: 61 }, { line: 2, column: 87, endColumn: 100 }, { line: 2, column: 122, endColumn: 137 }],
    },
    {
      name: 'gpgcheck=0 written by printf and put in by sed',
      code: 'FROM fedora:40\nRUN printf "[x]\\nbaseurl=http://x\\ngpgcheck=0\\n" > /etc/yum.repos.d/x.repo && sed -i "s/gpgcheck=1/gpgcheck=0/g" /etc/yum.repos.d/*.repo',
      findings: [{ line: 2, column: 36, endColumn: 46, message: /`gpgcheck=0`/ }, { line: 2, column: 100, endColumn: 110 }],
    },
    {
      name: 'trusted=yes in a sources line, an apt.conf setting, a deb822 Trusted field',
      code: 'FROM debian:12\nRUN echo "deb [arch=amd64 trusted=yes] http://x stable main" > /etc/apt/sources.list.d/x.list\nRUN echo \'APT::Get::AllowUnauthenticated "true";\' > /etc/apt/apt.conf.d/99x\nRUN cat > /etc/apt/sources.list.d/x.sources <<EOF\nTypes: deb\nURIs: http://x\nTrusted: yes\nEOF',
      findings: [{ line: 2, column: 27, endColumn: 38 }, { line: 3, column: 11, endColumn: 48 }, { line: 7, column: 1, endColumn: 13 }],
    },
    {
      name: 'rpm --nodigest and zypper addrepo --no-gpgcheck',
      code: 'FROM opensuse/leap:15.6\nRUN rpm -Uvh --nodigest /tmp/a.rpm && zypper addrepo --no-gpgcheck https://x/repo x',
      findings: [{ line: 2, column: 14, endColumn: 24, message: /`rpm --nodigest`/ }, { line: 2, column: 54, endColumn: 67 }],
    },
    {
      name: 'exec form: the whole array',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "--allow-untrusted", "/tmp/x.apk"]',
      findings: [{ line: 2, column: 5, endColumn: 54 }],
    },
  ],
});
