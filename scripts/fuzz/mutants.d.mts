import type { Arbitrary } from 'fast-check';

export interface MutantSubject {
  file: number;
  mutations: unknown[];
}

export interface CorpusFile {
  path: string;
  kind: string;
  text: string;
}

/** Which file of a corpus to take and the mutations to make to it (see mutants.mjs). */
export function mutantSubjects(options?: { hugeTimes?: number }): Arbitrary<MutantSubject>;

/** The mutant a subject describes. */
export function mutantOf<File extends CorpusFile>(corpus: readonly File[], subject: MutantSubject): CorpusFile;
