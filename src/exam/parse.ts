// Reads a pasted practice-exam item: a stem, then options written any of the ways people paste them
// ("A. …", "A) …", "(A) …", "a. …", "1. …", "- A. …", bullets, or all on one line), and how many
// options to pick ("(Select TWO.)", "Choose 2", "select three").

export interface ExamItem {
  stem: string;
  options: Array<{ letter: string; text: string }>;
  /** How many options the item asks for. */
  pick: number;
}

const LETTERS = 'ABCDEFG';
const COUNT_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
// "Select TWO", "Choose 2", and a count in the question itself: "Which TWO…", "which three of the following".
const PICK = /\b(?:select|choose|pick|mark|which)\s+(one|two|three|four|[1-4])\b(?!\s*(?:%|percent|years?|days?|hours?|minutes?|AZs?|availability zones?|regions?)\b)/i;
const MAX_ITEM_CHARS = 6000;

/** Lines that are options by themselves: a marker, then the option text. */
const LINE_OPTION = /^\s*(?:[-•*▪◦]\s*)?(?:\(([A-Ga-g1-7])\)|([A-Ga-g1-7])[.)])\s+(\S.*)$/;
const BULLET = /^\s*[-•*▪◦]\s+(\S.*)$/;
/** Options run together on one line: "A. x B. y C. z" or "A) x B) y". */
const INLINE_MARKER = /(?:^|\s)(?:\(([A-G])\)|([A-G])[.)])\s+/g;

const letterOf = (marker: string): string => (/[1-7]/.test(marker) ? LETTERS[Number(marker) - 1]! : marker.toUpperCase());

function pickCount(stem: string): number {
  const m = PICK.exec(stem);
  return m ? (COUNT_WORDS[m[1]!.toLowerCase()] ?? 1) : 1;
}

/** The options must be A, B, C… in order, at least three of them (two for true/false items). */
function sequential(options: ExamItem['options']): boolean {
  return options.length >= 2 && options.every((o, i) => o.letter === LETTERS[i]);
}

function fromLines(text: string): ExamItem | undefined {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => LINE_OPTION.test(l) || BULLET.test(l));
  if (first <= 0) return undefined;
  const stem = lines.slice(0, first).join(' ').trim();
  const options: ExamItem['options'] = [];
  for (const line of lines.slice(first)) {
    const m = LINE_OPTION.exec(line);
    if (m) options.push({ letter: letterOf(m[1] ?? m[2]!), text: m[3]!.trim() });
    else {
      const b = BULLET.exec(line);
      if (b) options.push({ letter: LETTERS[options.length] ?? '?', text: b[1]!.trim() });
      else if (line.trim() && options.length) options[options.length - 1]!.text += ` ${line.trim()}`; // a wrapped option
    }
  }
  return sequential(options) && options.length >= 3 ? { stem, options, pick: pickCount(stem) } : undefined;
}

function fromOneLine(text: string): ExamItem | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  const markers = [...flat.matchAll(INLINE_MARKER)].map((m) => ({ letter: (m[1] ?? m[2])!, at: m.index! + (m[0].startsWith(' ') ? 1 : 0), end: m.index! + m[0].length }));
  // The run of markers A, B, C… that starts at the last "A" with a full run after it.
  for (let s = markers.length - 1; s >= 0; s--) {
    if (markers[s]!.letter !== 'A') continue;
    const run = [markers[s]!];
    for (const m of markers.slice(s + 1)) if (m.letter === LETTERS[run.length]) run.push(m);
    if (run.length < 3) continue;
    const stem = flat.slice(0, run[0]!.at).trim();
    if (stem.length < 10) continue;
    const options = run.map((m, i) => ({ letter: m.letter, text: flat.slice(m.end, run[i + 1]?.at ?? flat.length).trim() }));
    if (options.some((o) => !o.text)) continue;
    return { stem, options, pick: pickCount(stem) };
  }
  return undefined;
}

/** The item in a message, or undefined when the message is not an exam item. */
export function parseExamItem(text: string): ExamItem | undefined {
  if (text.length > MAX_ITEM_CHARS) text = text.slice(0, MAX_ITEM_CHARS);
  const item = fromLines(text) ?? fromOneLine(text);
  if (!item) return undefined;
  // A stem that asks something: a question mark, or a "which"/"select" kind of instruction.
  if (!/\?|\b(which|what|select|choose|identify|true|correct)\b/i.test(item.stem)) return undefined;
  return { ...item, pick: Math.min(item.pick, item.options.length - 1) };
}
