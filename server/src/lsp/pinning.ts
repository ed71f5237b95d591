/**
 * Pin to digest in the editor. The engine stays offline: it plans which image texts to pin
 * (`planPins`); this module asks the registry, only when a person picks the action or runs a
 * command, and turns the digests into edits. Quick fixes carry no edit until resolved
 * (`codeAction/resolve`), so showing the light bulb never touches the network.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../engine';
import { formatReference } from '../engine/registry/reference';
import { pinEdit, planPins, type PinTarget } from '../engine/registry/pin';
import { rangeTouches } from '../engine/text/document';
import { RegistryCache } from '../host/registry/cache';
import { RegistryClient } from '../host/registry/client';
import { credentialHelperRunner } from '../host/registry/credential-helper';
import { dockerConfigCredentials, dockerConfigPath } from '../host/registry/credentials';
import { RegistryError } from '../host/registry/errors';
import { documentKind } from './analysis';
import { SOURCE } from './diagnostics';
import type { RegistrySettings } from './settings';

export const PIN_IMAGE_COMMAND = 'shipshape.server.pinImage';
export const PIN_ALL_COMMAND = 'shipshape.server.pinAllImages';
export const UPDATE_PINS_COMMAND = 'shipshape.server.updatePinnedDigests';
export const PIN_COMMANDS = [PIN_IMAGE_COMMAND, PIN_ALL_COMMAND, UPDATE_PINS_COMMAND];

const PIN = { title: 'Pin to digest', safe: true };
const PIN_LATEST = { title: 'Pin the current digest of latest (unsafe: latest moves, the pin freezes today\'s)', safe: false };

/** The rules whose findings a digest settles (Dockerfile and manifest alike); for untagged and latest images it pins whatever latest is today. */
const PIN_RULES: Record<string, { title: string; safe: boolean }> = {
  'image-not-pinned-by-digest': PIN,
  'k8s-image-not-pinned-by-digest': PIN,
  'image-untagged': PIN_LATEST,
  'k8s-image-untagged': PIN_LATEST,
  'image-latest-tag': PIN_LATEST,
  'k8s-image-latest-tag': PIN_LATEST,
};

/** What a pin action carries until it is resolved, or what the fallback command receives. */
export interface PinRequest {
  uri: string;
  version?: number;
  /** Where the image is; absent pins every image of the document. */
  position?: Position;
  /** Only re-resolve images already pinned (Update Pinned Digests), changing digests that moved. */
  update?: boolean;
}

/**
 * One unresolved action per pinnable finding the request names. Clients that can resolve an
 * action's edit get `data`; the others get a command the server runs and applies.
 */
export function pinActions(document: TextDocument, diagnostics: readonly Diagnostic[], canResolveEdit: boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  let targets: PinTarget[] | undefined;
  for (const diagnostic of diagnostics) {
    const rule = diagnostic.source === SOURCE && typeof diagnostic.code === 'string' ? PIN_RULES[diagnostic.code] : undefined;
    if (!rule) continue;
    targets ??= planPins(document.getText(), { kind: documentKind(document) }).targets;
    const target = targets.find((candidate) => rangeTouches(candidate.range, diagnostic.range.start));
    if (!target) continue;
    const request: PinRequest = { uri: document.uri, version: document.version, position: target.range.start };
    const action: CodeAction = { title: rule.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: rule.safe };
    if (canResolveEdit) action.data = request;
    else action.command = { title: rule.title, command: PIN_IMAGE_COMMAND, arguments: [request] };
    actions.push(action);
  }
  return actions;
}

export function isPinRequest(value: unknown): value is PinRequest {
  return typeof value === 'object' && value !== null && typeof (value as PinRequest).uri === 'string';
}

export interface PinOutcome {
  edits: TextEdit[];
  /** One line per image that could not be resolved. */
  problems: string[];
}

/**
 * Registry clients per settings and trust. An untrusted workspace sends no credentials (only
 * the anonymous requests a person asked for by picking the action); offline sends nothing.
 */
export class Pinner {
  private readonly clients = new Map<string, RegistryClient>();
  private readonly cache: RegistryCache;

  constructor(
    storageDirectory: string | undefined,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.cache = new RegistryCache({ directory: storageDirectory });
  }

  async pin(document: TextDocument, request: PinRequest, settings: RegistrySettings, trusted: boolean, signal: AbortSignal): Promise<PinOutcome> {
    const client = this.clientFor(settings, trusted);
    const targets = planPins(document.getText(), { update: request.update, kind: documentKind(document) })
      .targets.filter((target) => (request.update ? target.reference.digest !== undefined : true))
      .filter((target) => !request.position || rangeTouches(target.range, request.position));
    const outcome: PinOutcome = { edits: [], problems: [] };
    const digests = new Map<string, Promise<string>>();
    for (const target of targets) {
      const key = formatReference({ ...target.reference, digest: undefined });
      if (!digests.has(key)) digests.set(key, client.resolveDigest(target.reference, signal).then((resolved) => resolved.digest));
      try {
        const edit = pinEdit(target, await digests.get(key)!);
        if (edit) outcome.edits.push(edit);
      } catch (error) {
        if (error instanceof RegistryError && error.failure === 'cancelled') throw error;
        outcome.problems.push(`${target.written}: ${error instanceof RegistryError ? error.message : String(error)}`);
      }
    }
    return outcome;
  }

  /** One client per settings and trust, shared by pinning and image sizes (and their caches). */
  clientFor(settings: RegistrySettings, trusted: boolean): RegistryClient {
    const key = JSON.stringify([settings, trusted]);
    let client = this.clients.get(key);
    if (!client) {
      client = new RegistryClient({
        offline: settings.offline,
        timeoutMs: settings.timeoutMs,
        insecureRegistries: settings.insecureRegistries,
        credentials: trusted ? dockerConfigCredentials(dockerConfigPath(this.env), settings.credentialHelpers ? credentialHelperRunner(this.env) : undefined) : undefined,
        cache: this.cache,
      });
      this.clients.set(key, client);
    }
    return client;
  }
}
