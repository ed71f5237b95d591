/** Shell scripts as data for rules: the commands of a script and what each one asks a tool to do. */
export { parseShell } from './parse';
export { describeCommand, type CommandDescription, type ShellFlag } from './commands';
export type * from './types';
