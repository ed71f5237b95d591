/**
 * dockerfile-ast recomputes an instruction's arguments on every call: parsing alone scans
 * each RUN's arguments five times (the constructor asks for the content, the arguments, their
 * range, the flags and the heredocs), and rules ask again and again. An instruction's text
 * never changes after parsing, so its answers are kept.
 *
 * While parsing, the raw arguments and a ModifiableInstruction's arguments are kept on the
 * instance (installed once on the prototypes, before anything is parsed). `getArguments` takes
 * the flags off the array `getRawArguments` returns (`shift()`), so that one is handed out as
 * a copy. After parsing, `keepAnswers` gives each instruction its own memo of every method rules
 * call: one closure per method reads faster than any lookup shared by a dozen instruction classes.
 * Arrays are frozen: nothing in dockerfile-ast modifies them, and a rule that tried would throw.
 */
import { Instruction, ModifiableInstruction, type Argument } from 'dockerfile-ast';

type Memo = Record<symbol, unknown>;

const RAW_ARGUMENTS = Symbol('raw arguments');
const ARGUMENTS = Symbol('arguments');

// `getRawArguments` is private in dockerfile-ast's typings, but it is what every argument method calls.
const instructionPrototype = Instruction.prototype as unknown as { getRawArguments(this: Memo): Argument[] };
const rawArguments = instructionPrototype.getRawArguments;
instructionPrototype.getRawArguments = function (this: Memo) {
  let kept = this[RAW_ARGUMENTS] as Argument[] | undefined;
  if (kept === undefined) {
    kept = Object.freeze(rawArguments.call(this)) as Argument[];
    this[RAW_ARGUMENTS] = kept;
  }
  return [...kept];
};

const modifiableArguments = ModifiableInstruction.prototype.getArguments;
ModifiableInstruction.prototype.getArguments = function (this: ModifiableInstruction & Memo) {
  const kept = this[ARGUMENTS] as ReturnType<typeof modifiableArguments> | undefined;
  if (kept !== undefined) return kept;
  // Computed before storing: `getArguments` asks `getFlags`, which asks `getArguments` again
  // while the flags are not known yet; that inner answer is overwritten here.
  const computed = Object.freeze(modifiableArguments.call(this)) as ReturnType<typeof modifiableArguments>;
  this[ARGUMENTS] = computed;
  return computed;
};

const ASKED = ['getKeyword', 'getArguments', 'getArgumentsRange', 'getArgumentsRanges', 'getRawArgumentsContent', 'getArgumentsContent', 'getHeredocs'] as const;

const NO_HEREDOCS = Object.freeze([]);

/** Each method rules ask for answers from a memo of its own on this instruction, computed on first use. */
export function keepAnswers(instruction: Instruction): void {
  const target = instruction as unknown as Record<string, () => unknown>;
  // Without `<<` there is no heredoc to look for (the search is costly, and most rules ask).
  const heredocless = !instruction.getTextContent().includes('<<');
  for (const name of ASKED) {
    if (name === 'getHeredocs' && heredocless) {
      target.getHeredocs = () => NO_HEREDOCS;
      continue;
    }
    const original = target[name];
    if (typeof original !== 'function') continue;
    let computed = false;
    let value: unknown;
    target[name] = () => {
      if (!computed) {
        value = original.call(instruction);
        if (Array.isArray(value)) Object.freeze(value);
        computed = true;
      }
      return value;
    };
  }
}
