/**
 * dockerfile-ast recomputes an instruction's arguments on every call: parsing alone scans
 * each RUN's arguments five times (the constructor asks for the content, the arguments, their
 * range, the flags and the heredocs), and every rule asking again scanned them once more. An
 * instruction's text never changes after parsing, so the answers are kept on the instance,
 * once for the whole process, before anything is parsed.
 *
 * `ModifiableInstruction.getArguments` takes the flags off the array `getRawArguments` returns
 * (`shift()`), so that answer is kept but handed out as a copy. The others are handed out as
 * they are, frozen: nothing in dockerfile-ast modifies them, and a rule that tried would throw.
 */
import { Instruction, ModifiableInstruction } from 'dockerfile-ast';

const KEPT = ['getRawArguments', 'getArguments', 'getKeyword', 'getArgumentsRange', 'getArgumentsRanges', 'getRawArgumentsContent', 'getArgumentsContent', 'getHeredocs'] as const;
type Kept = (typeof KEPT)[number];

const UNKNOWN = Symbol('unknown');
/**
 * The answers of one instruction, in an object of one shape for every instruction class: the
 * wrappers stay fast where the classes' own shapes (Run, Copy, Env…) would make them megamorphic.
 */
type Answers = Record<Kept, unknown>;
const answers = new WeakMap<object, Answers>();

function answersOf(instruction: object): Answers {
  let kept = answers.get(instruction);
  if (!kept) {
    kept = { getRawArguments: UNKNOWN, getArguments: UNKNOWN, getKeyword: UNKNOWN, getArgumentsRange: UNKNOWN, getArgumentsRanges: UNKNOWN, getRawArgumentsContent: UNKNOWN, getArgumentsContent: UNKNOWN, getHeredocs: UNKNOWN };
    answers.set(instruction, kept);
  }
  return kept;
}

function keepAnswer(prototype: object, name: Kept, handOut: (value: unknown) => unknown): void {
  const original = (prototype as Record<string, (this: object) => unknown>)[name];
  (prototype as Record<string, (this: object) => unknown>)[name] = function (this: object) {
    const kept = answersOf(this);
    if (kept[name] !== UNKNOWN) return handOut(kept[name]);
    // Computed before storing: `getArguments` asks `getFlags`, which asks `getArguments` again
    // while the flags are not known yet; that inner answer must not be the one kept.
    const value = original.call(this);
    kept[name] = Array.isArray(value) ? Object.freeze(value) : value;
    return handOut(kept[name]);
  };
}

const asIs = (value: unknown) => value;
const copied = (value: unknown) => [...(value as unknown[])];

keepAnswer(Instruction.prototype, 'getRawArguments', copied);
for (const name of ['getKeyword', 'getArgumentsRange', 'getArgumentsRanges', 'getRawArgumentsContent', 'getArgumentsContent', 'getHeredocs'] as const) {
  keepAnswer(Instruction.prototype, name, asIs);
}
keepAnswer(ModifiableInstruction.prototype, 'getArguments', asIs);
