// From words to entities: typo repair, phrase look-up, then the task, services, concepts and cues.
import type { KnowledgeBase } from './knowledge-base';
import type { Category, Concept, Service } from '../kb/schema';
import type { IntentName } from './intent-schema';
import type { Mention } from './gazetteer';
import type { Lexicon } from './lexicon';
import { resolveTask, spanFuzzy, type TaskMatch } from './task-match';
import { COMMON_WORDS } from './common-words';
import { readScope, type OutOfScope } from './scope';
import { stem, tokenize } from './normalize';

export interface Words {
  raw: string[]; // lowercase words as typed
  fixed: string[]; // after joining split names and repairing typos
  stems: string[];
  corrected: boolean[]; // which fixed words differ from what was typed
}

export interface Entities {
  words: Words;
  mentions: Mention[];
  task?: TaskMatch;
  services: Service[]; // most relevant first
  servicesInOrder: Service[]; // as they appear in the message (for comparisons)
  fuzzyService: boolean;
  concepts: Concept[];
  categories: Category[];
  cues: Map<IntentName, number>; // intent → number of its cues present
  cueWords: Set<string>; // the cue phrases present
  /** Words that are neither part of a known phrase nor everyday English: what the bot cannot place. */
  unexplained: number;
  /** Another cloud, on-premises gear, office IT, how-to, limits or pricing. */
  outOfScope?: OutOfScope;
}

/** Splits, joins and repairs words so that "dynamo db" and "lamda" meet the knowledge base. */
export function repairWords(text: string, lex: Lexicon): Words {
  const raw = tokenize(text);
  const fixed: string[] = [];
  const corrected: boolean[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    const next = raw[i + 1];
    // "dynamo db", "cloud front": two typed words that form one known name.
    if (
      next !== undefined &&
      !COMMON_WORDS.has(w) &&
      !COMMON_WORDS.has(next) &&
      lex.gazetteer.isPhrase(stem(w + next)) &&
      !lex.gazetteer.isPhrase(stem(w)) &&
      !lex.gazetteer.startsPhrase([stem(w), stem(next)])
    ) {
      fixed.push(w + next);
      corrected.push(false);
      i++;
      continue;
    }
    if (lex.knownStems.has(stem(w)) || lex.speller.isKnown(w)) {
      fixed.push(w);
      corrected.push(false);
      continue;
    }
    const fix = lex.speller.correct(w);
    fixed.push(fix ?? w);
    corrected.push(fix !== null && fix !== w);
  }
  return { raw, fixed, stems: fixed.map(stem), corrected };
}

/**
 * Drops a mention that lies inside a longer one of the same kind ("os" inside "host os"), and a
 * task word or cue inside a name ("secrets" in "Secrets Manager", "infrastructure" in "infrastructure
 * services", "translate" in "Amazon Translate").
 */
function dropContained(mentions: Mention[]): Mention[] {
  const inside = (m: Mention, o: Mention): boolean =>
    o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start;
  return mentions.filter(
    (m) =>
      !mentions.some(
        (o) =>
          inside(m, o) &&
          (o.kind === m.kind ||
            (m.kind !== 'service' && o.kind !== 'term' && o.kind !== 'cue') || // names swallow words and cues
            (m.kind === 'term' && o.kind === 'cue')), // "break down" is a cue, not a broken part
      ),
  );
}

// Words that make the next service the setting of the question ("in EKS", "with Fargate"), and
// words that make the one before them a part of something else ("EC2 instances", "EKS worker nodes").
const SUBJECT_WORDS = new Set(['that', 'which']); // "the role that Firehose uses": Firehose is the subject
const SETTING_WORDS = new Set(['in', 'on', 'for', 'of', 'behind', 'under', 'with', 'using', 'within', 'inside', 'at', 'via', 'from', 'through']);
const PART_WORDS = new Set(['instances', 'nodes', 'launch', 'worker', 'boxes', 'volumes', 'rules'].map(stem));
const FILLER = new Set(['a', 'an', 'the', 'our', 'my', 'your', 'their', 'its', 'amazon', 'aws']);

function settingScore(w: Words, m: Mention): number {
  let score = 0;
  let i = m.start - 1;
  while (i >= 0 && FILLER.has(w.fixed[i]!)) i--;
  if (i >= 0 && SETTING_WORDS.has(w.fixed[i]!)) score += 2;
  if (i >= 0 && SUBJECT_WORDS.has(w.fixed[i]!)) score += 3;
  if (m.end < w.stems.length && PART_WORDS.has(w.stems[m.end]!)) score -= 1;
  return score;
}

/** Orders the services named: the one that sets the scene first, then by position (later wins). */
function rankServices(
  kb: KnowledgeBase,
  serviceMentions: Mention[],
  w: Words,
  covered: Array<[number, number]>,
  absorbs: readonly string[],
  supporting: ReadonlySet<string>,
): Service[] {
  const score = new Map<string, number>();
  const last = new Map<string, number>();
  for (const m of serviceMentions) {
    // "IAM policies" is the IAM task itself, not IAM as the setting; "WAF rules" stays about AWS WAF.
    if (absorbs.includes(m.id) && covered.some(([s, e]) => m.start >= s && m.end <= e && e - s > m.end - m.start)) continue;
    score.set(m.id, Math.max(score.get(m.id) ?? -Infinity, settingScore(w, m)));
    last.set(m.id, Math.max(last.get(m.id) ?? -1, m.start));
  }
  // A supporting service (KMS, Secrets Manager…) named beside another is the means, not the subject.
  if ([...score.keys()].some((id) => !supporting.has(id)))
    for (const id of score.keys()) if (supporting.has(id)) score.set(id, score.get(id)! - 10);
  return [...score.keys()]
    .sort((a, b) => score.get(b)! - score.get(a)! || last.get(b)! - last.get(a)!)
    .map((id) => kb.servicesById.get(id)!);
}

function firstMentionOrder<T>(mentions: Mention[], kind: Mention['kind'], lookup: (id: string) => T | undefined): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  for (const m of [...mentions].filter((x) => x.kind === kind).sort((a, b) => a.start - b.start)) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    const v = lookup(m.id);
    if (v !== undefined) out.push(v);
  }
  return out;
}

export function extractEntities(text: string, kb: KnowledgeBase, lex: Lexicon): Entities {
  const words = repairWords(text, lex);
  const mentions = dropContained(lex.gazetteer.scan(words.stems));
  const terms = mentions.filter((m) => m.kind === 'term');
  const serviceMentions = mentions.filter((m) => m.kind === 'service');
  const task = resolveTask(kb, lex, terms, serviceMentions, words);
  const services = rankServices(kb, serviceMentions, words, task?.covered ?? [], task?.task.absorbs ?? [], lex.supportingServices);
  const fuzzyService = serviceMentions.some((m) => services[0]?.id === m.id && spanFuzzy(words, m.start, m.end));

  const cues = new Map<IntentName, number>();
  const cueWords = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== 'cue') continue;
    cueWords.add(m.id);
    for (const intent of lex.cueIntents.get(m.id) ?? []) cues.set(intent, (cues.get(intent) ?? 0) + 1);
  }
  const covered = new Set<number>();
  for (const m of mentions) for (let i = m.start; i < m.end; i++) covered.add(i);
  let unexplained = 0;
  words.fixed.forEach((w, i) => {
    if (!covered.has(i) && !COMMON_WORDS.has(w)) unexplained++;
  });

  return {
    words,
    mentions,
    task,
    services,
    fuzzyService,
    servicesInOrder: firstMentionOrder(mentions, 'service', (id) => (services.some((s) => s.id === id) ? kb.servicesById.get(id) : undefined)),
    concepts: firstMentionOrder(mentions, 'concept', (id) => kb.conceptsById.get(id)),
    categories: firstMentionOrder(mentions, 'category', (id) => (kb.categories.has(id as Category) ? (id as Category) : undefined)),
    cues,
    cueWords,
    unexplained,
    outOfScope: readScope(lex.scope, words.stems, serviceMentions) ?? unknownService(words, covered, task, serviceMentions, lex),
  };
}

/** Words that sit between a task and the thing it is done to: "patches [the] X", "encryption [on our] X". */
const OBJECT_GLUE = new Set(['the', 'a', 'an', 'our', 'my', 'your', 'their', 'on', 'for', 'in', 'of', 'with', 'at', 'inside', 'within']);

/**
 * "who patches zzzz?": a task, no service, and where the service would stand a word the bot cannot
 * place (not a known term, not everyday English, not a typo it repaired). Answering the general owner
 * would pretend to know the product.
 */
function unknownService(words: Words, covered: ReadonlySet<number>, task: TaskMatch | undefined, services: readonly Mention[], lex: Lexicon): OutOfScope | undefined {
  if (!task || services.length > 0) return undefined;
  let i = Math.max(...task.covered.map(([, end]) => end));
  while (i < words.fixed.length && OBJECT_GLUE.has(words.fixed[i]!)) i++;
  const w = words.fixed[i];
  // Only as the message's last word, where a name ends the question ("…on zzzz?"): an unknown word
  // followed by more of the sentence is more likely English the bot does not know than a product.
  if (i !== words.fixed.length - 1) return undefined;
  if (w === undefined || covered.has(i) || words.corrected[i] || COMMON_WORDS.has(w) || lex.knownStems.has(words.stems[i]!)) return undefined;
  // A product name is one token of letters and digits, not punctuation or a number.
  if (!/^[a-z][a-z0-9-]{2,30}$/.test(w)) return undefined;
  return { kind: 'unknown-service', name: w };
}

export type { TaskMatch };
