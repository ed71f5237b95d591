/**
 * The workspace index: which Dockerfile builds the image a manifest deploys, and what that image
 * is (its profile). Pure: callers feed it file contents (`setFile`, `setFiles` for a scan,
 * `removeFile`) and it never reads anything. Paths are workspace-relative with forward slashes.
 *
 * Updates are cheap: a file's own facts are re-read when it changes, links are regrouped only
 * when a build definition or the settings change, and profiles are computed when asked for and
 * kept until their Dockerfile (or a script it starts) changes.
 */
import { isDockerfileName } from '../dockerfile/paths';
import { canonicalRepository, parseImageReference, type ImageReference } from '../images/reference';
import { isBuildDefinitionPath, readBuildDefinitions } from './build-definitions';
import { KUSTOMIZATION_FILE_NAMES } from './build-definitions/kustomize';
import { dockerfileProfile, knownImageProfile, type DockerfileSource } from './image-profile';
import { baseName, folderOf, isInside, joinPath, normalizePath } from './paths';
import type { BuildDefinitions, ImageBuildLink, ImageProfile, ImageRewrite, LinkSource, ResolvedImage } from './types';

/** When two definitions link the same image, the more deliberate one wins. */
const SOURCE_PRIORITY: readonly LinkSource[] = ['setting', 'skaffold', 'compose', 'kustomize', 'github-actions', 'script', 'name-match'];

/** Folders a workspace scan never needs to enter. */
const SKIPPED_FOLDER = /(?:^|\/)(?:node_modules|\.git)\//;
/** Scripts an image may start: `*.sh`, `*.bash`, or any file whose name says it is an entrypoint. */
const SCRIPT = /\.(?:sh|bash)$|entrypoint/i;
/** `image: x` in block or flow style, for knowing which manifests name which images without parsing them. */
const IMAGE_KEY = /(?:^|[\s{,-])image[ \t]*:[ \t]*["']?([^\s"',{}#\]]+)/g;

interface CachedProfile {
  profile?: ImageProfile;
  /** Workspace files besides the Dockerfile that the profile read (entrypoint scripts). */
  reads: string[];
}

export class WorkspaceIndex {
  private readonly texts = new Map<string, string>();
  private readonly dockerfiles = new Set<string>();
  private readonly definitions = new Map<string, BuildDefinitions>();
  /** Image texts each YAML file that is not a build definition names. */
  private readonly manifestImages = new Map<string, string[]>();
  /** Manifests by the repository keys of the images they name, and by those images' last path component (for name matches). */
  private readonly manifestsByKey = new Map<string, Set<string>>();
  private readonly manifestsBySegment = new Map<string, Set<string>>();
  private mappingLinks: ImageBuildLink[] = [];
  /** Profiles by Dockerfile, then by `target\0context`; dropped when the Dockerfile or a file it read changes. */
  private readonly profiles = new Map<string, Map<string, CachedProfile>>();
  /** The Dockerfiles whose profiles read a file (an entrypoint script). */
  private readonly readersOf = new Map<string, Set<string>>();
  // Derived lookups, rebuilt on first use after what they derive from changed.
  private linksByImage?: Map<string, ImageBuildLink[]>;
  /** The image keys declared links build from each Dockerfile. */
  private keysByDockerfile?: Map<string, Set<string>>;
  private rewritesByName?: Map<string, ImageRewrite[]>;
  private dockerfilesByName?: Map<string, string[]>;
  /** For each manifest a kustomization lists, directly or through the kustomizations it builds on: those kustomizations and how many steps away. */
  private kustomizationsByManifest?: Map<string, Map<string, number>>;
  private changesToResolution = 0;

  /** Whether the file matters to the index: Dockerfiles, YAML, build definitions, `.dockerignore` files and entrypoint scripts. */
  static isRelevant(path: string): boolean {
    const normal = normalizePath(path);
    if (SKIPPED_FOLDER.test(normal)) return false;
    const name = baseName(normal);
    return isDockerfileName(name) || /\.ya?ml$/i.test(name) || /\.dockerignore$/i.test(name) || SCRIPT.test(name) || isBuildDefinitionPath(normal);
  }

  /**
   * Counts the changes that may change what `resolveImage` and `profileOf` answer: all but new
   * text of a plain manifest, which only that manifest's own analysis reads. Analyses keyed on it
   * stay valid while the user types in a manifest.
   */
  get revision(): number {
    return this.changesToResolution;
  }

  /** A YAML file that is neither a build definition nor read by an image's profile. */
  private isPlainManifest(file: string): boolean {
    return /\.ya?ml$/i.test(baseName(file)) && !isBuildDefinitionPath(file) && !this.readersOf.has(file);
  }

  /**
   * Adds or replaces a file. Returns the manifests whose cross-file findings may change with it
   * (the file itself excluded), for the caller to analyse again.
   */
  setFile(path: string, text: string): string[] {
    const file = normalizePath(path);
    if (this.texts.get(file) === text) return [];
    if (!this.isPlainManifest(file)) this.changesToResolution++;
    const before = this.affectedBy(file);
    this.store(file, text);
    return union(before, this.affectedBy(file)).filter((manifest) => manifest !== file);
  }

  /**
   * Adds or replaces many files at once (a workspace scan). Returns what `setFile` of each would
   * have, but works out the manifests once at the end: file by file, every Dockerfile and build
   * definition dropped the derived lookups the next one rebuilt.
   */
  setFiles(entries: Iterable<readonly [string, string]>): string[] {
    const changed = new Map<string, string>();
    for (const [path, text] of entries) {
      const file = normalizePath(path);
      if (this.texts.get(file) !== text) changed.set(file, text);
    }
    if (changed.size === 0) return [];
    if ([...changed.keys()].some((file) => !this.isPlainManifest(file))) this.changesToResolution++;
    const before = [...changed.keys()].map((file) => this.affectedBy(file).filter((manifest) => manifest !== file));
    for (const [file, text] of changed) this.store(file, text);
    // What the new texts feed: the Dockerfiles' manifests, found in one pass over the manifests, and the images the definitions name.
    const dockerfiles = new Set([...changed.keys()].filter((file) => this.dockerfiles.has(file)));
    const keys = new Set([...changed.keys()].flatMap((file) => this.keysDefinedIn(file)));
    const after: string[] = [];
    for (const [manifest, images] of this.manifestImages) {
      if (images.some((image) => dockerfiles.has(this.resolveLink(image, manifest)?.dockerfile ?? ''))) after.push(manifest);
    }
    after.push(...this.manifestsNaming(keys));
    return union(...before, after);
  }

  private store(file: string, text: string): void {
    this.forget(file);
    this.texts.set(file, text);
    const name = baseName(file);
    if (isDockerfileName(name)) {
      this.dockerfiles.add(file);
      this.dockerfilesByName = undefined;
    } else if (isBuildDefinitionPath(file)) {
      const definitions = readBuildDefinitions(file, text);
      if (definitions) this.definitions.set(file, definitions);
      this.linksChanged();
    }
    if (/\.ya?ml$/i.test(name) && !this.definitions.has(file)) this.addManifest(file, imagesNamedIn(text));
  }

  /** Removes a file (deleted, or excluded now). Returns the manifests whose cross-file findings may change. */
  removeFile(path: string): string[] {
    const file = normalizePath(path);
    if (!this.texts.has(file)) return [];
    if (!this.isPlainManifest(file)) this.changesToResolution++;
    const before = this.affectedBy(file);
    this.forget(file);
    return union(before, this.affectedBy(file)).filter((manifest) => manifest !== file);
  }

  /**
   * The explicit mappings of the settings: image repository (`ghcr.io/acme/cart`) → Dockerfile
   * path. They win over every build definition. Returns the manifests whose findings may change.
   */
  setMappings(mappings: Record<string, string>): string[] {
    const before = this.mappingLinks;
    this.changesToResolution++;
    this.mappingLinks = Object.entries(mappings)
      .filter(([image, dockerfile]) => image.trim() !== '' && dockerfile.trim() !== '')
      .map(([image, dockerfile]) => {
        const path = normalizePath(dockerfile);
        return { image: image.trim(), dockerfile: path, context: folderOf(path), source: 'setting' as const };
      });
    this.linksChanged();
    return this.manifestsNaming(new Set([...before, ...this.mappingLinks].map((link) => imageKey(link.image))));
  }

  /** The text the index holds for a file, or undefined. */
  textOf(path: string): string | undefined {
    return this.texts.get(normalizePath(path));
  }

  /**
   * Resolves an image text of the manifest at `fromManifestPath`: Kustomize rewrites first, then
   * the links build definitions and settings declare, then a name match (image `…/cartservice`
   * and `src/cartservice/Dockerfile`) with lower confidence. The profile is the shipped stage's
   * (the link's `target`), or what is known of a well-known image built elsewhere.
   */
  resolveImage(imageText: string, fromManifestPath: string): ResolvedImage {
    const manifest = normalizePath(fromManifestPath);
    const written = parseImageReference(imageText.trim());
    const rewrites = this.rewritesFor(written, manifest);
    const deployed = applyRewrites(written, rewrites);
    const deployedText = referenceText(deployed);
    const { links, link } = this.linksOf(written, deployed);
    if (link) return { deployed: deployedText, rewrites, link, links, confidence: link.source === 'name-match' ? 'name-match' : 'declared', profile: this.profileOf(link) };
    return { deployed: deployedText, rewrites, links, profile: knownImageProfile(deployedText) };
  }

  /** The profile of the image a Dockerfile builds (`target`: the stage that ships; `context`: the build context folder). */
  profileOf(link: Pick<ImageBuildLink, 'dockerfile' | 'context' | 'target'>): ImageProfile | undefined {
    const dockerfile = normalizePath(link.dockerfile);
    const text = this.texts.get(dockerfile);
    if (text === undefined) return undefined;
    const context = normalizePath(link.context);
    const key = `${link.target ?? ''}\0${context}`;
    let byKey = this.profiles.get(dockerfile);
    if (!byKey) this.profiles.set(dockerfile, (byKey = new Map()));
    let cached = byKey.get(key);
    if (!cached) {
      cached = safeProfile({ path: dockerfile, text, target: link.target, context, readFile: (path) => this.texts.get(path) });
      byKey.set(key, cached);
      for (const read of cached.reads) addTo(this.readersOf, read, dockerfile);
    }
    return cached.profile;
  }

  /** Manifests whose cross-file findings depend on this file: a Dockerfile, a build definition or a script an image starts. */
  dependentsOf(path: string): string[] {
    return this.affectedBy(normalizePath(path)).filter((manifest) => manifest !== normalizePath(path));
  }

  /** Manifests that deploy an image built from this Dockerfile. */
  manifestsUsing(dockerfilePath: string): string[] {
    const dockerfile = normalizePath(dockerfilePath);
    // Candidates by the images linked to it and by its name-match name, then each confirmed.
    this.links();
    const keys = this.keysByDockerfile?.get(dockerfile) ?? new Set<string>();
    const name = dockerfileName(dockerfile);
    const candidates = union(this.manifestsNaming(keys), [...(this.manifestsBySegment.get(name) ?? [])], ...this.allRewrites().filter((rewrite) => rewrite.newName && segmentOf(parseImageReference(rewrite.newName)) === name).map((rewrite) => [...(this.manifestsByKey.get(imageKey(rewrite.name)) ?? [])]));
    return candidates.filter((manifest) => this.manifestImages.get(manifest)?.some((image) => this.resolveLink(image, manifest)?.dockerfile === dockerfile));
  }

  private resolveLink(imageText: string, manifest: string): ImageBuildLink | undefined {
    const written = parseImageReference(imageText);
    return this.linksOf(written, applyRewrites(written, this.rewritesFor(written, manifest))).link;
  }

  /** Everything a file's facts feed into, as the manifests to analyse again. */
  private affectedBy(file: string): string[] {
    if (this.dockerfiles.has(file)) return this.manifestsUsing(file);
    const readers = [...(this.readersOf.get(file) ?? [])];
    const keys = this.keysDefinedIn(file);
    const named = keys.length > 0 ? this.manifestsNaming(new Set(keys)) : [];
    return union(named, ...readers.map((dockerfile) => this.manifestsUsing(dockerfile)));
  }

  /** The repository keys of the images a build definition links or rewrites (from and to). */
  private keysDefinedIn(file: string): string[] {
    const definitions = this.definitions.get(file);
    if (!definitions) return [];
    return [...definitions.links.map((link) => imageKey(link.image)), ...definitions.rewrites.flatMap((rewrite) => [imageKey(rewrite.name), ...(rewrite.newName ? [imageKey(rewrite.newName)] : [])])];
  }

  /** Manifests naming one of these images (by repository key), before or after their rewrites. */
  private manifestsNaming(keys: Set<string>): string[] {
    const found = new Set<string>();
    const add = (key: string) => this.manifestsByKey.get(key)?.forEach((manifest) => found.add(manifest));
    keys.forEach(add);
    for (const rewrite of this.allRewrites()) if (rewrite.newName && keys.has(imageKey(rewrite.newName))) add(imageKey(rewrite.name));
    return [...found];
  }

  private addManifest(file: string, images: string[]): void {
    this.manifestImages.set(file, images);
    for (const image of images) {
      const reference = parseImageReference(image);
      addTo(this.manifestsByKey, referenceKey(reference), file);
      addTo(this.manifestsBySegment, segmentOf(reference), file);
    }
  }

  private allRewrites(): ImageRewrite[] {
    return [...this.rewritesByImage().values()].flat();
  }

  private forget(file: string): void {
    this.texts.delete(file);
    for (const image of this.manifestImages.get(file) ?? []) {
      const reference = parseImageReference(image);
      this.manifestsByKey.get(referenceKey(reference))?.delete(file);
      this.manifestsBySegment.get(segmentOf(reference))?.delete(file);
    }
    this.manifestImages.delete(file);
    if (this.dockerfiles.delete(file)) this.dockerfilesByName = undefined;
    if (this.definitions.delete(file)) this.linksChanged();
    this.profiles.delete(file);
    // Profiles that read the file (an entrypoint script) are computed again when next asked for.
    for (const reader of this.readersOf.get(file) ?? []) {
      const byKey = this.profiles.get(reader);
      for (const [key, cached] of byKey ?? []) if (cached.reads.includes(file)) byKey?.delete(key);
    }
    this.readersOf.delete(file);
  }

  private linksChanged(): void {
    this.linksByImage = undefined;
    this.rewritesByName = undefined;
    this.kustomizationsByManifest = undefined;
  }

  /** The kustomizations that build a manifest, with the steps from each to it (0: listed in its `resources:`). */
  private kustomizationsBuilding(manifest: string): Map<string, number> | undefined {
    if (!this.kustomizationsByManifest) {
      const byManifest = new Map<string, Map<string, number>>();
      const kustomizationIn = (folder: string) => KUSTOMIZATION_FILE_NAMES.map((name) => joinPath(folder, name)).find((file) => this.definitions.has(file));
      for (const [kustomization, definitions] of this.definitions) {
        if (!definitions.resources) continue;
        // Breadth first through the bases, so each manifest gets its fewest steps; a cycle ends where it began.
        const seen = new Set([kustomization]);
        let level: string[] = [kustomization];
        for (let steps = 0; level.length > 0; steps++) {
          const next: string[] = [];
          for (const current of level) {
            for (const resource of this.definitions.get(current)?.resources ?? []) {
              const base = kustomizationIn(resource);
              if (base) {
                if (!seen.has(base)) next.push(base);
                seen.add(base);
                continue;
              }
              let builders = byManifest.get(resource);
              if (!builders) byManifest.set(resource, (builders = new Map()));
              if (!builders.has(kustomization)) builders.set(kustomization, steps);
            }
          }
          level = next;
        }
      }
      this.kustomizationsByManifest = byManifest;
    }
    return this.kustomizationsByManifest.get(manifest);
  }

  private links(): Map<string, ImageBuildLink[]> {
    if (!this.linksByImage) {
      const byImage = new Map<string, ImageBuildLink[]>();
      const byDockerfile = new Map<string, Set<string>>();
      const all = [...this.mappingLinks, ...[...this.definitions.values()].flatMap((definitions) => definitions.links)];
      for (const link of all) {
        const key = imageKey(link.image);
        byImage.set(key, [...(byImage.get(key) ?? []), link]);
        addTo(byDockerfile, normalizePath(link.dockerfile), key);
      }
      this.keysByDockerfile = byDockerfile;
      for (const links of byImage.values()) links.sort((a, b) => SOURCE_PRIORITY.indexOf(a.source) - SOURCE_PRIORITY.indexOf(b.source));
      this.linksByImage = byImage;
    }
    return this.linksByImage;
  }

  /** The declared links of the deployed image (else of the image as written), and the one that counts, a name match failing those. */
  private linksOf(written: ImageReference, deployed: ImageReference): { links: ImageBuildLink[]; link?: ImageBuildLink } {
    const links = this.links().get(referenceKey(deployed)) ?? this.links().get(referenceKey(written)) ?? [];
    return { links, link: links[0] ?? this.nameMatch(deployed) ?? this.nameMatch(written) };
  }

  /**
   * A Dockerfile whose folder (or name: `cart.Dockerfile`, `Dockerfile.cart`) is the image's last
   * path component, when exactly one is. Well-known public images (nginx, distroless) never match:
   * a folder of that name holds something built on them, not them.
   */
  private nameMatch(reference: ImageReference): ImageBuildLink | undefined {
    const name = segmentOf(reference);
    if (!name || knownImageProfile(referenceText({ ...reference, tag: undefined, digest: undefined }))) return undefined;
    const candidates = this.byName().get(name) ?? [];
    if (candidates.length !== 1) return undefined;
    const dockerfile = candidates[0];
    return { image: referenceText({ registry: reference.registry, repository: reference.repository }), dockerfile, context: folderOf(dockerfile), source: 'name-match' };
  }

  private byName(): Map<string, string[]> {
    if (!this.dockerfilesByName) {
      const byName = new Map<string, string[]>();
      for (const dockerfile of this.dockerfiles) {
        const name = dockerfileName(dockerfile);
        if (name !== '') byName.set(name, [...(byName.get(name) ?? []), dockerfile]);
      }
      this.dockerfilesByName = byName;
    }
    return this.dockerfilesByName;
  }

  private rewritesByImage(): Map<string, ImageRewrite[]> {
    if (!this.rewritesByName) {
      const byName = new Map<string, ImageRewrite[]>();
      for (const rewrite of [...this.definitions.values()].flatMap((definitions) => definitions.rewrites)) {
        const key = imageKey(rewrite.name);
        byName.set(key, [...(byName.get(key) ?? []), rewrite]);
      }
      this.rewritesByName = byName;
    }
    return this.rewritesByName;
  }

  /**
   * The Kustomize rewrites of this image that reach the manifest, the most specific first. A
   * kustomization that lists its `resources:` rewrites only what it builds through them (the
   * nearest first: a base before the overlay on it); one that lists none may build anything, its
   * folder's manifests most likely (deepest first).
   */
  private rewritesFor(reference: ImageReference, manifest: string): ImageRewrite[] {
    const rewrites = this.rewritesByImage().get(referenceKey(reference));
    if (!rewrites) return [];
    const building = this.kustomizationsBuilding(manifest);
    const applies = (rewrite: ImageRewrite) => !this.definitions.get(rewrite.location.file)?.resources || building?.has(rewrite.location.file) === true;
    const depth = (rewrite: ImageRewrite) => (isInside(manifest, rewrite.scope) ? rewrite.scope.split('/').length + (rewrite.scope === '.' ? 0 : 1) : -1);
    const steps = (rewrite: ImageRewrite) => building?.get(rewrite.location.file);
    return rewrites.filter(applies).sort((a, b) => {
      const [stepsA, stepsB] = [steps(a), steps(b)];
      if (stepsA !== undefined && stepsB !== undefined) return stepsA - stepsB;
      if (stepsA !== undefined || stepsB !== undefined) return stepsA !== undefined ? -1 : 1;
      return depth(b) - depth(a);
    });
  }
}

/** A Dockerfile the parser chokes on has no profile: the callers (rules, hovers) then say nothing rather than fail. */
function safeProfile(source: DockerfileSource): CachedProfile {
  try {
    return dockerfileProfile(source);
  } catch {
    return { reads: [] };
  }
}

/** The repository of an image text as a comparable key (`cart` and `docker.io/library/cart` are one). */
function imageKey(image: string): string {
  return referenceKey(parseImageReference(image.trim()));
}

function referenceKey(reference: ImageReference): string {
  return canonicalRepository(reference);
}

/** The image as the first rewrite deploys it (Kustomize applies one `images:` entry per name). */
function applyRewrites(reference: ImageReference, rewrites: readonly ImageRewrite[]): ImageReference {
  const rewrite = rewrites[0];
  if (!rewrite) return reference;
  const renamed = rewrite.newName ? parseImageReference(rewrite.newName) : reference;
  return { registry: renamed.registry, repository: renamed.repository, tag: rewrite.newTag ?? (rewrite.digest ? undefined : reference.tag), digest: rewrite.digest ?? reference.digest };
}

function referenceText(reference: ImageReference): string {
  const name = reference.registry ? `${reference.registry}/${reference.repository}` : reference.repository;
  return `${name}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}

/** The last path component of an image's repository, lower-cased: what a name match compares. */
function segmentOf(reference: ImageReference): string {
  return reference.repository.split('/').pop()?.toLowerCase() ?? '';
}

/** Suffixes that name a variant of the folder's image (`Dockerfile.prod`), not another image. */
const VARIANT_SUFFIXES = new Set(['prod', 'production', 'dev', 'development', 'debug', 'test', 'ci', 'local', 'release', 'build', 'base']);

/** The name a Dockerfile matches images by: its suffix (`cart.Dockerfile`, `Dockerfile.cart`), else its folder's name; '' at the root. */
function dockerfileName(dockerfile: string): string {
  const file = baseName(dockerfile);
  const suffix = (/^(?:Dockerfile|Containerfile)[.-](.+)$/i.exec(file)?.[1] ?? /^(.+)\.(?:dockerfile|containerfile)$/i.exec(file)?.[1])?.toLowerCase();
  const name = suffix && !VARIANT_SUFFIXES.has(suffix) ? suffix : baseName(folderOf(dockerfile)).toLowerCase();
  return name === '.' ? '' : name;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function imagesNamedIn(text: string): string[] {
  const images = new Set<string>();
  for (const match of text.matchAll(IMAGE_KEY)) if (!match[1].includes('$')) images.add(match[1]);
  return [...images];
}

function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}
