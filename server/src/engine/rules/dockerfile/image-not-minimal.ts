import { isWindowsStage, rootBase } from '../../dockerfile/model';
import { nameAndTag } from '../../images/image-versions';
import { minimalAlternative, type MinimalAlternative } from '../../images/minimal-images';
import { multiStageConversion } from '../../fixes/conversions/multi-stage';
import type { DockerfileRule } from '../rule';

/**
 * Savings are estimates: rounded to 10 MB so the message claims no more precision than the catalog
 * has; an image the size catalog does not know is named without a size rather than a guess.
 */
function messageOf(image: string, found: MinimalAlternative): string {
  const current = `\`${image}\` is ${found.kind}${found.size === undefined ? '' : ` (~${found.size} MB compressed)`}`;
  const target = `\`${found.alternative}\`${found.alternativeSize === undefined ? '' : ` (~${found.alternativeSize} MB)`}`;
  const saving =
    found.size === undefined || found.alternativeSize === undefined
      ? ''
      : `, about ${Math.max(10, Math.round((found.size - found.alternativeSize) / 10) * 10)} MB smaller (sizes approximate)`;
  return found.how === 'swap'
    ? `${current}; ${target} is a minimal alternative${saving}.`
    : `${current}; build in an earlier stage and ship the result on ${target}${saving}.`;
}

export const imageNotMinimal: DockerfileRule = {
  meta: {
    id: 'image-not-minimal',
    defaultSeverity: 'info',
    category: 'base-image',
    summary: 'The shipped image runs on a full distribution or SDK image where a slim or distroless one exists.',
    why:
      'Full images carry compilers, headers, package managers and shells the running program never uses: hundreds of megabytes to pull on every deploy and scale-up, and hundreds of packages whose vulnerabilities scanners report against the image. A `-slim`, Alpine or distroless image runs the same program; SDK images (Go, Rust, Maven, Gradle) belong in a build stage whose output is copied onto a minimal one. Only the stage that ships is checked, and the sizes in the message are approximate.',
    example: 'FROM golang:1.27\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]',
    useInstead:
      'FROM golang:1.27 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM gcr.io/distroless/static-debian13:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]',
    fixSafety: 'unsafe',
    equivalents: [],
  },
  check({ model, config, context, report }) {
    const shipped = model.shippedStage;
    if (!shipped || isWindowsStage(model, shipped)) return;
    const base = rootBase(shipped);
    // Distroless, Chainguard and scratch are minimal by definition.
    if (!base.reference || base.facts.family !== 'other') return;
    const found = minimalAlternative(base.reference);
    if (!found) return;
    const conversion = multiStageConversion.convert({ model, config, context });
    report({
      range: base.writtenRange,
      message: messageOf(nameAndTag(base.reference), found),
      related: base === shipped.base ? undefined : [{ range: shipped.base.writtenRange, message: 'the shipped stage builds on this image' }],
      fixes: 'fix' in conversion ? [conversion.fix] : [],
    });
  },
};
