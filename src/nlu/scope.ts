// Whether a message is outside what whosejob answers, though it uses the words of an AWS question:
// another cloud, on-premises gear, office IT, or a how-to, limits or pricing question. The words are
// data (intents/scope.yaml); this module only weighs them against the AWS names in the message.
import type { KnowledgeBase } from './knowledge-base';
import type { Mention } from './gazetteer';
import { Gazetteer } from './gazetteer';
import { stem, tokenize } from './normalize';

export type OutOfScope =
  | { kind: 'other-cloud'; cloud: string; model: string }
  | { kind: 'on-premises' }
  | { kind: 'office-it' }
  | { kind: 'how-to' }
  | { kind: 'limits' }
  | { kind: 'pricing' }
  /** A task asked about a name the bot does not know ("who patches zzzz?"): no owner is a guess. */
  | { kind: 'unknown-service'; name: string };

export interface ScopeWords {
  phrases: Gazetteer;
  clouds: ReadonlyMap<string, { name: string; model: string }>;
  generic: ReadonlySet<string>; // stemmed phrase keys of open-source names
  hybrid: ReadonlySet<string>;
}

const key = (phrase: string): string => tokenize(phrase).map(stem).join(' ');

export function buildScopeWords(kb: KnowledgeBase, remember: (phrase: string) => string[]): ScopeWords {
  const g = new Gazetteer();
  const clouds = new Map<string, { name: string; model: string }>();
  kb.scope.otherClouds.forEach((c, i) => {
    clouds.set(`cloud${i}`, { name: c.name, model: c.model });
    for (const cue of c.cues) g.add(remember(cue), { kind: 'cue', id: `cloud${i}` });
  });
  const lists: Array<[string, string[]]> = [
    ['aws', kb.scope.awsWords],
    ['on-premises', kb.scope.onPremises],
    ['office-it', kb.scope.officeIt],
    ['how-to', kb.scope.howTo],
    ['limits', kb.scope.limits],
    ['pricing', kb.scope.pricing],
    ['keep', kb.scope.keep],
  ];
  for (const [id, phrases] of lists) for (const p of phrases) g.add(remember(p), { kind: 'cue', id });
  return { phrases: g, clouds, generic: new Set(kb.scope.genericNames.map(key)), hybrid: new Set(kb.scope.hybridServices) };
}

/** Reads the scope of a message from its stems and the services found in it. */
export function readScope(words: ScopeWords, stems: readonly string[], serviceMentions: readonly Mention[]): OutOfScope | undefined {
  const found = new Set(words.phrases.scan(stems).map((m) => m.id));
  if (found.size === 0) return undefined;
  const awsWord = found.has('aws');
  // A service named by an AWS product name, not by the open-source technology it runs.
  const awsProduct = serviceMentions.some((m) => !words.generic.has(stems.slice(m.start, m.end).join(' ')));
  const cloud = [...found].find((id) => words.clouds.has(id));
  if (cloud && !awsWord && !awsProduct) { const c = words.clouds.get(cloud)!; return { kind: 'other-cloud', cloud: c.name, model: c.model }; }
  const hybrid = serviceMentions.some((m) => words.hybrid.has(m.id));
  if (found.has('on-premises') && !awsWord && !awsProduct && !hybrid) return { kind: 'on-premises' };
  if (found.has('office-it') && !awsWord && serviceMentions.length === 0) return { kind: 'office-it' };
  if (found.has('keep')) return undefined;
  for (const kind of ['pricing', 'limits', 'how-to'] as const) if (found.has(kind)) return { kind };
  return undefined;
}
