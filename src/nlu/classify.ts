// Picks the intent from the entities found and the cues present. The rules read in order; the
// first that applies wins. Entities carry most of the weight because they are what the answer
// needs: a "who" question with no task in it cannot be answered as a responsibility question.
import type { IntentName } from './intent-schema';
import type { Entities } from './entities';

export interface Classification {
  intent: IntentName;
  confidence: number;
  /** Which rule decided, for debugging and tests. */
  rule: string;
}

/** Below this the bot offers "Did you mean…?" instead of answering. */
export const CONFIDENCE_THRESHOLD = 0.6;
/** How close to an example a message must be for an intent with no entities (help, smalltalk…). */
const SIMILARITY_THRESHOLD = 0.5;
const ENTITY_FREE: ReadonlySet<IntentName> = new Set(['quiz', 'onboarding', 'help', 'smalltalk']);
const JOINERS = new Set(['and', 'or', 'vs', 'versus', 'v']);
const OVERVIEW_OPENERS = new Set(['what', 'which', 'how']);
const QUESTION_OPENERS = new Set(['who', 'whose', 'whos']);
/** Intents about the bot itself, and the out-of-scope kinds they override ("how do I use this?"). */
const ABOUT_BOT: readonly IntentName[] = ['help', 'quiz', 'onboarding'];
const QUESTION_KINDS: ReadonlySet<string> = new Set(['how-to', 'limits', 'pricing']);

function servicesJoined(e: Entities): boolean {
  const spans = e.mentions.filter((m) => m.kind === 'service' && e.services.slice(0, 2).some((s) => s.id === m.id));
  spans.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < spans.length; i++) {
    const between = e.words.fixed.slice(spans[i]!.end, spans[i + 1]!.start).filter((w) => !['amazon', 'aws', 'the'].includes(w));
    if (spans[i]!.id !== spans[i + 1]!.id && between.length === 1 && JOINERS.has(between[0]!)) return true;
  }
  return false;
}

/** `similarity` is asked for only when no entity or cue decides, which is rare and the costliest step. */
export function classify(e: Entities, similarity: () => ReadonlyMap<IntentName, number>): Classification {
  const words = e.words.fixed.length;
  if (words === 0) return { intent: 'unknown', confidence: 1, rule: 'empty' };
  // "how do I use this bot?" asks for help, not for a how-to about AWS.
  const aboutBot = e.services.length === 0 && ABOUT_BOT.some((i) => (e.cues.get(i) ?? 0) > 0);
  // An unknown name only matters to a question about a task; it is weighed there.
  const scope = e.outOfScope?.kind === 'unknown-service' ? undefined : e.outOfScope;
  if (scope && !(aboutBot && QUESTION_KINDS.has(scope.kind)))
    return { intent: 'unknown', confidence: 0.9, rule: `out of scope: ${scope.kind}` };
  const cue = (i: IntentName): number => e.cues.get(i) ?? 0;
  const task = e.task;
  const strongTask = task !== undefined && (task.rule.terms.length >= 2 || task.rule.terms[0]!.startsWith('='));
  const nServices = e.services.length;
  const fuzz = (c: number): number => c * (task?.fuzzy ? 0.85 : 1) * (e.fuzzyService ? 0.85 : 1);

  if (cue('unknown') > 0 && !strongTask && !(e.concepts.length > 0 && cue('concept') > 0))
    return { intent: 'unknown', confidence: 0.9, rule: 'off-topic cue' };
  if (cue('matrix') > 0) return { intent: 'matrix', confidence: 0.95, rule: 'matrix cue' };
  if (cue('quiz') > 0) return { intent: 'quiz', confidence: 0.95, rule: 'quiz cue' };
  if (cue('onboarding') > 0 && !task) return { intent: 'onboarding', confidence: 0.9, rule: 'onboarding cue' };

  const twoThings = nServices >= 2 || e.categories.length >= 2;
  if (twoThings && (cue('compare') > 0 || (nServices >= 2 && (!task || servicesJoined(e)))))
    return { intent: 'compare', confidence: fuzz(0.9), rule: 'two services or categories' };

  // "thanks for the help" is a thank-you; the greeting reply lists what the bot can do anyway.
  const politeOnly = cue('smalltalk') > 0 && words <= 6;
  // "help me debug my terraform" asks for help with something else: that is out of scope.
  if (cue('help') > 0 && !politeOnly && !task && nServices === 0 && e.concepts.length === 0 && e.unexplained < 2)
    return { intent: 'help', confidence: 0.95, rule: 'help cue' };

  if (e.concepts.length > 0 && nServices === 0) {
    // "is the hypervisor patched by us?" asks about a task; "what is a hypervisor?" asks for the concept.
    if (task && cue('concept') === 0)
      return { intent: 'responsibility', confidence: fuzz(0.9), rule: 'question about a task that is also a concept' };
    return { intent: 'concept', confidence: 0.9, rule: 'concept named' };
  }
  // "what should we be securing on Amplify?" asks for the overview, not for one vague task.
  const opener = e.words.fixed[0] ?? '';
  if (task?.weak && nServices > 0 && (OVERVIEW_OPENERS.has(opener) || (cue('service') > 0 && !QUESTION_OPENERS.has(opener))))
    return { intent: 'service', confidence: fuzz(0.85), rule: 'overview question with a vague task word' };
  if (task) {
    // A bare "script" or "data" with nothing else known is a weak reading of the question; with
    // several words the bot cannot place, it is more likely a request from another field.
    const supported = strongTask || nServices > 0 || cue('responsibility') > 0;
    if (!supported && e.unexplained >= 3) return { intent: 'unknown', confidence: 0.6, rule: 'weak task among unknown words' };
    if (e.outOfScope) return { intent: 'unknown', confidence: 0.8, rule: 'task asked about a name the bot does not know' };
    const base = supported ? 0.95 : 0.7;
    return { intent: 'responsibility', confidence: fuzz(base), rule: 'task named' };
  }
  if (nServices > 0) return { intent: 'service', confidence: fuzz(0.9), rule: 'service named without a task' };
  if (e.categories.length > 0) return { intent: 'concept', confidence: 0.85, rule: 'category named' };

  if (cue('smalltalk') > 0 && words <= 6) return { intent: 'smalltalk', confidence: 0.9, rule: 'smalltalk cue' };

  let bestIntent: IntentName = 'unknown';
  let best = 0;
  for (const [intent, s] of similarity()) {
    if (ENTITY_FREE.has(intent) && s > best) {
      best = s;
      bestIntent = intent;
    }
  }
  if (best >= SIMILARITY_THRESHOLD) return { intent: bestIntent, confidence: best, rule: 'closest example' };
  return { intent: 'unknown', confidence: 0.8, rule: 'nothing recognised' };
}
