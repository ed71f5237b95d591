import type { DockerfileRule } from './rule';
import { cmdShellForm } from './dockerfile/cmd-shell-form';
import { consecutiveRun } from './dockerfile/consecutive-run';
import { imageLatestTag } from './dockerfile/image-latest-tag';
import { imageUntagged } from './dockerfile/image-untagged';
import { userRoot } from './dockerfile/user-root';

export const dockerfileRules: readonly DockerfileRule[] = [imageUntagged, imageLatestTag, cmdShellForm, userRoot, consecutiveRun];
