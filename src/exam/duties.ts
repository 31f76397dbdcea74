// Whose work an option names when the matcher finds no task in it: "Screening AWS employees",
// "Registering an MFA device for the root user". The duties of data/exam.yaml name the work by short
// cues; an option that holds every word of a cue names that duty. Cues of both parties in one option
// ("operating the servers that store the root user's password") leave it unsettled.
import type { ExamDuty, ExamFile } from '../kb/exam-schema';
import type { Owner } from '../reply/reply';
import { contentWords, hasAll, wordSet } from './words';

export interface DutyReading {
  owner: Owner;
  duty: ExamDuty;
}

interface CompiledDuty {
  duty: ExamDuty;
  cues: string[][];
}

const compiled = new WeakMap<ExamFile, CompiledDuty[]>();

function compile(exam: ExamFile): CompiledDuty[] {
  let c = compiled.get(exam);
  if (!c) {
    c = exam.duties.map((duty) => ({ duty, cues: duty.cues.map(contentWords).filter((w) => w.length > 0) }));
    compiled.set(exam, c);
  }
  return c;
}

/** The one party every duty the option names belongs to, or undefined (none named, or both parties). */
export function dutyOf(exam: ExamFile, text: string): DutyReading | undefined {
  const words = wordSet(text);
  const hits = compile(exam).filter((d) => d.cues.some((cue) => hasAll(words, cue)));
  if (hits.length === 0) return undefined;
  const owners = new Set(hits.map((h) => h.duty.owner));
  if (owners.size !== 1) return undefined;
  return { owner: hits[0]!.duty.owner, duty: hits[0]!.duty };
}
