import { ruleTester } from '../rule-tester';

ruleTester('copy-before-dependency-install', {
  valid: [
    'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]',
    {
      name: 'installed from the manifests first, built after the copy',
      code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt',
    },
    { name: 'installing the project itself needs its source', code: 'FROM python:3.12-slim\nCOPY . /src\nRUN pip install --no-cache-dir /src' },
    { name: 'named packages are not the manifests', code: 'FROM node:22-slim\nCOPY . .\nRUN npm install -g pm2 && npm install lodash' },
    { name: 'a build, not a dependency install', code: 'FROM maven:3.9\nCOPY . .\nRUN mvn -B package' },
    { name: 'a part of the context only', code: 'FROM node:22-slim\nCOPY src ./src\nRUN npm ci' },
  ],
  invalid: [
    {
      name: 'on the `.` source, the install as related',
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev',
      findings: [{ line: 3, column: 6, endColumn: 7, message: /Copy package.json and package-lock.json first/ }],
      fixTitles: ['Copy the dependency manifests first'],
      output: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .',
    },
    { name: 'pip -r names its file', code: 'FROM python:3.12-slim\nCOPY . /app\nRUN pip install -r /app/requirements/prod.txt', findings: [{ line: 2, column: 6, message: /Copy \/app\/requirements\/prod.txt first/ }] },
    {
      name: 'several installs, one finding',
      code: 'FROM ruby:3.3\nADD ./ /app\nRUN bundle install && yarn install --frozen-lockfile',
      findings: [{ line: 2, column: 5, endColumn: 7, message: /Gemfile and Gemfile.lock, package.json and yarn.lock/ }],
      output: 'FROM ruby:3.3\nCOPY Gemfile Gemfile.lock package.json yarn.lock /app/\nRUN bundle install && yarn install --frozen-lockfile\nADD ./ /app',
    },
    {
      name: 'builder stages count: the install is rebuilt on every source edit there too',
      code: 'FROM node:22 AS build\nCOPY . .\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html',
      findings: [{ line: 2, column: 6, message: /Copy package.json and package-lock.json first/ }],
    },
    { name: 'go mod download', code: 'FROM golang:1.23\nCOPY . .\nRUN go mod download && go build -o /app', findings: [{ line: 2, column: 6, message: /go.mod and go.sum/ }] },
    {
      name: 'maven and composer',
      code: 'FROM maven:3.9\nCOPY . .\nRUN mvn -B dependency:go-offline && composer install',
      findings: [{ line: 2, column: 6, message: /pom.xml, composer.json and composer.lock/ }],
      output: 'FROM maven:3.9\nCOPY pom.xml composer.json composer.lock /\nRUN mvn -B dependency:go-offline && composer install\nCOPY . .',
    },
    { name: 'heredoc install', code: 'FROM node:22-slim\nCOPY . .\nRUN <<EOF\nyarn\nEOF', findings: [{ line: 2, column: 6 }], output: 'FROM node:22-slim\nCOPY package.json yarn.lock /\nRUN <<EOF\nyarn\nEOF\nCOPY . .' },
  ],
});
