export interface Expansion {
  value: string;
  /** Names referenced without a known value (and no default to fall back on). */
  unresolved: string[];
}

const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Expands $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+alt} and ${VAR+alt} the way
 * BuildKit does for FROM and other instructions; `lookup` returns undefined for an unknown
 * name and '' for a declared but empty one.
 */
export function expandVariables(text: string, lookup: (name: string) => string | undefined, escapeChar = '\\'): Expansion {
  const unresolved: string[] = [];
  let value = '';
  let cursor = 0;
  REFERENCE.lastIndex = 0;
  for (let match = REFERENCE.exec(text); match; match = REFERENCE.exec(text)) {
    if (match.index > 0 && text[match.index - 1] === escapeChar) continue;
    value += text.slice(cursor, match.index);
    cursor = match.index + match[0].length;
    const name = match[1] ?? match[4];
    const operator = match[2];
    const operand = match[3] ?? '';
    const known = lookup(name);
    if (operator === ':-') value += known ? known : operand;
    else if (operator === '-') value += known !== undefined ? known : operand;
    else if (operator === ':+') value += known ? operand : '';
    else if (operator === '+') value += known !== undefined ? operand : '';
    else if (known !== undefined) value += known;
    else unresolved.push(name);
  }
  return { value: value + text.slice(cursor), unresolved };
}
