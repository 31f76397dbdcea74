// Whose work an option names when the matcher finds no task in it: "Screening AWS employees",
// "Registering an MFA device for the root user". The duties of data/exam.yaml name the work by short
// cues; an option names a duty when it says one of its cues word after word (stemmed, small words
// aside). When cues of both parties appear, the longest cue says what the option is about ("training
// the customer's own employees" over "training"); a party's cue beats an equally long shared one, and a
// tie between the two parties leaves it unsettled.
import type { ExamDuty, ExamFile } from '../kb/exam-schema';
import type { Owner } from '../reply/reply';
import { contentWords } from './words';

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

/** The length of the cue said in the words, in order and next to each other; 0 when it is not. */
function said(words: readonly string[], cue: readonly string[]): number {
  for (let i = 0; i + cue.length <= words.length; i++) if (cue.every((w, j) => words[i + j] === w)) return cue.length;
  return 0;
}

/** The party of the most specific duty the option names, or undefined (none named, or a tie between parties). */
export function dutyOf(exam: ExamFile, text: string): DutyReading | undefined {
  const words = contentWords(text);
  let best: { length: number; reading: DutyReading; tie: boolean } | undefined;
  for (const d of compile(exam)) {
    const length = Math.max(0, ...d.cues.map((cue) => said(words, cue)));
    if (length === 0) continue;
    if (!best || length > best.length) best = { length, reading: { owner: d.duty.owner, duty: d.duty }, tie: false };
    else if (length === best.length && d.duty.owner !== best.reading.owner) {
      // A shared control's part named by its party is that party's ("awareness training for its own employees").
      if (best.reading.owner === 'shared') best = { length, reading: { owner: d.duty.owner, duty: d.duty }, tie: best.tie };
      else if (d.duty.owner !== 'shared') best.tie = true;
    }
  }
  return best && !best.tie ? best.reading : undefined;
}
