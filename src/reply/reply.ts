// The platform-neutral reply every adapter renders: a small tree of plain text, never markup.
// Renderers escape every string, so nothing here (user text included) can become a mention or link.
// This folder imports nothing else of whosejob: it is the vocabulary the core and the adapters share.
import type { Action } from './action';

export const OWNERS = ['aws', 'customer', 'shared'] as const;
export type Owner = (typeof OWNERS)[number];
export const CATEGORIES = ['infrastructure', 'container', 'abstracted'] as const;
export type Category = (typeof CATEGORIES)[number];
export const INTENTS = ['responsibility', 'service', 'concept', 'compare', 'matrix', 'quiz', 'onboarding', 'help', 'smalltalk', 'unknown'] as const;
export type IntentName = (typeof INTENTS)[number];

/** What a reply is, so adapters render it without reading its title. */
export type ReplyKind =
  | 'answer' // a responsibility, service, concept, comparison or matrix answer
  | 'did-you-mean' // unsure of the question: likely readings offered, no owner
  | 'out-of-scope' // another cloud, office IT, how-to, an unknown name
  | 'quiz-question'
  | 'quiz-verdict'
  | 'lesson'
  | 'help'
  | 'smalltalk'
  | 'unknown'
  | 'welcome'
  | 'notice'; // a one-line acknowledgement ("Thanks for the feedback!")

export interface Section {
  label: string; // "AWS does", "You do", "Keep in mind"
  text: string;
}

/** A button: a short label to show, and what clicking it does (the full question travels in the action). */
export interface Choice {
  label: string;
  action: Action;
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
  kind: ReplyKind;
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

/** A button that asks a question: `label` is what shows, `question` what is asked (the label by default). */
export const ask = (label: string, question = label): Choice => ({ label, action: { kind: 'ask', question } });

/** A one-line acknowledgement with nothing to click. */
export const notice = (text: string): Reply => ({ kind: 'notice', intent: 'unknown', title: text, summary: text, sections: [], choices: [], sources: [], facts: NO_FACTS });
