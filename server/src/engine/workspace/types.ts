import type { Range } from '../types';

/** A place in a workspace file; paths are relative to the workspace root, with forward slashes. */
export interface FileLocation {
  file: string;
  range: Range;
}

/** How a build definition (or a setting, or a name match) says an image is built. */
export type LinkSource = 'skaffold' | 'compose' | 'kustomize' | 'script' | 'github-actions' | 'setting' | 'name-match';

/** A statement that an image repository is built from a Dockerfile of the workspace. */
export interface ImageBuildLink {
  /** The image repository as the definition names it, without tag or digest ("ghcr.io/acme/cart"). */
  image: string;
  /** Tags the definition gives it, when it names any (`docker build -t cart:1.2`, compose `image: cart:1.2`). */
  tags?: string[];
  /** Workspace-relative path of the Dockerfile. */
  dockerfile: string;
  /** Workspace-relative build context folder ("." for the root). */
  context: string;
  /** The `--target` stage, when the definition builds one other than the last. */
  target?: string;
  source: LinkSource;
  /** Where the definition says so; absent for settings and name matches. */
  location?: FileLocation;
}

/** A Kustomize `images:` entry: manifests under the kustomization deploy `name` as `newName:newTag`. */
export interface ImageRewrite {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  /** The kustomization's folder: the rewrite applies to the manifests it builds. */
  scope: string;
  location: FileLocation;
}

/** What a build-definition reader found in one file. */
export interface BuildDefinitions {
  links: ImageBuildLink[];
  rewrites: ImageRewrite[];
  /** A kustomization's `resources:` (and `bases:`) as workspace paths: manifest files, and folders of the kustomizations it builds on; undefined when it lists none. */
  resources?: string[];
}

/** How sure the index is that an image is built from a Dockerfile: a build definition or setting says so, or only the names match. */
export type LinkConfidence = 'declared' | 'name-match';

/** A fact about an image and where it comes from: a Dockerfile line, or none for a well-known image. */
export interface ImageFact<T> {
  value: T;
  location?: FileLocation;
}

/**
 * The user an image runs as: `root` (no USER, or USER root/0), `uid` (numeric and not 0) or
 * `name`, with the uid a `useradd -u`/`adduser -u` (or the base image) gives that name.
 */
export interface ImageUser {
  kind: 'root' | 'uid' | 'name';
  /** As the USER instruction writes it (`app:app`, `10001`), or the well-known image's user. */
  text: string;
  uid?: number;
  /** Where the name's uid is created (`useradd -u 10001 app`). */
  uidLocation?: FileLocation;
  /** A USER instruction says so; otherwise it is the base image's (or well-known image's) default. */
  fromUserInstruction: boolean;
}

/** What a container running the image runs as PID 1 by default. */
export interface ImagePid1 {
  /** `init`: tini, dumb-init and the like; `shell-script`: a shell that stays PID 1; `process-manager`: supervisord and the like. */
  kind: 'init' | 'shell-script' | 'process-manager' | 'program';
  /** The program, for messages (`docker-entrypoint.sh`, `supervisord`). */
  program: string;
  /** Which instruction starts it: Kubernetes `args` replace the CMD, `command` replaces both. */
  source: 'ENTRYPOINT' | 'CMD';
}

/** A place the image's program writes to, and why the index thinks so. */
export interface WritePath {
  path: string;
  /** `volume`: a VOLUME instruction; `image`: what the well-known base image is known to write. */
  reason: 'volume' | 'image';
}

/**
 * What a manifest can know about the image it deploys without pulling it: read from the
 * shipped stage of a workspace Dockerfile, or from facts about a well-known image. A fact that
 * cannot be known is absent (rules stay silent about it).
 */
export interface ImageProfile {
  /** The Dockerfile (workspace path) it is built from; absent for a well-known image. */
  dockerfile?: string;
  /** The image the shipped stage ultimately builds on, as resolved (`gcr.io/distroless/static-debian12`); `scratch` for scratch. */
  baseImage?: string;
  /** The FROM of the shipped stage: where go-to-definition lands. */
  from?: FileLocation;
  hasShell?: ImageFact<boolean>;
  user?: ImageFact<ImageUser>;
  /** A non-root uid the image defines (`useradd -u 10001`, distroless's `nonroot`), for a `runAsUser` that works. */
  nonRootUid?: ImageFact<number>;
  /** The ENTRYPOINT in force (exec-form words; `["/bin/sh", "-c", text]` for shell form), `[]` when there is none. */
  entrypoint?: ImageFact<string[]>;
  exposedPorts?: ImageFact<{ port: number; protocol: 'tcp' | 'udp' | 'sctp' }>[];
  writePaths?: ImageFact<WritePath>[];
  pid1?: ImageFact<ImagePid1>;
}

/** An image text of a manifest resolved against the workspace. */
export interface ResolvedImage {
  /** The image as deployed, after Kustomize rewrites in scope (`ghcr.io/acme/cart:1.2`). */
  deployed: string;
  /** The Kustomize rewrites that applied, in order. */
  rewrites: ImageRewrite[];
  /** How it is built in the workspace; absent for an image from elsewhere. */
  link?: ImageBuildLink;
  /** Every declared link of the image, the one that wins first (`link` may be a name match when there is none). */
  links: ImageBuildLink[];
  confidence?: LinkConfidence;
  /** What the image is known to be; absent when nothing is known. */
  profile?: ImageProfile;
}
