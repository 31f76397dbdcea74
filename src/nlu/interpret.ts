// Message text → Interpretation {intent, entities, confidence}: the matcher's one entry point.
import type { KnowledgeBase } from './knowledge-base';
import type { Category, Concept, Owner, Service, Task } from '../kb/schema';
import type { IntentName } from './intent-schema';
import { classify } from './classify';
import { CONTESTED_CONFIDENCE, ownerContested } from './contested';
import { serviceOfVariants } from './variant-service';
import { extractEntities, type Entities } from './entities';
import type { Mention } from './gazetteer';
import { buildLexicon, type Lexicon } from './lexicon';
import { stem } from './normalize';
import type { OutOfScope } from './scope';
import { ExampleIndex, type Example } from './similarity';
import { matchWordSets } from './word-set-cues';

export interface Interpretation {
  intent: IntentName;
  confidence: number;
  rule: string;
  services: Service[]; // most relevant first
  servicesInOrder: Service[]; // as named in the message
  task?: Task;
  taskAlternatives: Task[];
  concepts: Concept[];
  categories: Category[];
  /** "and for S3?": the message leans on the previous question. */
  followUp: boolean;
  /** "why?": the message asks for the reasoning behind the previous answer. */
  why: boolean;
  /** What the asker assumed ("does AWS patch…" → aws), so the answer can confirm or correct it. */
  presumedOwner?: Exclude<Owner, 'shared'>;
  /** True when typo repair was needed to understand a name. */
  corrected: boolean;
  /** The set-ups named ("imported certificate", "self-managed nodes"), as ids of data/variants.yaml. */
  variants: string[];
  /** On a shared task: does the question ask who decides it, or who carries it out? */
  aspect?: 'decide' | 'choose' | 'perform';
  /** Why the message is out of scope, when it is (another cloud, how-to…). */
  outOfScope?: OutOfScope;
}

const SLOT_WORD = (slot: string): string => `slot${slot}`;
const SLOT_RE = /\{(service|task|concept|category)\}/g;
const SLOT_BY_STEM = new Map(['service', 'task', 'concept', 'category'].map((s) => [stem(SLOT_WORD(s)), s]));

/** Replaces each known name by its slot, so examples and messages compare on their shape. */
function delexicalize(e: Entities): string[] {
  const out: string[] = [];
  const slotAt = new Map<number, { slot: string; end: number }>();
  for (const m of e.mentions) {
    if (m.kind === 'cue') continue;
    const slot = m.kind === 'term' ? 'task' : m.kind;
    const prior = slotAt.get(m.start);
    if (!prior || prior.end < m.end) slotAt.set(m.start, { slot, end: m.end });
  }
  for (let i = 0; i < e.words.stems.length; ) {
    const s = slotAt.get(i);
    if (s) {
      const token = `{${s.slot}}`;
      if (out[out.length - 1] !== token) out.push(token);
      i = s.end;
    } else {
      const w = e.words.stems[i]!;
      const slot = SLOT_BY_STEM.get(w);
      out.push(slot ? `{${slot}}` : w);
      i++;
    }
  }
  return out;
}

/** Variant ids named, a cue inside a longer one dropped ("managed nodes" in "self managed nodes"). */
function namedVariants(lex: Lexicon, stems: readonly string[]): string[] {
  const found = lex.variants.scan(stems);
  const kept = found.filter((m) => !found.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
  return [...new Set([...kept.map((m) => m.id), ...matchWordSets(lex.variantSets, stems)])];
}

const WHO = new Set(['who', 'whose', 'whom', 'whos'].map(stem));

/** "who decides…", "who applies…": the verb right after "who" says; else a question about the work wins. */
function readAspect(lex: Lexicon, e: Entities): Interpretation['aspect'] {
  const cues = e.mentions.filter((m) => m.kind === 'cue' && (lex.decides.has(m.id) || lex.performs.has(m.id) || lex.chooses.has(m.id)));
  if (cues.length === 0) return undefined;
  const kind = (m: Mention): NonNullable<Interpretation['aspect']> =>
    lex.performs.has(m.id) ? 'perform' : lex.chooses.has(m.id) ? 'choose' : 'decide';
  const who = e.words.stems.findIndex((s) => WHO.has(s));
  if (who >= 0) {
    const next = cues.filter((m) => m.start > who && m.start <= who + 4).sort((a, b) => a.start - b.start)[0];
    if (next) return kind(next);
  }
  const kinds = cues.map(kind);
  return kinds.includes('perform') ? 'perform' : kinds.includes('choose') ? 'choose' : 'decide';
}

export class Interpreter {
  readonly lexicon: Lexicon;
  private readonly examples: ExampleIndex;

  constructor(private readonly kb: KnowledgeBase) {
    this.lexicon = buildLexicon(kb);
    for (const slot of ['service', 'task', 'concept', 'category']) this.lexicon.speller.addKnown(SLOT_WORD(slot));
    const examples: Example[] = [];
    for (const file of kb.intents)
      for (const ex of file.examples) {
        const text = ex.replace(SLOT_RE, (_m, slot: string) => ` ${SLOT_WORD(slot)} `);
        examples.push({ intent: file.intent, tokens: delexicalize(extractEntities(text, kb, this.lexicon)) });
      }
    this.examples = new ExampleIndex(examples);
  }

  interpret(text: string): Interpretation {
    const e = extractEntities(text, this.kb, this.lexicon);
    const c = classify(e, () => this.examples.score(delexicalize(e)));
    const hasEntity = e.task !== undefined || e.services.length > 0 || e.concepts.length > 0 || e.categories.length > 0;
    const first = e.words.stems.slice(0, 2);
    const startsWith = (cues: ReadonlySet<string>): boolean =>
      cues.has(first[0] ?? '') || cues.has(first.join(' '));
    const why = !hasEntity && [...e.cueWords].some((w) => this.lexicon.whyCues.has(w));
    const followUp =
      hasEntity && !(e.task && e.services.length > 0) && (startsWith(this.lexicon.followUpCues) || e.words.fixed.length <= 3);
    let presumedOwner: Interpretation['presumedOwner'];
    if (c.intent === 'responsibility') {
      const cues = [...e.cueWords];
      const guessesAws = cues.some((c) => this.lexicon.presumesAws.has(c));
      const guessesCustomer = cues.some((c) => this.lexicon.presumesCustomer.has(c));
      if (guessesAws !== guessesCustomer) presumedOwner = guessesAws ? 'aws' : 'customer';
    }
    const variants = e.task ? namedVariants(this.lexicon, e.words.stems) : [];
    let services = e.services;
    if (c.intent === 'responsibility' && e.task && services.length === 0) {
      const implied = serviceOfVariants(this.kb, e.task.task, variants);
      if (implied) services = [implied];
    }
    let confidence = c.confidence;
    if (c.intent === 'responsibility' && e.task && ownerContested(this.kb, e.task.task, e.task.contenders, services[0]))
      confidence = Math.min(confidence, CONTESTED_CONFIDENCE);
    return {
      intent: c.intent,
      // Three decimals: rounding to two would lift 0.595 over the 0.6 threshold.
      confidence: Math.round(confidence * 1000) / 1000,
      rule: c.rule,
      services,
      servicesInOrder: services === e.services ? e.servicesInOrder : services,
      task: e.task?.task,
      // The contenders first: they are the readings a "did you mean" should offer.
      taskAlternatives: [...new Set([...(e.task?.contenders ?? []), ...(e.task?.alternatives ?? [])])],
      concepts: e.concepts,
      categories: e.categories,
      followUp,
      why,
      presumedOwner,
      corrected: e.words.corrected.some(Boolean),
      outOfScope: e.outOfScope,
      // Set-ups and the side asked for only matter to a question about a task.
      aspect: e.task ? readAspect(this.lexicon, e) : undefined,
      variants,
    };
  }
}
