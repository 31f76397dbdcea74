// Answers a practice-exam item from the same facts as every other answer: what the stem asks for
// (the customer's part, AWS's part, a shared or inherited control, a true statement, a benefit), each
// option read as work and its owner (the task matcher and the cells, then the duties, statements and
// tools of data/exam.yaml), then the options that fit picked. An option the knowledge base cannot
// place is said to be outside it; when too few options fit clearly, the bot abstains rather than guess.
import type { ExamStatement } from '../kb/exam-schema';
import type { Interpreter } from '../nlu/interpret';
import type { KnowledgeBase } from '../nlu/knowledge-base';
import type { Owner } from '../reply/reply';
import { questionOf, readAsk, type Ask } from './ask';
import { judgeClaim, relevance } from './claims';
import { optionReader, ownerEverywhere, stemService, type Reading, type ReadOption } from './option-reading';
import type { ExamItem } from './parse';
import { answerToolItem } from './tool-item';

export { readAsk, type Ask } from './ask';
export { claimedOwner } from './claims';

export type Verdict = 'right' | 'wrong' | 'unknown';

export interface OptionVerdict {
  letter: string;
  text: string;
  verdict: Verdict;
  reason: string;
  sources: string[];
  /** How well the option fits the ask, as judged before the pick: 2 clearly, 1 partly, 0 unknown, -1 not at all. */
  fit?: number;
}

export interface ExamAnswer {
  ask: Ask;
  /** The letters picked; empty when the bot abstains. */
  choices: string[];
  options: OptionVerdict[];
  /** 0–1: how sure the pick is (every picked option clearly fits and enough of them do). */
  confidence: number;
}

/** How well an option's owner fits the ask: 2 clearly, 1 partly, 0 unknown, -1 not at all. */
function fit(ask: Ask, r: Reading): number {
  // An owner that depends on a set-up the option does not name: its usual owner fits partly, and a
  // different usual owner rules nothing out.
  if (!r.owner) return r.usualOwner && r.usualOwner !== 'shared' && ask === r.usualOwner ? 1 : 0;
  switch (ask) {
    case 'customer':
      return r.owner === 'customer' ? 2 : r.owner === 'shared' ? 1 : -1;
    case 'aws':
      return r.owner === 'aws' ? 2 : r.owner === 'shared' ? 1 : -1;
    case 'shared':
      return r.owner === 'shared' ? 2 : -1;
    case 'inherited':
      return r.owner === 'aws' && r.inherited ? 2 : -1;
    default:
      return 0;
  }
}

/** Options that are owners ("AWS", "The customer", "Both"): the item asks who owns the stem's task. */
function ownerOption(text: string): Owner | 'other' | undefined {
  const s = text.toLowerCase().replace(/[.,;:]+$/, '').trim();
  if (/^(aws|amazon web services|amazon)( alone| only)?$/.test(s)) return 'aws';
  if (/^(the )?(customer|company|user|you)( alone| only)?$/.test(s)) return 'customer';
  if (/^(both|shared|aws and the customer|the customer and aws|both aws and the customer)\b/.test(s)) return 'shared';
  if (s.split(/\s+/).length <= 12 && /(third[- ]party|auditor|partner|reseller|isp|internet service provider|the customer,|aws,)/.test(s)) return 'other';
  return undefined;
}

function whoOwns(readOption: ReadOption, item: ExamItem): ExamAnswer | undefined {
  const owners = item.options.map((o) => ownerOption(o.text));
  if (owners.filter((o) => o !== undefined).length < item.options.length - 1) return undefined;
  // The question after "who" names the work, else the scene before it does ("A developer made a bucket public. Who…?").
  const asked = readOption(item.stem.replace(/^.*?\bwho\b/i, 'who'));
  const r = asked.owner ? asked : readOption(item.stem);
  const match = r.owner ? item.options.filter((_, i) => owners[i] === r.owner) : [];
  const clear = match.length === 1 && item.pick === 1;
  return {
    ask: r.owner ?? 'unknown',
    choices: clear ? [match[0]!.letter] : [],
    confidence: clear ? 0.9 : 0,
    options: item.options.map((o, i) => ({
      letter: o.letter,
      text: o.text,
      verdict: !clear ? 'unknown' : owners[i] === r.owner ? 'right' : 'wrong',
      reason: owners[i] === r.owner ? r.reason : owners[i] === 'other' ? 'Not a party to the model: it splits the work between AWS and the customer.' : r.reason,
      sources: r.sources,
    })),
  };
}

/**
 * More options hold than the item asks for and each is a known statement: the item asks for the one
 * the stem describes, so the statements the stem says most of stay picked and the rest step back to
 * unknown (true, but not what is asked); without a clear lead nothing changes and the item abstains.
 */
function narrowToTheStem(read: Array<{ score: number; statement?: ExamStatement }>, item: ExamItem): void {
  const holding = read.filter((r) => r.score === 2);
  if (holding.length <= item.pick || holding.some((r) => !r.statement)) return;
  const ranked = holding.map((r) => ({ r, n: relevance(item.stem, r.statement!) })).sort((a, b) => b.n - a.n);
  const last = ranked[item.pick - 1]!.n;
  if (last < 1 || ranked[item.pick]!.n >= last) return;
  for (const { r } of ranked.slice(item.pick)) r.score = 0;
}

/** "Which statement is NOT true?", "Which is NOT a benefit?": the claim that fails is the one asked for. */
const ASKS_FALSE = /\bnot\b|\bexcept\b|\bfalse\b|\bincorrect\b|\binaccurate\b|\bmisconception\b/i;

export function answerItem(kb: KnowledgeBase, interpreter: Interpreter, item: ExamItem): ExamAnswer {
  const readOption = optionReader(kb, interpreter, stemService(interpreter, item.stem));
  const who = whoOwns(readOption, item);
  if (who) return who;
  const ask = readAsk(item.stem);
  const tools = answerToolItem(kb.exam, item, ask);
  if (tools) return tools;
  const claims = ask === 'statement' || ask === 'benefit';
  const flip = claims && ASKS_FALSE.test(questionOf(item.stem));
  const everywhere = /no matter (?:which|what)|regardless of|whichever|every (?:aws )?service|all (?:aws )?services|any (?:aws )?service/i.test(item.stem);
  const read = item.options.map((o) => {
    if (claims) {
      const j = judgeClaim(kb, readOption, ask, o.text);
      const score = flip ? (j.score === 2 ? -1 : j.score === -1 ? 2 : j.score) : j.score;
      return { option: o, reading: j.reading ?? readOption(o.text), score, statement: flip ? undefined : j.statement };
    }
    const r = readOption(o.text);
    let score = ask === 'unknown' ? 0 : fit(ask, r);
    // Asked for what stays with a party on every service, a task whose owner moves with the service fits only partly.
    if (everywhere && score === 2 && r.taskId && (ask === 'customer' || ask === 'aws') && !ownerEverywhere(kb, r.taskId, ask)) score = 1;
    return { option: o, reading: r, score, statement: undefined };
  });
  if (claims) narrowToTheStem(read, item);
  const ranked = [...read].sort((a, b) => b.score - a.score);
  const picked = ranked.slice(0, item.pick);
  // Abstain unless every pick fits at least partly and the next option does not fit as well as the last pick
  // (a tie at the cut means the facts cannot tell the options apart).
  const cut = ranked[item.pick];
  const fits = picked.every((p) => p.score >= 1) && (!cut || cut.score < picked[picked.length - 1]!.score);
  // By elimination: every other option is clearly ruled out and exactly as many as asked are left, as a
  // test taker would; less sure than a pick that fits on its own.
  // An option left over whose task does not apply to the service read ("patching the DynamoDB servers")
  // is work nobody asked of the customer, or a misread service: it never takes a pick this way.
  const left = read.filter((r) => r.score >= 0);
  const eliminated = !fits && left.length === item.pick && read.length - left.length >= 3 && left.every((r) => !r.reading.notApplicable);
  const clear = fits || eliminated;
  const chosen = new Set(fits ? picked.map((p) => p.option.letter) : eliminated ? left.map((p) => p.option.letter) : []);
  const confidence = !clear ? 0 : eliminated ? 0.5 : picked.every((p) => p.score === 2) ? 0.9 : 0.6;
  return {
    ask,
    choices: [...chosen].sort(),
    confidence,
    options: read.map(({ option, reading, score }) => ({
      letter: option.letter,
      text: option.text,
      verdict: !clear || (score === 0 && !eliminated) ? 'unknown' : chosen.has(option.letter) ? 'right' : 'wrong',
      reason: reading.reason,
      sources: reading.sources,
      fit: score,
    })),
  };
}
