// The platform-neutral reply every adapter renders: a small tree of plain text, never markup.
// Renderers escape every string, so nothing here (user text included) can become a mention or link.
import type { Category, IntentName, Owner } from '../kb/schema';

export interface Section {
  label: string; // "AWS does", "You do", "Keep in mind"
  text: string;
}

export type ChoiceKind =
  | 'ask' // sends value as a new question
  | 'did-you-mean' // like ask, offered because the bot was unsure
  | 'quiz-answer' // answers the pending quiz question
  | 'lesson'; // moves through onboarding

export interface Choice {
  label: string;
  value: string;
  kind: ChoiceKind;
}

export interface SourceLink {
  title: string;
  url: string;
}

/** What the reply is about, in the terms of the JSON answer of CONTRACT.md. */
export interface ReplyFacts {
  service: { id: string; name: string; category: Category } | null;
  task: { id: string; name: string } | null;
  owner: Owner | null;
  /** False when the task has no object on the service (no guest OS on EBS); absent otherwise. */
  applies?: false;
}

export interface Reply {
  intent: IntentName;
  title: string;
  /** Shown as a badge: who owns the task. Absent when the reply is not a responsibility answer. */
  owner?: Owner;
  /** The first thing a reader sees: the answer in one or two sentences. */
  summary: string;
  sections: Section[];
  choicesLabel?: string; // "Did you mean…?", "Related questions", "Your answer"
  choices: Choice[];
  sources: SourceLink[];
  facts: ReplyFacts;
  /** The question restated so it stands alone ("and for EC2?" → "Who is responsible for … on Amazon EC2?"),
   * for sharing an answer outside its conversation. */
  restated?: string;
}

export const OWNER_LABEL: Record<Owner, string> = { aws: 'AWS', customer: 'You', shared: 'Shared' };
export const OWNER_PHRASE: Record<Owner, string> = {
  aws: 'AWS is responsible',
  customer: 'You (the customer) are responsible',
  shared: 'It is shared between AWS and you',
};

/** Answers with content deserve a 👍 / 👎 pair; greetings, help and quiz prompts do not. */
export const wantsFeedback = (reply: Reply): boolean => ['responsibility', 'service', 'concept', 'compare', 'matrix'].includes(reply.intent);

/** What every platform says after a vote. */
export const FEEDBACK_THANKS = { up: 'Thanks for the feedback!', down: 'Thanks — noted. The team reviews answers marked not helpful.' } as const;

export const NO_FACTS: ReplyFacts = { service: null, task: null, owner: null };

const linkCache = new Map<string, SourceLink>();

/** A title for a source link, from its address, so every link reads as what it is. */
export function sourceLink(url: string): SourceLink {
  const cached = linkCache.get(url);
  if (cached) return cached;
  const link = makeLink(url);
  if (linkCache.size < 2000) linkCache.set(url, link); // the knowledge base has a few hundred addresses
  return link;
}

function makeLink(url: string): SourceLink {
  const path = url.replace(/^https:\/\/[^/]+\//, '').replace(/\.html?$/, '');
  const parts = path.split('/').filter(Boolean);
  const guide = parts[0] ?? 'aws';
  const page = parts[parts.length - 1] ?? guide;
  const title = url.startsWith('https://aws.amazon.com/')
    ? `AWS: ${parts.join(' › ').replace(/-/g, ' ')}`
    : `AWS docs: ${guide.replace(/-/g, ' ')} › ${page.replace(/[-_]/g, ' ')}`;
  return { title, url };
}

export function uniqueSources(urls: Iterable<string>): SourceLink[] {
  return [...new Set(urls)].map(sourceLink);
}

export const ask = (label: string, value = label): Choice => ({ label, value, kind: 'ask' });
