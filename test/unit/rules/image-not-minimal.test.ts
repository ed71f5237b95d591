import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, ruleTester } from '../rule-tester';

const digest = 'sha256:0000000000000000000000000000000000000000000000000000000000000000';

ruleTester('image-not-minimal', {
  valid: [
    'FROM node:22-slim',
    'FROM python:3.13-slim-bookworm',
    'FROM node:22-alpine3.21',
    'FROM eclipse-temurin:21-jre',
    'FROM eclipse-temurin:21-jdk-alpine',
    { name: 'SDK images in builder stages are the point', code: 'FROM golang:1.27 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian13:nonroot\nCOPY --from=build /app /app' },
    { name: 'distroless, chainguard, scratch', code: 'FROM cgr.dev/chainguard/node:latest\nFROM gcr.io/distroless/nodejs22-debian13\nFROM scratch' },
    { name: 'UBI minimal', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal' },
    { name: 'images without a table entry', code: 'FROM myorg/node:22\nFROM busybox:1.37\nFROM nginx:1.27' },
    { name: 'Apache PHP has no Alpine build', code: 'FROM php:8.4-apache' },
    { name: 'floating words are not guessed at', code: 'FROM node:lts' },
    { name: 'Windows images', code: 'FROM python:3.13-windowsservercore-ltsc2022' },
    { name: 'unresolvable base', code: 'ARG BASE\nFROM ${BASE}' },
    { name: 'the configured shipped stage is slim', code: 'FROM node:22-slim AS app\nFROM node:22 AS test', config: { shippedStage: 'app' } },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCMD ["node", "server.js"]',
      findings: [
        {
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 13,
          message: /^`node:22` is a full Debian image with compilers and headers \(~408 MB compressed\); `node:22-slim` \(~80 MB\) is a minimal alternative, about 330 MB smaller \(sizes approximate\)\.$/,
        },
      ],
    },
    { code: 'FROM python:3.13.1-bookworm', findings: [{ line: 1, column: 6, endColumn: 28, message: /`python:3\.13\.1-slim`/ }] },
    { name: 'untagged means latest', code: 'FROM ruby', findings: [{ line: 1, column: 6, endColumn: 10, message: /`ruby:slim`/ }] },
    { name: 'a variant of the same image keeps its registry prefix', code: 'FROM docker.io/library/node:latest', findings: [{ line: 1, column: 6, message: /`docker\.io\/library\/node:slim`/ }] },
    {
      name: 'the Go SDK shipped: build and ship on distroless static',
      code: 'FROM golang:1.27\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]',
      findings: [{ line: 1, column: 6, endColumn: 17, message: /^`golang:1\.27` is the Go SDK .*build in an earlier stage and ship the result on `gcr\.io\/distroless\/static-debian13` \(~2 MB\), about 300 MB smaller/ }],
      fixTitles: ['Convert to a multi-stage distroless build'],
      output: 'FROM golang:1.27 AS build\nENV CGO_ENABLED=0\nCOPY . .\nRUN go build -o /app .\n\nFROM gcr.io/distroless/static-debian13:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]',
    },
    { code: 'FROM rust:1.83', findings: [{ line: 1, column: 6, message: /`gcr\.io\/distroless\/cc-debian13`/ }] },
    { code: 'FROM maven:3.9-eclipse-temurin-21', findings: [{ line: 1, column: 6, message: /ship the result on `eclipse-temurin:21-jre`/ }] },
    { code: 'FROM gradle:8-jdk17', findings: [{ line: 1, column: 6, message: /`eclipse-temurin:17-jre`/ }] },
    { code: 'FROM eclipse-temurin:21.0.5_11-jdk-noble', findings: [{ line: 1, column: 6, message: /`eclipse-temurin:21\.0\.5_11-jre`/ }] },
    { name: 'the deprecated openjdk image', code: 'FROM openjdk:17-jdk', findings: [{ line: 1, column: 6, message: /`eclipse-temurin:17-jre`/ }] },
    { code: 'FROM php:8.4-fpm-bookworm', findings: [{ line: 1, column: 6, message: /`php:8\.4-fpm-alpine`/ }] },
    { code: 'FROM php:8.3-cli', findings: [{ line: 1, column: 6, message: /`php:8\.3-alpine`/ }] },
    { code: 'FROM debian:bookworm', findings: [{ line: 1, column: 6, endColumn: 21, message: /`debian:bookworm-slim` \(~28 MB\) is a minimal alternative, about 20 MB smaller/ }] },
    { code: 'FROM ubuntu:24.04', findings: [{ line: 1, column: 6, message: /`gcr\.io\/distroless\/base-debian13`/ }] },
    { code: 'FROM fedora:41', findings: [{ line: 1, column: 6, message: /`registry\.fedoraproject\.org\/fedora-minimal:41`/ }] },
    { code: 'FROM docker.io/library/centos:7', findings: [{ line: 1, column: 6, message: /`registry\.access\.redhat\.com\/ubi9\/ubi-minimal`/ }] },
    {
      name: 'through a stage: reported on the image, the shipped FROM as related information',
      code: 'FROM node:22 AS base\nRUN npm ci\nFROM base\nCMD ["node", "server.js"]',
      findings: [{ line: 1, column: 6, endColumn: 13 }],
    },
    { name: 'a digest does not make it smaller', code: `FROM node:22@${digest}`, findings: [{ line: 1, column: 6, message: /^`node:22` is/ }] },
    { name: 'the configured shipped stage', code: 'FROM python:3.13 AS app\nFROM python:3.13-slim AS other', config: { shippedStage: 'app' }, findings: [{ line: 1, column: 6 }] },
  ],
});

test('a base reached through stages names the shipped FROM as related information', () => {
  const [finding] = findingsOf('image-not-minimal', 'FROM node:22 AS base\nFROM base AS app\nFROM app');
  assert.deepEqual(finding.related, [{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 8 } }, message: 'the shipped stage builds on this image' }]);
});
