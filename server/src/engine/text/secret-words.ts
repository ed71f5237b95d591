/** Whether a variable name or value looks like it carries a credential (Dockerfile ARG/ENV, Kubernetes env). */
const SECRET_WORD = /(?:^|_)(?:API_?KEY|AUTH|CREDENTIALS?|KEY|PASSWORD|PASSWD|PWORD|SECRET|TOKEN|PRIVATE_KEY)(?:_|$)/i;
/** Names that contain a secret word but hold public data or a pointer to a secret. */
const NOT_SECRET = /(?:^|_)(?:PUBLIC|GPG|PGP|FINGERPRINT|FILE|PATH|DIR|URL|URI|ENDPOINT|HOST|NAME|ID_FILE|TYPE|METHOD|ENABLED|REQUIRED|LENGTH|HEADER|FORMAT|MODE|POLICY|NO)(?:_|$)|^GPG_KEYS?$/i;
/** Values that are credentials whatever the variable is called. */
const SECRET_VALUE = /^(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|sk_live_[A-Za-z0-9]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY-----.*)$/;

/** 'value' when the value itself is a known credential format, 'name' when the name says secret. */
export function secretKind(name: string, value: string): 'name' | 'value' | undefined {
  if (SECRET_VALUE.test(value)) return 'value';
  // A switch is not a secret, whatever its name (AUTH_ENABLED=1, NO_PASSWORD=true).
  if (/^(true|false|yes|no|on|off|0|1)$/i.test(value)) return undefined;
  if (SECRET_WORD.test(name) && !NOT_SECRET.test(name)) return 'name';
  return undefined;
}
