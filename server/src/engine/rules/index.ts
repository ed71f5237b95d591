import type { DockerfileRule, KubernetesRule } from './rule';
import { kubernetesRules as kubernetesRuleList } from './kubernetes';
import { xrefRules } from './xref';
import { addInsteadOfCopy } from './dockerfile/add-instead-of-copy';
import { addRemoteWithoutChecksum } from './dockerfile/add-remote-without-checksum';
import { aptNoInstallRecommends } from './dockerfile/apt-no-install-recommends';
import { aptUserTool } from './dockerfile/apt-user-tool';
import { argInvalidDefaultInFrom } from './dockerfile/arg-invalid-default-in-from';
import { argUndefinedInFrom } from './dockerfile/arg-undefined-in-from';
import { buildToolsInFinalImage } from './dockerfile/build-tools-in-final-image';
import { cleanupInLaterLayer } from './dockerfile/cleanup-in-later-layer';
import { cdInRun } from './dockerfile/cd-in-run';
import { cmdShellForm } from './dockerfile/cmd-shell-form';
import { consecutiveRun } from './dockerfile/consecutive-run';
import { copyBeforeDependencyInstall } from './dockerfile/copy-before-dependency-install';
import { copyFromOwnStage } from './dockerfile/copy-from-own-stage';
import { copyFromUnknownStage } from './dockerfile/copy-from-unknown-stage';
import { copyIgnoredFile } from './dockerfile/copy-ignored-file';
import { copyMultiSourceDest } from './dockerfile/copy-multi-source-dest';
import { copyRelativeDestWithoutWorkdir } from './dockerfile/copy-relative-dest-without-workdir';
import { copyWholeStageRootfs } from './dockerfile/copy-whole-stage-rootfs';
import { curlPipeShell } from './dockerfile/curl-pipe-shell';
import { duplicateStageName } from './dockerfile/duplicate-stage-name';
import { emptyContinuation } from './dockerfile/empty-continuation';
import { envSelfReference } from './dockerfile/env-self-reference';
import { exposeInvalid } from './dockerfile/expose-invalid';
import { exposeSsh } from './dockerfile/expose-ssh';
import { firstInstruction } from './dockerfile/first-instruction';
import { fromAsCasing } from './dockerfile/from-as-casing';
import { entrypointScriptWithoutExec } from './dockerfile/entrypoint-script-without-exec';
import { fromPlatformConstant } from './dockerfile/from-platform-constant';
import { fromPlatformRedundant } from './dockerfile/from-platform-redundant';
import { healthcheckMissing } from './dockerfile/healthcheck-missing';
import { imageEndOfLife } from './dockerfile/image-end-of-life';
import { imageLatestTag } from './dockerfile/image-latest-tag';
import { imageNotMinimal } from './dockerfile/image-not-minimal';
import { imageNotPinnedByDigest } from './dockerfile/image-not-pinned-by-digest';
import { imageUntagged } from './dockerfile/image-untagged';
import { imageUntrustedRegistry } from './dockerfile/image-untrusted-registry';
import { instructionCasing } from './dockerfile/instruction-casing';
import { labelInvalidKey } from './dockerfile/label-invalid-key';
import { labelSchema } from './dockerfile/label-schema';
import { legacyKeyValue } from './dockerfile/legacy-key-value';
import { maintainerDeprecated } from './dockerfile/maintainer-deprecated';
import { missingDockerignore } from './dockerfile/missing-dockerignore';
import { onbuildForbiddenTrigger } from './dockerfile/onbuild-forbidden-trigger';
import { multipleProcesses } from './dockerfile/multiple-processes';
import { overriddenInstruction } from './dockerfile/overridden-instruction';
import { packageCacheNotCleaned } from './dockerfile/package-cache-not-cleaned';
import { packageInstallNonInteractive } from './dockerfile/package-install-non-interactive';
import { packageManagerAsPid1 } from './dockerfile/package-manager-as-pid1';
import { packageUpdateAlone } from './dockerfile/package-update-alone';
import { packageUpgrade } from './dockerfile/package-upgrade';
import { packageVersionUnpinned } from './dockerfile/package-version-unpinned';
import { packageSignatureBypass } from './dockerfile/package-signature-bypass';
import { pipefail } from './dockerfile/pipefail';
import { reservedStageName } from './dockerfile/reserved-stage-name';
import { secretFileInContext } from './dockerfile/secret-file-in-context';
import { secretInArgOrEnv } from './dockerfile/secret-in-arg-or-env';
import { shellcheck } from './dockerfile/shellcheck';
import { shellFormInShellLessImage } from './dockerfile/shell-form-in-shell-less-image';
import { shellViaLn } from './dockerfile/shell-via-ln';
import { shellWrapperWithoutExec } from './dockerfile/shell-wrapper-without-exec';
import { stageNameCasing } from './dockerfile/stage-name-casing';
import { sudo } from './dockerfile/sudo';
import { tlsVerificationDisabled } from './dockerfile/tls-verification-disabled';
import { undefinedVariable } from './dockerfile/undefined-variable';
import { unnecessaryTools } from './dockerfile/unnecessary-tools';
import { userNonNumeric } from './dockerfile/user-non-numeric';
import { userRoot } from './dockerfile/user-root';
import { useraddWithoutL } from './dockerfile/useradd-without-l';
import { wgetAndCurl } from './dockerfile/wget-and-curl';
import { wgetProgress } from './dockerfile/wget-progress';
import { workdirRelative } from './dockerfile/workdir-relative';
import { workdirSystemDir } from './dockerfile/workdir-system-dir';
import { worldWritable } from './dockerfile/world-writable';

/** Every Dockerfile rule, in catalog order within each section. */
export const dockerfileRules: readonly DockerfileRule[] = [
  // base image and supply chain
  imageUntagged,
  imageLatestTag,
  imageNotPinnedByDigest,
  imageEndOfLife,
  imageUntrustedRegistry,
  imageNotMinimal,
  buildToolsInFinalImage,
  fromPlatformConstant,
  fromPlatformRedundant,
  argUndefinedInFrom,
  argInvalidDefaultInFrom,
  // process, signals, shell-less images
  shellFormInShellLessImage,
  cmdShellForm,
  shellWrapperWithoutExec,
  entrypointScriptWithoutExec,
  packageManagerAsPid1,
  multipleProcesses,
  overriddenInstruction,
  // layers, size and cache
  consecutiveRun,
  packageUpdateAlone,
  packageCacheNotCleaned,
  aptNoInstallRecommends,
  packageInstallNonInteractive,
  aptUserTool,
  packageUpgrade,
  packageVersionUnpinned,
  cleanupInLaterLayer,
  copyBeforeDependencyInstall,
  missingDockerignore,
  copyIgnoredFile,
  secretFileInContext,
  copyWholeStageRootfs,
  addInsteadOfCopy,
  addRemoteWithoutChecksum,
  useraddWithoutL,
  wgetAndCurl,
  wgetProgress,
  // security
  userRoot,
  userNonNumeric,
  sudo,
  secretInArgOrEnv,
  tlsVerificationDisabled,
  packageSignatureBypass,
  curlPipeShell,
  exposeSsh,
  unnecessaryTools,
  worldWritable,
  workdirSystemDir,
  // correctness and style
  workdirRelative,
  cdInRun,
  copyFromUnknownStage,
  copyFromOwnStage,
  duplicateStageName,
  reservedStageName,
  stageNameCasing,
  fromAsCasing,
  instructionCasing,
  legacyKeyValue,
  maintainerDeprecated,
  undefinedVariable,
  envSelfReference,
  copyMultiSourceDest,
  copyRelativeDestWithoutWorkdir,
  exposeInvalid,
  emptyContinuation,
  firstInstruction,
  onbuildForbiddenTrigger,
  pipefail,
  shellViaLn,
  labelInvalidKey,
  labelSchema,
  healthcheckMissing,
  shellcheck,
];

/** Rules run on Kubernetes manifests, in the order of the catalog: the manifest's own, then the cross-file ones (silent without a workspace). */
export const kubernetesRules: readonly KubernetesRule[] = [...kubernetesRuleList, ...xrefRules];
