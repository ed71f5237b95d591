import type { Argument, Instruction } from './syntax';

/** One EXPOSE word split as Docker's `nat.ParsePortSpec` splits it, with offsets into the word. */
export interface PortSpec {
  word: Argument;
  /** `ip:` and/or `hostPort:` before the container port, which EXPOSE ignores. */
  mapping?: string;
  port: string;
  portStart: number;
  protocol?: string;
  protocolStart: number;
}

const SPEC = /^(?<mapping>(?:\[[^\]]*\]|[^:/]*):(?:[^:/]*:)?)?(?<port>[^:/]*)(?:\/(?<protocol>.*))?$/;

/** The literal port words of an EXPOSE; words with variables are left out, their value is unknown. */
export function exposedPorts(instruction: Instruction): PortSpec[] {
  const specs: PortSpec[] = [];
  for (const word of instruction.getArguments()) {
    const text = word.getValue();
    const match = SPEC.exec(text);
    if (text.includes('$') || !match?.groups) continue;
    const { mapping, port, protocol } = match.groups;
    const portStart = mapping?.length ?? 0;
    specs.push({ word, mapping, port, portStart, protocol, protocolStart: portStart + port.length + 1 });
  }
  return specs;
}

/** The numbers of a port or a `low-high` range, or undefined when it is not one. */
export function portNumbers(port: string): number[] | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(port);
  return match ? [Number(match[1]), Number(match[2] ?? match[1])] : undefined;
}
