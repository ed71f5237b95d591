/** One challenge of a WWW-Authenticate header (RFC 7235 §4.1). */
export interface Challenge {
  /** Lower-cased: schemes are case-insensitive ("Bearer", "bearer"). */
  scheme: string;
  /** Parameter names lower-cased (they are case-insensitive too), values unquoted. */
  params: Record<string, string>;
  /** The token68 form (`Negotiate abc==`), when the challenge carries one instead of parameters. */
  token68?: string;
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*/;

/**
 * Parses `WWW-Authenticate` per RFC 7235: several challenges in one header, separated by
 * commas like their parameters are, so a new challenge is recognised as a token NOT followed
 * by "="; values are tokens or quoted strings (commas and escaped quotes inside). Malformed
 * tails are dropped rather than guessed at: the challenges read so far are returned.
 */
export function parseChallenges(header: string): Challenge[] {
  const reader = new Reader(header);
  const challenges: Challenge[] = [];
  for (;;) {
    reader.skip(/[\s,]/);
    if (reader.done()) return challenges;
    const scheme = reader.token();
    if (scheme === '') return challenges;
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: Object.create(null) as Record<string, string> };
    challenges.push(challenge);
    reader.skip(/[ \t]/);
    const token68 = reader.token68();
    if (token68 !== undefined) {
      challenge.token68 = token68;
      continue;
    }
    while (reader.startsParam()) {
      const name = reader.token().toLowerCase();
      reader.skip(/[ \t]/);
      reader.expect('=');
      reader.skip(/[ \t]/);
      const value = reader.peek() === '"' ? reader.quoted() : reader.token();
      if (value === undefined) return challenges;
      challenge.params[name] = value;
      reader.skip(/[ \t]/);
      if (reader.peek() !== ',') break;
      // Past the comma comes either the next parameter or the next challenge's scheme.
      reader.skip(/[\s,]/);
    }
  }
}

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  peek(): string {
    return this.text[this.at] ?? '';
  }

  skip(pattern: RegExp): void {
    while (!this.done() && pattern.test(this.peek())) this.at++;
  }

  expect(char: string): void {
    if (this.peek() === char) this.at++;
  }

  token(): string {
    const start = this.at;
    while (!this.done() && TCHAR.test(this.peek())) this.at++;
    return this.text.slice(start, this.at);
  }

  /** A token68 is the whole credential: it must end the header or its challenge (a comma). */
  token68(): string | undefined {
    const match = TOKEN68.exec(this.text.slice(this.at));
    if (!match) return undefined;
    const after = this.text.slice(this.at + match[0].length).trimStart();
    if (after !== '' && !after.startsWith(',')) return undefined;
    // `name=` alone would also match, but a parameter needs a value, so it is a token68 too.
    this.at += match[0].length;
    return match[0];
  }

  /** Whether a `name =` parameter starts here (rather than the next challenge's scheme). */
  startsParam(): boolean {
    const rest = this.text.slice(this.at);
    return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+[ \t]*=/.test(rest);
  }

  /** A quoted-string with backslash escapes; undefined when the closing quote is missing. */
  quoted(): string | undefined {
    let value = '';
    for (this.at++; !this.done(); this.at++) {
      const char = this.peek();
      if (char === '"') {
        this.at++;
        return value;
      }
      if (char === '\\') this.at++;
      value += this.peek();
    }
    return undefined;
  }
}
