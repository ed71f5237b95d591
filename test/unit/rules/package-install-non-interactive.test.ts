import { ruleTester } from '../rule-tester';

ruleTester('package-install-non-interactive', {
  valid: [
    'FROM debian:13\nRUN apt-get install -y curl',
    'FROM debian:13\nRUN apt-get install --yes curl && apt-get install --assume-yes git',
    { name: '-qq implies -y', code: 'FROM debian:13\nRUN apt-get -qq install curl' },
    { name: '-q -q and --quiet=2 too', code: 'FROM debian:13\nRUN apt-get -q -q install curl && apt-get --quiet=2 install git' },
    { name: 'bundled', code: 'FROM debian:13\nRUN apt-get install -qy curl' },
    { name: 'as an apt option', code: 'FROM debian:13\nRUN apt-get -o APT::Get::Assume-Yes=true install curl' },
    { name: 'set in apt.conf.d earlier', code: 'FROM debian:13\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install curl' },
    { name: 'answered on standard input', code: 'FROM debian:13\nRUN yes | apt-get install curl' },
    { name: 'options in a variable', code: 'FROM debian:13\nRUN apt-get install $APT_FLAGS curl' },
    { name: 'refreshing and cleaning ask nothing', code: 'FROM debian:13\nRUN apt-get update && apt-get clean && yum makecache' },
    'FROM fedora:40\nRUN dnf install -y git && yum --assumeyes install make && microdnf install -y tar',
    { name: 'yum assumeyes in yum.conf', code: 'FROM centos:7\nRUN echo assumeyes=1 >> /etc/yum.conf\nRUN yum install git' },
    { name: 'zypper global -n', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install git && zypper --non-interactive in make' },
    { name: 'zypper install -y', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y git' },
    { name: 'apk never asks', code: 'FROM alpine:3.20\nRUN apk add curl' },
    { name: 'Windows stage', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get install curl' },
  ],
  invalid: [
    {
      name: 'on the install word; -y goes after it',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install --no-install-recommends curl',
      findings: [{ line: 2, column: 31, endColumn: 38, message: /-y/ }],
      output: 'FROM debian:13\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
    },
    {
      name: 'builder stages too; a single -q is not enough',
      code: 'FROM debian:13 AS build\nRUN apt-get -q install gcc\nFROM scratch',
      findings: [{ line: 2, column: 16 }],
      output: 'FROM debian:13 AS build\nRUN apt-get -q install -y gcc\nFROM scratch',
    },
    {
      name: 'yum, dnf and microdnf',
      code: 'FROM fedora:40\nRUN yum install git && dnf install make && microdnf install tar',
      findings: [{ line: 2, column: 9 }, { line: 2, column: 28 }, { line: 2, column: 53 }],
      output: 'FROM fedora:40\nRUN yum install -y git && dnf install -y make && microdnf install -y tar',
    },
    {
      name: 'upgrades and removals ask too',
      code: 'FROM debian:13\nRUN apt-get upgrade && apt-get purge --auto-remove gcc && dnf remove make',
      findings: [{ line: 2, column: 13 }, { line: 2, column: 32 }, { line: 2, column: 63 }],
      output: 'FROM debian:13\nRUN apt-get upgrade -y && apt-get purge -y --auto-remove gcc && dnf remove -y make',
    },
    {
      name: 'zypper: -n after the subcommand is not the global option',
      code: 'FROM opensuse/leap:15.6\nRUN zypper in -n git',
      findings: [{ line: 2, column: 12, endColumn: 14 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper in -y -n git',
    },
    {
      name: 'inside sh -c and a heredoc',
      code: 'FROM debian:13\nRUN sh -c "apt-get install curl"\nRUN <<EOF\napt install git\nEOF',
      findings: [{ line: 2, column: 20 }, { line: 4, column: 5 }],
      output: 'FROM debian:13\nRUN sh -c "apt-get install -y curl"\nRUN <<EOF\napt install -y git\nEOF',
    },
    { name: 'exec form: on the array, no fix', code: 'FROM debian:13\nRUN ["apt-get", "install", "curl"]', findings: [{ line: 2, column: 5, endColumn: 35 }] },
  ],
});
