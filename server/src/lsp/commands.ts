/**
 * The palette conversions as LSP commands (`workspace/executeCommand`): the server computes the
 * edit with the engine and asks the client to apply it (`workspace/applyEdit`). Any LSP client
 * can call them with `[{ uri, selection? }]`; VS Code's palette commands do.
 */
import type { Range } from 'vscode-languageserver';
import { conversions } from '../engine';

export const COMMAND_PREFIX = 'shipshape.server.';
export const SERVER_COMMANDS = conversions.map((conversion) => `${COMMAND_PREFIX}${conversion.id}`);
/** Harden Kubernetes Manifest: every hardening fix of the Kubernetes rules on an open manifest, as one edit. */
export const HARDEN_MANIFEST_COMMAND = `${COMMAND_PREFIX}hardenManifest`;
export const HARDEN_MANIFEST_TITLE = 'Harden Kubernetes Manifest';

export interface CommandArgument {
  uri: string;
  selection?: Range;
}

export interface CommandResult {
  applied: boolean;
  /** Why nothing was changed, as shown to the person. */
  reason?: string;
}

/** The conversion a command names and its argument, or undefined for anything malformed. */
export function parseCommand(command: string, args: unknown[] | undefined): { id: string; title: string; argument: CommandArgument } | undefined {
  const conversion = conversions.find((candidate) => `${COMMAND_PREFIX}${candidate.id}` === command);
  const argument = args?.[0] as Partial<CommandArgument> | undefined;
  if (!conversion || typeof argument?.uri !== 'string') return undefined;
  return { id: conversion.id, title: conversion.title, argument: { uri: argument.uri, selection: argument.selection } };
}
