// Which task a message is about: every rule of tasks.yaml whose terms are all present competes,
// and the most specific reading wins (see the comments in resolveTask).
import type { KnowledgeBase } from './knowledge-base';
import type { Task } from '../kb/schema';
import type { Words } from './entities';
import type { Mention } from './gazetteer';
import type { Lexicon, TaskRule } from './lexicon';
import { stem } from './normalize';

export interface TaskMatch {
  task: Task;
  rule: TaskRule;
  /** Spans of the winning rule's phrases; a service named only inside one is part of the task ("IAM policies"). */
  covered: Array<[number, number]>;
  fuzzy: boolean;
  /** Read from scene-setting words only ("securing", "patching"): a vague reading. */
  weak: boolean;
  alternatives: Task[];
  /**
   * Tasks whose rules tie with the winner on everything but where their words stand: the reading
   * rests on word order alone, so an answer that differs between them is a guess.
   */
  contenders: Task[];
}

/** Whether typo repair changed any word of a span. */
export const spanFuzzy = (w: Words, start: number, end: number): boolean => w.corrected.slice(start, end).some(Boolean);

const DETERMINERS = new Set(['a', 'an', 'the', 'our', 'my', 'your', 'their', 'its', 'his', 'her', 'this', 'that', 'aws', 'amazon']);
const MODIFYING = new Set(['on', 'in', 'across', 'of', 'at', 'behind', 'under', 'inside', 'within', 'via', 'through', 'onto', 'from', 'with', 'over']);
const HEAD_REACH = 4;
const LIST_WORDS = new Set(['and', 'or', 'plus', 'nor']);
const WHO = new Set(['who', 'whose', 'whom'].map(stem));
const QUESTION_WORDS = new Set(['who', 'whose', 'whom', 'responsible', 'responsibility'].map(stem));


export function resolveTask(kb: KnowledgeBase, lex: Lexicon, terms: Mention[], services: Mention[], w: Words): TaskMatch | undefined {
  if (terms.length === 0) return undefined;
  const present = new Map<string, Mention[]>();
  for (const m of terms) {
    const at = present.get(m.id);
    if (at) at.push(m);
    else present.set(m.id, [m]);
  }
  // Every rule of tasks.yaml is checked on every message: a plain loop, not a closure per rule.
  const allPresent = (rule: TaskRule): boolean => {
    for (const t of rule.terms) if (!present.has(t)) return false;
    return true;
  };
  // A word that is also the service's name ("IAM" in "the IAM service") says little about the task.
  const isServiceName = (m: Mention): boolean => services.some((s) => s.start === m.start && s.end === m.end);
  /** The rule's first thing-naming word, or undefined when it has only scene-setters or service names. */
  const anchor = (rule: TaskRule): Mention | undefined => {
    let first: Mention | undefined;
    for (const t of rule.terms) {
      if (kb.weakTerms.has(t)) continue;
      for (const m of present.get(t) ?? []) if (!isServiceName(m) && (!first || m.start < first.start)) first = m;
    }
    return first;
  };
  // Which rule wins: one that names a thing over one made of scene-setting words alone; then more
  // thing-naming terms; then the one whose thing-naming word comes first ("security groups for a compute
  // environment"), except in a compound, where the last word is the head ("network DDoS protection");
  // then more terms in all; then the task listed first in tasks.yaml.
  // What follows "who" is the question; what comes before it is framing ("our auditor asks who…").
  const pivot = w.stems.findIndex((x) => QUESTION_WORDS.has(x));
  // Only when the question after "who" names something itself ("who does that?" leans on what came before).
  const whoAt = w.stems.findIndex((x) => WHO.has(x));
  const who = whoAt >= 0 && terms.some((m) => m.start > whoAt && !kb.weakTerms.has(m.id)) ? whoAt : -1;
  const rank = (m: Mention): number => (pivot >= 0 && m.start < pivot ? m.start + 1000 : m.start);
  const strong = (r: TaskRule): number => r.terms.filter((t) => !kb.weakTerms.has(t)).length;
  // A word of a service's name inside a phrase names the setting, not the task ("MFA for IAM users"),
  // and a determiner adds nothing ("our app" is one word of meaning).
  const ownWords = (m: Mention): number => {
    let n = 0;
    for (let i = m.start; i < m.end; i++)
      if (!DETERMINERS.has(w.fixed[i]!) && !services.some((s) => s.start <= i && i < s.end)) n++;
    return n;
  };
  // A phrase after a preposition that follows another task's word modifies that word ("firmware on
  // host servers", "replicating data across availability zones"): it then weighs as one word, so the
  // head word keeps its place; "encrypted at rest" modifies the rule's own word and keeps its weight.
  const skippable = (i: number): boolean => DETERMINERS.has(w.fixed[i]!) || services.some((s) => s.start <= i && i < s.end);
  const before = (i: number): number => {
    let j = i - 1;
    while (j >= 0 && skippable(j)) j--;
    return j;
  };
  const modifier = (m: Mention, r: TaskRule): boolean => {
    const p = MODIFYING.has(w.fixed[m.start]!) ? m.start : before(m.start);
    if (p < 0 || !MODIFYING.has(w.fixed[p]!)) return false;
    // The head sits within a few words before the preposition ("replicating Aurora's storage volume across…").
    const covers = (t: string, h: number): boolean => (present.get(t) ?? []).some((o) => o.start <= h && h < o.end && !isServiceName(o));
    for (let h = before(p), seen = 0; h >= 0 && seen < HEAD_REACH; h = before(h), seen++) {
      if (r.terms.some((t) => covers(t, h))) return false; // the nearest head is the rule's own
      for (const t of present.keys()) if (!kb.weakTerms.has(t) && covers(t, h)) return true;
    }
    return false;
  };
  /** Words in the rule's longest thing-naming phrase: "incident response" (2) says more than "crypto" (1). */
  const phrase = (r: TaskRule): number => {
    let longest = 0;
    for (const t of r.terms) {
      if (kb.weakTerms.has(t)) continue;
      for (const m of present.get(t) ?? []) {
        // Words before "who" frame the question ("after we upgrade the control plane, who…").
        if (who >= 0 && m.start < who) continue;
        longest = Math.max(longest, modifier(m, r) ? 1 : ownWords(m));
      }
    }
    return longest;
  };
  const beats = (a: TaskRule, aAt: Mention | undefined, b: TaskRule, bAt: Mention | undefined): boolean => {
    if (Boolean(aAt) !== Boolean(bAt)) return Boolean(aAt);
    if (strong(a) !== strong(b)) return strong(a) > strong(b);
    // Phrases before words: a task named by a phrase outranks one named by a single word alone.
    const pa = Math.min(phrase(a), 2);
    const pb = Math.min(phrase(b), 2);
    if (pa !== pb) return pa > pb;
    if (aAt && bAt && aAt.start !== bAt.start) {
      if (aAt.end === bAt.start) return false; // a modifies b
      if (bAt.end === aAt.start) return true; // b modifies a
      return rank(aAt) < rank(bAt);
    }
    if (a.terms.length !== b.terms.length) return a.terms.length > b.terms.length;
    return a.order < b.order;
  };
  let best: TaskRule | undefined;
  let bestAt: Mention | undefined;
  const matched: TaskRule[] = [];
  for (const rule of lex.rules) {
    if (!allPresent(rule)) continue;
    matched.push(rule);
    const at = anchor(rule);
    if (!best || beats(rule, at, best, bestAt)) {
      best = rule;
      bestAt = at;
    }
  }
  if (!best) return undefined;
  const covered: Array<[number, number]> = [];
  let fuzzy = false;
  for (const t of best.terms)
    for (const m of present.get(t) ?? []) {
      covered.push([m.start, m.end]);
      if (spanFuzzy(w, m.start, m.end)) fuzzy = true;
    }
  const winner = best;
  const alternatives: Task[] = [];
  for (const r of matched) {
    if (r.taskId === winner.taskId || alternatives.some((t) => t.id === r.taskId)) continue;
    if (r.terms.length === winner.terms.length) alternatives.push(kb.tasksById.get(r.taskId)!);
  }
  const listed = (a: Mention, b: Mention): boolean => {
    const [first, second] = a.start < b.start ? [a, b] : [b, a];
    const between = w.fixed.slice(first.end, second.start).filter((x) => !DETERMINERS.has(x));
    return between.length <= 3 && between.some((x) => LIST_WORDS.has(x));
  };
  const contenders: Task[] = [];
  if (bestAt)
    for (const r of matched) {
      if (r.taskId === winner.taskId || contenders.some((t) => t.id === r.taskId)) continue;
      const at = anchor(r);
      // A compound ("network DDoS protection") or the same word read two ways is no tie of word order.
      if (!at || at.start === bestAt.start || at.end === bestAt.start || bestAt.end === at.start) continue;
      // Two things listed together ("the kernel and the runtime") are both asked about: the first answers.
      if (listed(at, bestAt)) continue;
      // Nor is a word that frames the question before "who", or one that modifies another task's word.
      if (who >= 0 && at.start < who && bestAt.start > who) continue;
      if (modifier(at, r)) continue;
      if (strong(r) === strong(winner) && phrase(r) === 1 && phrase(winner) === 1) contenders.push(kb.tasksById.get(r.taskId)!);
    }
  return { task: kb.tasksById.get(best.taskId)!, rule: best, covered, fuzzy, weak: bestAt === undefined, alternatives, contenders };
}
