/** What the cross-file rules ask of a manifest's containers: the image each deploys, resolved in the workspace. */
import type { Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isScalar } from 'yaml';
import type { Container, PodSpec } from '../../../kubernetes/model';
import type { Range, RelatedInformation, TextEdit } from '../../../types';
import { folderOf, relativePath } from '../../../workspace/paths';
import type { FileLocation, ImageProfile, ResolvedImage } from '../../../workspace/types';
import type { KubernetesRuleContext } from '../../rule';
import { containerImages, type ContainerImage } from '../../kubernetes/support/images';
import { containerSecurityContext, podSecurityContext, setting, viewOf, type Setting } from '../../kubernetes/support/pods';

export interface WorkspaceContainer extends ContainerImage {
  resolved: ResolvedImage;
  profile: ImageProfile;
  /** The analysed manifest's folder in the workspace, which related locations and cross-file edits are relative to. */
  folder: string;
}

/**
 * The containers of complete pods whose image the workspace knows something about. Patches and
 * other fragments are left out: what they do not say is said elsewhere.
 */
export function workspaceContainers({ model, workspace }: Pick<KubernetesRuleContext, 'model' | 'workspace'>): WorkspaceContainer[] {
  if (!workspace) return [];
  const folder = folderOf(workspace.path);
  return containerImages(model).flatMap((image) => {
    if (image.container.pod.partial) return [];
    const resolved = workspace.index.resolveImage(image.text, workspace.path);
    return resolved.profile ? [{ ...image, resolved, profile: resolved.profile, folder }] : [];
  });
}

/** A workspace file as seen from the manifest's folder (`../src/cart/Dockerfile`). */
function fromManifest(container: WorkspaceContainer, file: string): string {
  return relativePath(container.folder, file);
}

/** Related information at a fact's place; none for a well-known image's fact, which has no place. */
export function relatedAt(container: WorkspaceContainer, location: FileLocation | undefined, message: string): RelatedInformation[] {
  return location ? [{ file: fromManifest(container, location.file), range: location.range, message }] : [];
}

/**
 * How messages name the image: the Dockerfile that builds it, by its workspace path (and how
 * sure the link is), or the image itself.
 */
export function imageOrigin(container: WorkspaceContainer): string {
  const { resolved, profile } = container;
  if (!profile.dockerfile) return `\`${resolved.deployed}\``;
  return resolved.confidence === 'name-match' ? `the image built from \`${profile.dockerfile}\` (linked by its name only: no build definition says so)` : `the image built from \`${profile.dockerfile}\``;
}

/** A security setting as the kubelet reads it: the container's own, else the pod's. */
export function effectiveSetting(container: Container, key: string): Setting | undefined {
  const view = viewOf(container.pod);
  return setting(view, containerSecurityContext(container), key) ?? setting(view, podSecurityContext(container.pod), key);
}

/** The string items of a sequence under `key` (`command`, `args`), with their scalar nodes. */
export function stringItems(container: Container, map: YAMLMap | undefined, key: string): { value: string; range: Range }[] | undefined {
  const view = viewOf(container.pod);
  const seq: YAMLSeq | undefined = view.seq(map, key);
  if (!seq) return undefined;
  return seq.items.map((item) => {
    const node = view.resolve(item);
    const value = isScalar(node) && typeof (node as Scalar).value === 'string' ? ((node as Scalar).value as string) : '';
    return { value, range: node ? view.range(node) : view.range(seq) };
  });
}

/** An edit of another workspace file, addressed from the manifest's folder. */
export function editOf(container: WorkspaceContainer, location: FileLocation, newText: string, range: Range = location.range): TextEdit {
  return { file: fromManifest(container, location.file), range, newText };
}

/** The uid a container must be given for `runAsNonRoot` to pass: its USER name's uid, or for a root image one it defines; undefined when its user is numeric already or unknown. */
function uidToRunAs(container: WorkspaceContainer): number | undefined {
  const user = container.profile.user?.value;
  if (user?.kind === 'name') return user.uid;
  return user?.kind === 'root' ? container.profile.nonRootUid?.value : undefined;
}

/**
 * The one `runAsUser` a pod can set so that every container passes `runAsNonRoot`: when each
 * container's image user is known, those that are not numeric need the same uid and those that
 * are have it already. Undefined otherwise (a guess would change a user that works).
 */
export function podRunAsUser(pod: PodSpec, resolved: readonly WorkspaceContainer[]): number | undefined {
  const mine = resolved.filter((container) => container.container.pod === pod);
  if (mine.length !== pod.containers.length || mine.some((container) => !container.profile.user)) return undefined;
  const needed = new Set(mine.filter((container) => container.profile.user?.value.kind !== 'uid').map(uidToRunAs));
  const numeric = new Set(mine.filter((container) => container.profile.user?.value.kind === 'uid').map((container) => container.profile.user?.value.uid));
  const [uid] = needed;
  if (needed.size !== 1 || uid === undefined || [...numeric].some((other) => other !== uid)) return undefined;
  return uid;
}
