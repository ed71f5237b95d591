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

type Method = (this: Record<symbol, unknown>) => unknown;

function keepAnswer(prototype: object, name: string, handOut: (value: unknown) => unknown): void {
  const original = (prototype as Record<string, Method>)[name];
  const slot = Symbol(name);
  (prototype as Record<string, Method>)[name] = function (this: Record<symbol, unknown>) {
    if (slot in this) return handOut(this[slot]);
    // Computed before storing: `getArguments` asks `getFlags`, which asks `getArguments` again
    // while the flags are not known yet; that inner answer must not be the one kept.
    const value = original.call(this);
    this[slot] = Array.isArray(value) ? Object.freeze(value) : value;
    return handOut(this[slot]);
  };
}

const asIs = (value: unknown) => value;
const copied = (value: unknown) => [...(value as unknown[])];

keepAnswer(Instruction.prototype, 'getRawArguments', copied);
for (const name of ['getKeyword', 'getArgumentsRange', 'getArgumentsRanges', 'getRawArgumentsContent', 'getArgumentsContent', 'getHeredocs']) {
  keepAnswer(Instruction.prototype, name, asIs);
}
keepAnswer(ModifiableInstruction.prototype, 'getArguments', asIs);
