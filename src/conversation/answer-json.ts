// The JSON answer of CONTRACT.md, one per question.
import type { IntentName } from '../nlu/intent-schema';
import type { Owner } from '../kb/schema';
import { plainText } from '../reply/plain-text';
import type { ReplyFacts } from '../reply/reply';
import type { Turn } from './bot';

export interface JsonAnswer {
  question: string;
  intent: IntentName;
  service: ReplyFacts['service'];
  task: ReplyFacts['task'];
  owner: Owner | null;
  /** Present, and false, only when the task does not apply to the service. */
  applies?: false;
  confidence: number;
  text: string;
  sources: string[];
  /** For `exam`: the letters picked (empty when the bot abstains). */
  choices?: string[];
  /** For `exam`: one verdict per option, with why and the pages it rests on. */
  options?: Array<{ letter: string; verdict: 'right' | 'wrong' | 'unknown'; reason: string; sources: string[] }>;
}

export function toJsonAnswer(question: string, turn: Turn): JsonAnswer {
  const { reply, interpretation } = turn;
  return {
    question,
    intent: reply.intent,
    service: reply.facts.service,
    task: reply.facts.task,
    owner: reply.intent === 'responsibility' ? reply.facts.owner : null,
    ...(reply.facts.applies === false ? { applies: false as const } : {}),
    confidence: reply.facts.exam ? reply.facts.exam.confidence : interpretation.confidence,
    text: plainText(reply),
    sources: reply.sources.map((s) => s.url),
    ...(reply.facts.exam ? { choices: reply.facts.exam.choices, options: reply.facts.exam.options } : {}),
  };
}
