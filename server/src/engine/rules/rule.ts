import type { DockerfileModel } from '../dockerfile/model';
import type { KubernetesModel } from '../kubernetes/model';
import type { BuildContext, EngineConfig, EngineServices, Fix, KubernetesProfile, Range, RelatedInformation, RuleMeta, Severity, WorkspaceInput } from '../types';

export interface Report {
  range: Range;
  message: string;
  /** A graver case of the rule (a hostPath to the container runtime's socket): used unless the user set the rule's severity. */
  severity?: Severity;
  fixes?: Fix[];
  related?: RelatedInformation[];
}

export interface DockerfileRuleContext {
  model: DockerfileModel;
  config: EngineConfig;
  context?: BuildContext;
  services: EngineServices;
  report(report: Report): void;
}

export interface DockerfileRule {
  meta: RuleMeta;
  check(context: DockerfileRuleContext): void;
}

export interface KubernetesRuleContext {
  model: KubernetesModel;
  config: EngineConfig;
  /** The Pod Security level and the Kubernetes minor version (1.<minor>) findings are judged against. */
  kubernetes: { profile: KubernetesProfile; minor: number };
  /** The workspace around the manifest, for the cross-file rules; absent, they stay silent. */
  workspace?: WorkspaceInput;
  report(report: Report): void;
}

export interface KubernetesRule {
  meta: RuleMeta;
  /** Asked for by the restricted Pod Security level only: silent under the `baseline` profile. */
  restrictedOnly?: boolean;
  check(context: KubernetesRuleContext): void;
}
