// Turns what people type in chat into plain lowercase words: markup, mentions, links and emoji out.

/** Longer messages are cut before any work so that every reply stays bounded and fast. */
export const MAX_INPUT_CHARS = 2000;
/** The matcher looks at no more words than this; questions are short, pasted logs are not. */
export const MAX_TOKENS = 80;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Removes Slack and Teams markup and decodes HTML entities, leaving the words a person meant. */
export function stripMarkup(input: string): string {
  let s = input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input;
  s = s
    .replace(/<at>[^<]{0,200}<\/at>/gi, ' ') // Teams mention of the bot or a person
    .replace(/<(?:https?|mailto):[^|>\s]{0,1000}\|([^>]{0,300})>/gi, ' $1 ') // Slack link with a label: keep the label
    .replace(/<#[A-Z0-9]{1,40}\|([^>]{0,200})>/gi, ' $1 ') // channel reference: keep its name
    .replace(/<[@!#][^>]{0,200}>/g, ' ') // user, group and special mentions (@here, @channel)
    .replace(/<(?:https?|mailto):[^>]{0,1000}>/gi, ' ') // bare Slack link
    .replace(/<\/?[a-z][^>]{0,500}>/gi, ' ') // leftover HTML from Teams
    .replace(/&(#39|[a-z]{2,5});/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m)
    .replace(/https?:\/\/\S{1,1000}/gi, ' ') // plain URLs carry no question
    .replace(/:[a-z0-9_+-]{1,60}:/gi, ' '); // emoji shortcodes such as :thinking_face:
  return s;
}

const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\b(who|what|where|how|that|it|there|here|he|she)'s\b/g, '$1 is'],
  [/\bi'm\b/g, 'i am'],
  [/\b(we|they|you)'re\b/g, '$1 are'],
  [/\b(i|we|they|you)'ve\b/g, '$1 have'],
  [/\b(i|we|they|you|it)'ll\b/g, '$1 will'],
  [/\b(i|we|they|you)'d\b/g, '$1 would'],
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\blet's\b/g, 'let us'],
  [/n't\b/g, ' not'],
  [/'s\b/g, ''], // possessive: "aws's" → "aws"
];

const SIMPLE = /^[a-z0-9 ]*$/;

/** Lowercase words, contractions expanded, accents and punctuation gone. */
export function tokenize(input: string): string[] {
  // Most knowledge-base phrases are already plain words: skip the markup and contraction work.
  if (SIMPLE.test(input)) return input.split(' ').filter((w) => w.length > 0 && w.length <= 40).slice(0, MAX_TOKENS);
  let s = stripMarkup(input).toLowerCase().replace(/[’‘`´]/g, "'");
  s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  for (const [re, to] of CONTRACTIONS) s = s.replace(re, to);
  const words = s.split(/[^a-z0-9]+/);
  const out: string[] = [];
  for (const w of words) {
    if (w.length === 0) continue;
    if (w.length > 40) continue; // a hash, a token or a run of keys: never a word we know
    out.push(w);
    if (out.length >= MAX_TOKENS) break;
  }
  return out;
}

/**
 * A light suffix stripper, applied alike to the knowledge base and to messages, so that
 * "patches", "patching" and "patched" meet at "patch" and "buckets" at "bucket". Short words
 * are left alone: they are mostly abbreviations ("aws", "rds", "sqs").
 */
export function stem(word: string): string {
  // People reuse few words: remember the stems of the last few thousand instead of re-deriving them.
  const known = STEMS.get(word);
  if (known !== undefined) return known;
  const derived = deriveStem(word);
  if (STEMS.size >= MAX_REMEMBERED_STEMS) STEMS.clear();
  STEMS.set(word, derived);
  return derived;
}

const STEMS = new Map<string, string>();
const MAX_REMEMBERED_STEMS = 20_000;

function deriveStem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^[0-9]/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(ss|us|is)$/.test(w)) {
    // "access", "status", "analysis": not plurals
  } else if (/(ches|shes|sses|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 7) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length >= 6) w = w.slice(0, -2);
  // "-cation" stays whole so that "certification" never meets "certificate".
  if (w.endsWith('cation')) return w;
  if (w.endsWith('ation') && w.length >= 8) w = w.slice(0, -5) + 'at';
  else if (w.endsWith('ion') && w.length >= 7) w = w.slice(0, -3);
  if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
  return w;
}
