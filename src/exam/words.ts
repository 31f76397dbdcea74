// Words compared by meaning, roughly: lowercase, small words dropped, each word cut to a stem so that
// "patches", "patching" and "patched" meet. Exam options restate facts in their own words; a stem
// match is loose enough to meet them and still exact enough to tell "hypervisor" from "guest OS".

const SMALL = new Set(
  'a an the of to for and or in on at by with as from into onto that this these those which who whom whose it them they is are was were be been being has have had do does did can could may might must should would will shall such so than then there here what when where how also only just both either any each per via up down out over under about before after while because if'.split(
    ' ',
  ),
);

/** A crude stem: enough to join the forms of one word, never meant to be shown. */
export function stem(word: string): string {
  let w = word.replace(/'s$|'$/, '');
  if (w.length <= 3) return w;
  for (const [suffix, by] of [
    ['ies', 'y'],
    ['ing', ''],
    ['ed', ''],
    ['es', ''],
    ['s', ''],
    ['ly', ''],
    ['ation', 'at'],
    ['ment', ''],
    ['e', ''],
  ] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length) + by;
      break;
    }
  }
  // "patch"/"patche", "manag"/"manage": doubled or trailing letters left by the cut.
  return w.replace(/(.)\1$/, '$1').replace(/e$/, '');
}

/** "isn't" → "is not", "can't" → "can not": negations made into words before splitting. */
const expand = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/can't|cannot/g, 'can not')
    .replace(/won't/g, 'will not')
    .replace(/n't\b/g, ' not')
    // The model's two halves differ by one small word, so each is kept as one word of its own.
    .replace(/\bsecurity of the cloud\b/g, 'securityofthecloud')
    .replace(/\bsecurity in the cloud\b/g, 'securityinthecloud');

/** The content words of a text, stemmed, in order. */
export function contentWords(text: string): string[] {
  return expand(text)
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w && !SMALL.has(w))
    .map(stem);
}

export const wordSet = (text: string): Set<string> => new Set(contentWords(text));

/** True when every word of the phrase is among the words. */
export function hasAll(words: ReadonlySet<string>, phrase: readonly string[]): boolean {
  return phrase.length > 0 && phrase.every((w) => words.has(w));
}

/** How many words the two share. */
export function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** A sentence says the opposite when it has an odd number of plain negations ("not", "never"…). */
export function negated(text: string): boolean {
  const s = expand(text).replace(/\bno longer\b|\bnot only\b/g, ' ');
  return ((s.match(/\b(not|never|no|none|nothing|without)\b/g) ?? []).length & 1) === 1;
}

/** Where a claim of two parties splits: before the second party's clause ("AWS runs X, and the customer Y"). */
const CLAUSE = /\s*(?:;\s*|,?\s+(?:and|while|but|whereas|so)\s+|,\s+)(?=(?:the |each |a )?(?:customers?|aws|amazon|company|you)\b)/i;

/** The clauses of a sentence, one per party that does something in it. */
export function clausesOf(text: string): string[] {
  return text
    .split(CLAUSE)
    .map((p) => p.trim())
    .filter(Boolean);
}
