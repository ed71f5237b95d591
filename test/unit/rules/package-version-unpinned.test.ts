import { ruleTester } from '../rule-tester';

ruleTester('package-version-unpinned', {
  valid: [
    'FROM debian:13\nRUN apt-get install -y curl=8.14.1-2 "git=1:2.47*"',
    'FROM alpine:3.20\nRUN apk add --no-cache curl=8.11.1-r0 git~2.45',
    'FROM centos:7\nRUN yum install -y httpd-2.4.6 && zypper -n in vim=9.1',
    'FROM python:3.12\nRUN pip install flask==3.1.1 "gunicorn>=22" -r requirements.txt && pip install .',
    { name: 'pip constraints pin the names', code: 'FROM python:3.12\nRUN pip install -c constraints.txt flask' },
    { name: 'pip local paths, URLs and VCS', code: 'FROM python:3.12\nRUN pip install ./pkg /wheels/x.whl git+https://github.com/a/b.git' },
    'FROM node:22\nRUN npm install -g yarn@1.22.22 @angular/cli@18.2.0 && npm install && npm ci',
    { name: 'npm GitHub shorthand and tarballs', code: 'FROM node:22\nRUN npm install user/repo ./local.tgz' },
    'FROM ruby:3.3\nRUN gem install bundler -v 2.5.3 && gem install rails:7.1.0',
    'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2 && go install ./cmd/app && go install example.com/x@4f2a1c9',
    { name: 'packages in a variable', code: 'FROM debian:13\nRUN apt-get install -y $PACKAGES' },
    { name: 'removals need no version', code: 'FROM debian:13\nRUN apt-get purge -y gcc' },
  ],
  invalid: [
    {
      name: 'apt: on each operand',
      code: 'FROM debian:13\nRUN apt-get install -y --no-install-recommends curl git=1:2.47*',
      findings: [{ line: 2, column: 48, endColumn: 52, message: /`curl=<version>`/ }],
    },
    { name: 'apk', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl', findings: [{ line: 2, column: 24, endColumn: 28, message: /`curl=<version>`/ }] },
    { name: 'yum and dnf', code: 'FROM fedora:40\nRUN dnf install -y shadow-utils', findings: [{ line: 2, column: 20, message: /`shadow-utils-<version>`/ }] },
    { name: 'pip, extras kept out of the hint', code: 'FROM python:3.12\nRUN pip install "uvicorn[standard]" flask', findings: [{ line: 2, column: 17, message: /`uvicorn==<version>`/ }, { line: 2, column: 37 }] },
    { name: 'npm: latest is no version', code: 'FROM node:22\nRUN npm i -g pm2 @nestjs/cli@latest', findings: [{ line: 2, column: 14 }, { line: 2, column: 18, message: /`@nestjs\/cli@<version>`/ }] },
    { name: 'yarn add and yarn global add', code: 'FROM node:22\nRUN yarn add lodash && yarn global add serve', findings: [{ line: 2, column: 14 }, { line: 2, column: 40 }] },
    { name: 'gem', code: 'FROM ruby:3.3\nRUN gem install bundler', findings: [{ line: 2, column: 17, message: /`bundler:<version>`/ }] },
    { name: 'go install @latest', code: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest', findings: [{ line: 2, column: 16, message: /`golang.org\/x\/tools\/gopls@v<version>`/ }] },
    { name: 'exec form: one finding on the array', code: 'FROM debian:13\nRUN ["apt-get", "install", "-y", "curl", "git"]', findings: [{ line: 2, column: 5, endColumn: 48, message: /`curl`, `git` are/ }] },
  ],
});
