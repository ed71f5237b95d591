import { ruleTester } from '../rule-tester';

ruleTester('package-upgrade', {
  valid: [
    'FROM debian:13\nRUN apt-get update && apt-get install -y curl',
    { name: 'apt-get update only refreshes the index', code: 'FROM debian:13\nRUN apt-get update' },
    { name: 'apk update only refreshes the index', code: 'FROM alpine:3.20\nRUN apk update && apk add curl' },
    { name: 'named packages are a targeted fix', code: 'FROM centos:7\nRUN yum update -y openssl && apk upgrade musl' },
    { name: 'packages in a variable', code: 'FROM fedora:40\nRUN dnf upgrade -y $PACKAGES' },
    { name: 'Windows stage', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get upgrade' },
  ],
  invalid: [
    {
      name: 'on the subcommand word',
      code: 'FROM debian:13\nRUN apt-get update && apt-get -y upgrade && apt-get dist-upgrade -y',
      findings: [{ line: 2, column: 34, endColumn: 41, message: /patched base image/ }, { line: 2, column: 53, endColumn: 65 }],
    },
    { name: 'apk upgrade', code: 'FROM alpine:3.20\nRUN apk upgrade --no-cache', findings: [{ line: 2, column: 9, endColumn: 16 }] },
    { name: 'yum update and dnf upgrade', code: 'FROM fedora:40\nRUN yum -y update && dnf upgrade -y', findings: [{ line: 2, column: 12 }, { line: 2, column: 26 }] },
    { name: 'zypper dup, in a builder stage', code: 'FROM opensuse/leap:15.6 AS build\nRUN zypper -n dup\nFROM scratch', findings: [{ line: 2, column: 15, endColumn: 18 }] },
    { name: 'heredoc', code: 'FROM debian:13\nRUN <<EOF\napt-get -y full-upgrade\nEOF', findings: [{ line: 3, column: 12 }] },
  ],
});
