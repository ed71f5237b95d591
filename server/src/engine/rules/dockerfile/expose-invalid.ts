import { exposedPorts, portNumbers, type PortSpec } from '../../dockerfile/ports';
import type { Range } from '../../types';
import type { DockerfileRule, Report } from '../rule';

const PROTOCOLS = ['tcp', 'udp', 'sctp'];

function slice(spec: PortSpec, from: number, length: number): Range {
  const start = spec.word.getRange().start;
  return { start: { line: start.line, character: start.character + from }, end: { line: start.line, character: start.character + from + length } };
}

/** What the part before the container port is: `8080:` a host port, `127.0.0.1:8080:` an IP and a host port. */
function mappingPart(mapping: string): { what: string; verb: string } {
  const inner = mapping.slice(0, -1);
  const parts = inner.startsWith('[') ? inner.split(/(?<=\]):/) : inner.split(':');
  if (parts.length > 1) return { what: 'IP and host port', verb: 'are' };
  return { what: /^\d*(?:-\d+)?$/.test(parts[0]) ? 'host port' : 'address', verb: 'is' };
}

function problem(spec: PortSpec): Report | undefined {
  const text = spec.word.getValue();
  if (spec.mapping !== undefined) {
    const { what, verb } = mappingPart(spec.mapping);
    return { range: spec.word.getRange(), message: `EXPOSE takes container ports only; the ${what} in \`${text}\` ${verb} ignored (publish with \`docker run -p\`). Write \`${text.slice(spec.portStart)}\`.` };
  }
  const numbers = portNumbers(spec.port);
  const portRange = slice(spec, spec.portStart, spec.port.length);
  if (!numbers) return { range: portRange, message: `\`${spec.port}\` is not a port number or a \`low-high\` range.` };
  if (numbers.some((number) => number > 65535)) return { range: portRange, message: `\`${spec.port}\` is out of range: ports go from 0 to 65535.` };
  if (numbers[0] > numbers[1]) return { range: portRange, message: `The range \`${spec.port}\` ends before it starts.` };
  const protocol = spec.protocol;
  if (protocol === undefined || PROTOCOLS.includes(protocol)) return undefined;
  const protocolRange = slice(spec, spec.protocolStart, protocol.length);
  if (!PROTOCOLS.includes(protocol.toLowerCase())) return { range: protocolRange, message: `\`${protocol}\` is not a protocol EXPOSE knows; use tcp, udp or sctp.` };
  const lower = protocol.toLowerCase();
  return {
    range: protocolRange,
    message: `Write the protocol in lowercase: \`${lower}\`.`,
    fixes: [{ title: `Write \`${lower}\``, edits: [{ range: protocolRange, newText: lower }], safety: 'safe', isPreferred: true }],
  };
}

export const exposeInvalid: DockerfileRule = {
  meta: {
    id: 'expose-invalid',
    defaultSeverity: 'error',
    category: 'correctness',
    summary: 'EXPOSE with an invalid port, an IP or host mapping, or an uppercase protocol.',
    why: 'EXPOSE documents the container ports an image listens on. A port above 65535 or an unknown protocol fails the build; an `ip:host:container` mapping is silently reduced to the container port (publishing is `docker run -p`\'s job); an uppercase protocol is accepted today but flagged by Docker.',
    example: 'EXPOSE 8080:80 443/TCP',
    useInstead: 'EXPOSE 80 443/tcp',
    fixSafety: 'safe',
    equivalents: ['hadolint DL3011', 'BuildKit ExposeProtoCasing', 'BuildKit ExposeInvalidFormat'],
  },
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getKeyword() !== 'EXPOSE') continue;
      for (const spec of exposedPorts(instruction)) {
        const found = problem(spec);
        if (found) report(found);
      }
    }
  },
};
