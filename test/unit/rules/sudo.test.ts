import { ruleTester } from '../rule-tester';

ruleTester('sudo', {
  valid: [
    { name: 'installing sudo is not using it', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends sudo' },
    { name: 'a word in a string or a file name', code: 'FROM debian:12\nRUN echo sudo && visudo -c && cp sudoers /etc/sudoers.d/app' },
    { name: 'only RUN runs at build time', code: 'FROM debian:12\nCMD sudo -u app /app/run' },
    { name: 'a Python heredoc is not shell', code: 'FROM python:3.13\nRUN <<EOF\n#!/usr/bin/env python3\nimport os\nos.system("sudo ls")\nEOF' },
    { name: 'a PowerShell SHELL is not parsed as sh', code: 'FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN sudo ls' },
    { name: 'Windows images', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN sudo ls' },
  ],
  invalid: [
    {
      name: 'the sudo word',
      code: 'FROM debian:12\nRUN sudo apt-get update',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 9, message: /USER/ }],
    },
    {
      name: 'after other commands and across continuation lines, in every stage',
      code: 'FROM debian:12 AS build\nRUN make \\\n && sudo -E make install\nFROM debian:12\nRUN env DEBIAN_FRONTEND=noninteractive sudo apt-get install -y curl',
      findings: [{ line: 3, column: 5, endColumn: 9 }, { line: 5, column: 40, endColumn: 44 }],
    },
    {
      name: 'inside sh -c, at the exact word',
      code: 'FROM debian:12\nRUN sh -c "cd /src && sudo make install" && bash -ec \'sudo ls\'',
      findings: [{ line: 2, column: 23, endColumn: 27 }, { line: 2, column: 55, endColumn: 59 }],
    },
    {
      name: 'inside a script whose quoting shifts positions: the whole script word',
      code: 'FROM debian:12\nRUN sh -c "sudo echo \\"hi\\""',
      findings: [{ line: 2, column: 11, endColumn: 29 }],
    },
    {
      name: 'a heredoc script, and a heredoc fed to bash',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\nsudo make install\nEOF\nRUN bash <<EOF\nsudo ls\nEOF',
      findings: [{ line: 4, column: 1, endColumn: 5 }, { line: 7, column: 1, endColumn: 5 }],
    },
    {
      name: 'exec form: the whole array',
      code: 'FROM debian:12\nRUN ["sudo", "make", "install"]',
      findings: [{ line: 2, column: 5, endColumn: 32 }],
    },
  ],
});
