import { ruleTester } from '../rule-tester';

const digest = 'sha256:0000000000000000000000000000000000000000000000000000000000000000';

// Without `today` the rule compares with the table's own date (2026-11-23 in the committed data).
ruleTester('image-end-of-life', {
  valid: [
    'FROM node:24-alpine',
    'FROM python:3.13-slim-trixie',
    'FROM debian:bookworm-slim',
    'FROM ubuntu:24.04',
    { name: 'Debian 12 distroless is supported', code: 'FROM gcr.io/distroless/static-debian12:nonroot' },
    { name: 'Temurin LTS lines have no announced end', code: 'FROM eclipse-temurin:8u402-b06-jdk\nFROM eclipse-temurin:11-jre' },
    { name: 'floating and unknown tags are never guessed at', code: 'FROM node:lts-alpine\nFROM node\nFROM node:latest\nFROM debian:oldstable\nFROM python:3' },
    { name: 'pre-releases and early-access builds', code: 'FROM python:3.13.0rc1-slim\nFROM golang:1.21rc2\nFROM openjdk:22-ea-22-jdk' },
    { name: 'images that are not the official ones', code: 'FROM myorg/node:16\nFROM quay.io/acme/python:2.7\nFROM ghcr.io/acme/debian:9' },
    { name: 'a stage reference is reported at its own FROM', code: 'FROM node:24 AS base\nFROM base' },
    { name: 'scratch and unresolvable images', code: 'ARG BASE\nFROM ${BASE}\nFROM scratch' },
    { name: 'before the end date', code: 'FROM node:16', config: { today: '2023-09-11' } },
    { name: 'a newer table would know it; this one does not', code: 'FROM alpine:3.24' },
  ],
  invalid: [
    {
      name: 'the runtime line, with the supported LTS line as a fix',
      code: 'FROM node:16-alpine',
      findings: [{ line: 1, column: 11, endLine: 1, endColumn: 20, message: /^`node:16-alpine` is Node\.js 16, which reached end of life on 2023-09-11; move to `node:26-alpine` \(supported until 2029-04-30\)\.$/ }],
      fixTitles: ['Use node:26-alpine'],
      output: 'FROM node:26-alpine',
    },
    {
      name: 'runtime first, its expired base mentioned; the pinned variant is not published for the new line',
      code: 'FROM node:16.20.2-bullseye-slim',
      findings: [{ line: 1, column: 11, endColumn: 32, message: /Node\.js 16, which reached end of life on 2023-09-11, and its base Debian 11 \(bullseye\) did on 2026-08-31; move to `node:26`/ }],
    },
    { code: 'FROM python:2.7-slim', findings: [{ line: 1, column: 13, endColumn: 21, message: /Python 2\.7.*2020-01-01; move to `python:3\.14-slim`/ }], output: 'FROM python:3.14-slim' },
    { name: 'python:2 is 2.7', code: 'FROM python:2', findings: [{ line: 1, column: 13, endColumn: 14, message: /Python 2\.7/ }], output: 'FROM python:3.14' },
    {
      name: 'an Alpine pin in the tag',
      code: 'FROM python:3.8.18-alpine3.19',
      findings: [{ line: 1, column: 13, endColumn: 30, message: /Python 3\.8, which reached end of life on 2024-10-07, and its base Alpine 3\.19 did on 2025-11-01/ }],
    },
    {
      name: 'only the base is expired',
      code: 'FROM python:3.12-slim-bullseye AS build',
      findings: [{ line: 1, column: 13, endColumn: 31, message: /^`python:3\.12-slim-bullseye` is built on Debian 11 \(bullseye\), which reached end of life on 2026-08-31; use a variant built on a supported release such as Debian 13 \(trixie\)/ }],
    },
    {
      name: 'an Ubuntu base named by codename',
      code: 'FROM eclipse-temurin:17-jdk-focal',
      findings: [{ line: 1, column: 22, endColumn: 34, message: /built on Ubuntu 20\.04 \(focal\), which reached end of life on 2025-05-29/ }],
    },
    { name: 'Debian by codename keeps the codename', code: 'FROM debian:stretch', findings: [{ line: 1, column: 13, endColumn: 20, message: /Debian 9 \(stretch\).*2022-06-30/ }], output: 'FROM debian:trixie' },
    { name: 'Debian by number keeps the number', code: 'FROM debian:9', findings: [{ line: 1, column: 13, endColumn: 14 }], output: 'FROM debian:13' },
    { code: 'FROM debian:buster-slim', findings: [{ line: 1, column: 13, endColumn: 24 }], output: 'FROM debian:trixie-slim' },
    { name: 'a dated Debian tag: message only', code: 'FROM debian:stretch-20230522', findings: [{ line: 1, column: 13, message: /move to `debian:trixie`/ }] },
    { code: 'FROM ubuntu:16.04', findings: [{ line: 1, column: 13, endColumn: 18, message: /Ubuntu 16\.04 \(xenial\).*2021-04-30; move to `ubuntu:26\.04`/ }], output: 'FROM ubuntu:26.04' },
    { code: 'FROM ubuntu:xenial', findings: [{ line: 1, column: 13, endColumn: 19 }], output: 'FROM ubuntu:resolute' },
    {
      name: 'no supported line left',
      code: 'FROM centos:7',
      findings: [{ line: 1, column: 13, endColumn: 14, message: /CentOS Linux 7, which reached end of life on 2024-06-30; CentOS Linux has no successor line/ }],
    },
    { code: 'FROM centos:centos7.9.2009', findings: [{ line: 1, column: 13, endColumn: 27 }] },
    {
      name: 'distroless on Debian 11 points at the image',
      code: 'FROM gcr.io/distroless/static-debian11:nonroot',
      findings: [{ line: 1, column: 6, endColumn: 47, message: /built on Debian 11 \(bullseye\), which reached end of life on 2026-08-31; move to `gcr\.io\/distroless\/static-debian13:nonroot` \(supported until 2030-06-30\)/ }],
      output: 'FROM gcr.io/distroless/static-debian13:nonroot',
    },
    {
      name: 'distroless Node.js: runtime first, no mechanical swap',
      code: 'FROM gcr.io/distroless/nodejs16-debian11',
      findings: [{ line: 1, column: 6, endColumn: 41, message: /Node\.js 16.*and its base Debian 11 \(bullseye\) did on 2026-08-31; move to Node\.js 26, supported until 2029-04-30/ }],
    },
    {
      name: 'the deprecated openjdk image suggests its successor for the same Java',
      code: 'FROM openjdk:8',
      findings: [{ line: 1, column: 14, endColumn: 15, message: /Java 8 of the deprecated openjdk image, which reached end of life on 2022-07-31; move to `eclipse-temurin:8`\.$/ }],
    },
    { name: 'a Temurin feature release', code: 'FROM eclipse-temurin:19-jdk', findings: [{ line: 1, column: 22, endColumn: 28 }], output: 'FROM eclipse-temurin:25-jdk' },
    { code: 'FROM golang:1.20', findings: [{ line: 1, column: 13, endColumn: 17, message: /Go 1\.20, which reached end of life on 2024-02-06; move to `golang:1\.27`\.$/ }], output: 'FROM golang:1.27' },
    { code: 'FROM ruby:2.7', findings: [{ line: 1, column: 11, endColumn: 14 }], output: 'FROM ruby:4.0' },
    { code: 'FROM php:7.4-fpm', findings: [{ line: 1, column: 10, endColumn: 17, message: /PHP 7\.4.*2022-11-28/ }], output: 'FROM php:8.5-fpm' },
    { code: 'FROM postgres:11', findings: [{ line: 1, column: 15, endColumn: 17, message: /PostgreSQL 11.*2023-11-09/ }], output: 'FROM postgres:18' },
    { name: 'Node.js by codename', code: 'FROM node:gallium-alpine', findings: [{ line: 1, column: 11, endColumn: 25 }], output: 'FROM node:lithium-alpine' },
    {
      name: 'registry prefixes and official-image mirrors',
      code: 'FROM docker.io/library/node:16\nFROM public.ecr.aws/docker/library/python:3.7',
      findings: [{ line: 1, column: 29, endColumn: 31 }, { line: 2, column: 43, endColumn: 46 }],
      output: 'FROM docker.io/library/node:26\nFROM public.ecr.aws/docker/library/python:3.14',
    },
    {
      name: 'every stage counts, builders included',
      code: 'FROM --platform=$BUILDPLATFORM golang:1.19 AS build\nFROM alpine:3.12',
      findings: [{ line: 1, column: 39, endColumn: 43 }, { line: 2, column: 13, endColumn: 17 }],
      output: 'FROM --platform=$BUILDPLATFORM golang:1.27 AS build\nFROM alpine:3.23',
    },
    { name: 'CRLF', code: 'FROM alpine:3.12\r\nFROM node:16\r\n', findings: [{ line: 1, column: 13 }, { line: 2, column: 11 }], output: 'FROM alpine:3.23\r\nFROM node:26\r\n' },
    {
      name: 'a tag from an ARG: the image is reported, the ARG is not rewritten',
      code: 'ARG NODE=16\nFROM node:${NODE}-alpine',
      findings: [{ line: 2, column: 6, endColumn: 25, message: /`node:16-alpine` is Node\.js 16/ }],
    },
    {
      name: 'a digest pins the old line: no fix, and the message leaves the digest out',
      code: `FROM node:16@${digest}`,
      findings: [{ line: 1, column: 11, endColumn: 13, message: /^`node:16` is Node\.js 16/ }],
    },
    {
      name: 'the date comes from the caller, and so does the suggestion',
      code: 'FROM node:16',
      config: { today: '2023-09-12' },
      findings: [{ line: 1, column: 11, message: /move to `node:18` \(supported until 2025-04-30\)/ }],
      output: 'FROM node:18',
    },
    { name: 'a malformed date falls back to the table date', code: 'FROM node:20', config: { today: 'tomorrow' }, findings: [{ line: 1, column: 11 }], output: 'FROM node:26' },
  ],
});
