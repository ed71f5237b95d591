import type { DockerfileModel } from '../dockerfile/model';
import type { BuildContext, EngineConfig, EngineServices, Fix, Range, RelatedInformation, RuleMeta } from '../types';

export interface Report {
  range: Range;
  message: string;
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
