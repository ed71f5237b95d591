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
}
