// Everything the matcher knows about words, built once from the knowledge base and intents.
import type { KnowledgeBase } from './knowledge-base';
import type { IntentName } from './intent-schema';
import { COMMON_WORDS } from './common-words';
import { Gazetteer } from './gazetteer';
import { buildScopeWords, type ScopeWords } from './scope';
import { stem, tokenize } from './normalize';
import { SpellingCorrector } from './spelling';
import { isWordSet, parseWordSet, type WordSetCue } from './word-set-cues';

/** Task phrases are stored as terms named "=<task id>", so one rule shape serves both. */
export const taskPhraseTerm = (taskId: string): string => `=${taskId}`;

export interface TaskRule {
  taskId: string;
  order: number; // position of the task in tasks.yaml: earlier is more specific
  terms: readonly string[];
}

export interface Lexicon {
  gazetteer: Gazetteer;
  speller: SpellingCorrector;
  knownStems: ReadonlySet<string>;
  rules: readonly TaskRule[];
  /** Cue phrase key → the intents it points at. */
  cueIntents: ReadonlyMap<string, IntentName[]>;
  followUpCues: ReadonlySet<string>;
  whyCues: ReadonlySet<string>;
  presumesAws: ReadonlySet<string>;
  presumesCustomer: ReadonlySet<string>;
  /** Words that ask who decides a shared task, and words that ask who carries it out. */
  decides: ReadonlySet<string>;
  performs: ReadonlySet<string>;
  /** Words that ask who chooses among set-ups (a subset of `decides` in meaning). */
  chooses: ReadonlySet<string>;
  /** The set-ups that flip an owner ("imported certificate"), scanned apart so they never hide a task word. */
  variants: Gazetteer;
  /** Set-ups named by word sets rather than phrases ("rds + manages + master password"). */
  variantSets: readonly WordSetCue[];
  scope: ScopeWords;
  /** Services that, named beside another, are the means rather than the subject (KMS, Secrets Manager…). */
  supportingServices: ReadonlySet<string>;
}

export function buildLexicon(kb: KnowledgeBase): Lexicon {
  const g = new Gazetteer();
  // Words a typo may be repaired into: the domain's names and cues. Off-topic cues are known words
  // but never targets, so "moves" is not "corrected" into "movies".
  const targets = new Set<string>();
  const surface = new Set<string>(COMMON_WORDS);
  const remember = (phrase: string, asTarget = true): string[] => {
    const words = tokenize(phrase);
    for (const w of words) {
      surface.add(w);
      if (asTarget) targets.add(w);
    }
    return words.map(stem);
  };

  for (const s of kb.services) {
    for (const name of [s.name, s.fullName, ...s.aliases]) {
      if (name) g.add(remember(name), { kind: 'service', id: s.id });
    }
  }
  for (const [term, phrases] of Object.entries(kb.terms)) for (const p of phrases) g.add(remember(p), { kind: 'term', id: term });
  const rules: TaskRule[] = [];
  kb.tasks.forEach((t, order) => {
    for (const p of t.phrases) g.add(remember(p), { kind: 'term', id: taskPhraseTerm(t.id) });
    if (t.phrases.length > 0) rules.push({ taskId: t.id, order, terms: [taskPhraseTerm(t.id)] });
    for (const rule of t.when) rules.push({ taskId: t.id, order, terms: rule });
    remember(t.name);
  });
  for (const c of kb.concepts) for (const name of [c.name, ...c.aliases]) g.add(remember(name), { kind: 'concept', id: c.id });
  for (const c of kb.categories.values())
    for (const name of [c.name, ...c.aliases]) g.add(remember(name), { kind: 'category', id: c.id });

  const cueIntents = new Map<string, IntentName[]>();
  for (const file of kb.intents) {
    for (const cue of file.cues) {
      const words = remember(cue, file.intent !== 'unknown');
      g.add(words, { kind: 'cue', id: words.join(' ') });
      const key = words.join(' ');
      const list = cueIntents.get(key) ?? [];
      if (!list.includes(file.intent)) list.push(file.intent);
      cueIntents.set(key, list);
    }
    for (const ex of file.examples) remember(ex.replace(/\{[a-z]+\}/g, ' '), false);
  }
  const cueSet = (phrases: readonly string[]): Set<string> => {
    const set = new Set<string>();
    for (const p of phrases) {
      const words = remember(p);
      g.add(words, { kind: 'cue', id: words.join(' ') });
      set.add(words.join(' '));
    }
    return set;
  };
  const followUpCues = cueSet(kb.context.followUp);
  const whyCues = cueSet(kb.context.why);
  const presumesAws = cueSet(kb.context.presumesAws);
  const presumesCustomer = cueSet(kb.context.presumesCustomer);
  const decides = cueSet(kb.context.decides);
  const performs = cueSet(kb.context.performs);
  const chooses = cueSet(kb.context.chooses);

  const variants = new Gazetteer();
  const variantSets: WordSetCue[] = [];
  for (const v of kb.variants.values())
    for (const cue of v.cues) {
      if (isWordSet(cue)) variantSets.push(parseWordSet(v.id, cue, (p) => remember(p)));
      else variants.add(remember(cue), { kind: 'variant', id: v.id });
    }

  // Scope words are known words, never targets of typo repair ("azure" must not become anything else).
  const scope = buildScopeWords(kb, (p) => remember(p, false));

  const knownStems = new Set<string>();
  for (const w of surface) knownStems.add(stem(w));
  const speller = new SpellingCorrector(targets);
  for (const w of surface) speller.addKnown(w);
  return { gazetteer: g, speller, knownStems, rules, cueIntents, followUpCues, whyCues, presumesAws, presumesCustomer, decides, performs, chooses, variants, variantSets, scope, supportingServices: new Set(kb.context.supportingServices) };
}

