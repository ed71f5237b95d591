/** Shipshape's Dockerfile syntax tree: the subset of dockerfile-ast's API the engine uses, under the same names. */
export { parseDockerfile, Dockerfile } from './parser';
export { Instruction, ModifiableInstruction, JSONInstruction } from './instruction';
export { From, Run, Copy, Add, Healthcheck, Onbuild } from './instructions';
export { PropertyInstruction, Property, Env, Label, Arg } from './properties';
export { Flag, FlagOption } from './flags';
export { Heredoc } from './heredocs';
export { Argument, JSONArgument, Comment, ParserDirective } from './nodes';
