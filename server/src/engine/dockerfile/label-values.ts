import type { LabelValueType } from '../types';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
// A license id, `LicenseRef-…` or `DocumentRef-…:LicenseRef-…`, optionally followed by `+`.
const SPDX_ID = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?[A-Za-z0-9.-]+\+?$/;

function isUrl(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function isRfc3339(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [, , month, day, hour, minute, second] = match.map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60 && !Number.isNaN(Date.parse(value.replace(' ', 'T')));
}

/**
 * SPDX license expression syntax: ids joined by AND / OR, `WITH` an exception, parentheses.
 * Whether an id is on the SPDX list is not checked, so a valid but new id is never rejected.
 */
function isSpdxExpression(value: string): boolean {
  const tokens = value.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let depth = 0;
  let expectOperand = true;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (expectOperand) {
      if (token === '(') depth++;
      else if (SPDX_ID.test(token) && !['AND', 'OR', 'WITH'].includes(token)) expectOperand = false;
      else return false;
    } else if (token === ')') {
      if (--depth < 0) return false;
    } else if (token === 'WITH') {
      if (!SPDX_ID.test(tokens[++i] ?? '')) return false;
    } else if (token === 'AND' || token === 'OR') {
      expectOperand = true;
    } else {
      return false;
    }
  }
  return !expectOperand && depth === 0;
}

const CHECKS: Record<LabelValueType, (value: string) => boolean> = {
  text: () => true,
  url: isUrl,
  semver: (value) => SEMVER.test(value),
  hash: (value) => /^[0-9a-fA-F]{7,40}$|^[0-9a-fA-F]{64}$/.test(value),
  rfc3339: isRfc3339,
  spdx: isSpdxExpression,
  email: (value) => EMAIL.test(value),
};

const NAMES: Record<LabelValueType, string> = {
  text: 'text',
  url: 'URL',
  semver: 'semantic version',
  hash: 'commit hash',
  rfc3339: 'RFC 3339 timestamp',
  spdx: 'SPDX license expression',
  email: 'e-mail address',
};

/** What is wrong with a label value for its declared type, or undefined when it fits. */
export function labelValueProblem(value: string, type: LabelValueType): string | undefined {
  if (value.trim() === '') return 'is empty';
  const check = CHECKS[type];
  if (!check) return undefined;
  return check(value) ? undefined : `is not a valid ${NAMES[type]}`;
}
