// Cues written as word sets ("rds + manages + master password"): every part present, in any order,
// within a few words of each other. People name a set-up in many word orders ("RDS manages the master
// password", "the master password RDS manages for us"); one set covers them where phrases would
// have to list each order.
import { stem, tokenize } from './normalize';

/** How far apart, in words, the first and last part of a set may stand. */
export const WORD_SET_WINDOW = 8;

export interface WordSetCue {
  id: string;
  /** Each part as stemmed words; a part of several words must appear as that phrase. */
  parts: string[][];
}

/** A cue with " + " between its parts is a word set; any other cue is a phrase. */
export const isWordSet = (cue: string): boolean => cue.includes('+');

export function parseWordSet(id: string, cue: string, remember: (phrase: string) => void): WordSetCue {
  const parts = cue
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      remember(p);
      return tokenize(p).map(stem);
    });
  return { id, parts };
}

/** The ids of the word sets whose parts all stand within the window in these stems. */
export function matchWordSets(cues: readonly WordSetCue[], stems: readonly string[]): string[] {
  const found: string[] = [];
  for (const cue of cues) {
    if (found.includes(cue.id)) continue;
    const at = cue.parts.map((part) => positions(part, stems));
    if (at.some((p) => p.length === 0)) continue;
    if (fitsWindow(at)) found.push(cue.id);
  }
  return found;
}

function positions(part: readonly string[], stems: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + part.length <= stems.length; i++) if (part.every((w, k) => stems[i + k] === w)) out.push(i);
  return out;
}

/** Whether one position per part can be picked so that all lie within WORD_SET_WINDOW words. */
function fitsWindow(at: readonly number[][]): boolean {
  // Few parts and few hits each: try every hit of the first part as an anchor of the window.
  const all = at.flat();
  for (const start of all) if (at.every((p) => p.some((i) => i >= start && i - start < WORD_SET_WINDOW))) return true;
  return false;
}
