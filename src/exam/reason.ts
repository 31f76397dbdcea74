// Answers a practice-exam item from the same facts as every other answer: what the stem asks for
// (the customer's part, AWS's part, a shared or inherited control, a true statement, a benefit), each
// option read by the matcher as a task (and service) and its owner looked up, then the options that
// fit picked. An option the knowledge base cannot place is said to be outside it; when too few
// options fit clearly, the bot abstains rather than guess.
import { lookupFact } from '../kb/lookup';
import type { Interpreter } from '../nlu/interpret';
import type { KnowledgeBase } from '../nlu/knowledge-base';
import type { Owner } from '../reply/reply';
import { dutyOf } from './duties';
import type { ExamItem } from './parse';
import { matchStatement } from './statements';
import { answerToolItem } from './tool-item';

export type Ask = 'customer' | 'aws' | 'shared' | 'inherited' | 'statement' | 'benefit' | 'unknown';
export type Verdict = 'right' | 'wrong' | 'unknown';

export interface OptionVerdict {
  letter: string;
  text: string;
  verdict: Verdict;
  reason: string;
  sources: string[];
}

export interface ExamAnswer {
  ask: Ask;
  /** The letters picked; empty when the bot abstains. */
  choices: string[];
  options: OptionVerdict[];
  /** 0–1: how sure the pick is (every picked option clearly fits and enough of them do). */
  confidence: number;
}

/** Tasks whose controls a customer inherits whole from AWS (the model's "inherited controls"). */
const INHERITED = new Set(['physical-security', 'hardware', 'media-disposal', 'global-infrastructure', 'hypervisor', 'host-os-patching']);
const NAMES: Record<Owner, string> = { aws: 'AWS', customer: 'the customer', shared: 'AWS and the customer together' };

/** What the stem asks for. A "NOT" turns a customer question into an AWS one and back. */
const CUSTOMER_WORDS = /customer|\byou(r)?\b|\buser|company|companies|\bteam|organization|organisation|business|developer|\btheir\b/g;
/** AWS as a party; not "Amazon DynamoDB" (a product name) nor "the AWS shared responsibility model". */
const AWS_WORDS = /\baws'?s?\b|amazon web services|amazon's/g;

export function readAsk(stem: string): Ask {
  const s = stem
    .toLowerCase()
    .replace(/(the )?(aws )?shared responsibility model/g, 'the model')
    .replace(/\baws (account|services?|cloud|management console|region)s?\b/g, 'the $1');
  const negated = /\bnot\b|\bexcept\b/.test(s);
  if (/inherit/.test(s)) return 'inherited';
  if (/shared control|(both|jointly)\b.*\b(aws|customer)|shared between/.test(s)) return 'shared';
  if (/benefit|advantage|\bhow does the model help\b/.test(s)) return 'benefit';
  if (/statement|\b(true|correct|accurate)\b/.test(s)) return 'statement';
  // The customer goes by many names in a stem: "the company", "the team", "a developer"…
  const duty = /responsib|task|duty|duties|\bown|manage|remain|belong|perform/.test(s);
  const customer = new RegExp(CUSTOMER_WORDS.source).test(s) && duty;
  const aws = new RegExp(AWS_WORDS.source).test(s) && duty;
  // "Which is the customer's responsibility when using AWS?": both words appear; whose responsibility is meant
  // is the owner named nearest the word "responsibility".
  let side: Ask = 'unknown';
  if (customer && !aws) side = 'customer';
  else if (aws && !customer) side = 'aws';
  else if (customer && aws) {
    const r = s.search(/responsib|task|duty|duties|belong|perform/);
    const distance = (words: RegExp): number => Math.min(...[...s.matchAll(words)].map((m) => Math.abs(m.index! - r)));
    side = distance(CUSTOMER_WORDS) <= distance(AWS_WORDS) ? 'customer' : 'aws';
  }
  if (negated && side === 'customer') return 'aws';
  if (negated && side === 'aws') return 'customer';
  return side;
}

/** Who an option says owns its task, when it says so ("AWS is responsible for…", "…is the customer's job"). */
export function claimedOwner(text: string): Owner | undefined {
  const s = text.toLowerCase();
  if (/\b(both|shared|jointly|together)\b/.test(s)) return 'shared';
  const aws = /\b(aws|amazon)\b\s*(is|are|will be|remains)?\s*(fully |solely |entirely )?(responsible|handles?|manages?|patches?|secures?|takes care|owns?|maintains?|provides?|encrypts?|protects?|operates?|controls?|performs?|configures?|updates?)/.test(s) || /(responsibility|job) of aws|aws'?s? (responsibility|job)/.test(s);
  const customer = /\b(customers?|you|the user|users)\b\s*(is|are|must|should|need to)?\s*(fully |solely |entirely )?(responsible|handles?|manages?|patches?|secures?|takes care|owns?|maintains?|configures?|encrypts?|protects?|controls?|performs?|updates?)/.test(s) || /(responsibility|job) of (the )?customer|customer'?s? (responsibility|job)/.test(s);
  if (aws && !customer) return 'aws';
  if (customer && !aws) return 'customer';
  // Otherwise the sentence's subject says who it is about: "AWS writes…", "For EC2, the customer keeps…".
  const subject = s.replace(/^for [^,]{1,60},\s*/, '');
  if (/^(aws|amazon web services|amazon)\b/.test(subject)) return 'aws';
  if (/^(the |each |a )?(customers?|company|user|users|you|developers?)\b/.test(subject)) return 'customer';
  return undefined;
}

/**
 * The model's own two-sided statement: AWS is responsible for security OF the cloud, the customer for
 * security IN the cloud. A statement that names both halves is true when it gives each to its side.
 */
function ofAndIn(text: string): boolean | undefined {
  const s = text.toLowerCase();
  const awsOf = /aws[^,;.]*\bsecurity of the cloud/.test(s);
  const awsIn = /aws[^,;.]*\bsecurity in the cloud/.test(s);
  const custIn = /customer[^,;.]*\bsecurity in the cloud/.test(s);
  const custOf = /customer[^,;.]*\bsecurity of the cloud/.test(s);
  if ((awsOf || custIn) && !(awsIn || custOf)) return true;
  if ((awsIn || custOf) && !(awsOf || custIn)) return false;
  return undefined;
}

interface Reading {
  owner?: Owner;
  taskId?: string;
  reason: string;
  sources: string[];
}

function readOption(kb: KnowledgeBase, interpreter: Interpreter, text: string): Reading {
  const cell = readCell(kb, interpreter, text);
  // The duties of data/exam.yaml name work the task matcher does not know ("screening AWS employees");
  // when both read the option and disagree, neither is trusted.
  const duty = dutyOf(kb.exam, text);
  if (!duty) return cell;
  if (cell.owner && cell.owner !== duty.owner)
    return { reason: `${cell.reason} It also names work that is ${NAMES[duty.owner]}'s, so the option is unclear.`, sources: cell.sources };
  if (cell.owner) return cell;
  return { owner: duty.owner, reason: `${duty.duty.why}`, sources: [duty.duty.source] };
}

function readCell(kb: KnowledgeBase, interpreter: Interpreter, text: string): Reading {
  const interp = interpreter.interpret(text);
  const task = interp.task;
  if (!task || interp.outOfScope || interp.confidence < 0.6) return { reason: 'Outside what I know: no security task of the model that I can place.', sources: [] };
  const service = interp.services[0];
  const cell = lookupFact(kb, task.id, service?.id);
  if (!cell.applies) return { reason: `${task.name} does not apply to ${cell.service.name}.`, sources: [cell.source], taskId: task.id };
  const on = service ? ` on ${service.name}` : '';
  const owner = cell.variants.length > 0 && !interp.variants.length ? undefined : cell.owner;
  if (!owner) return { reason: `${task.name}${on} depends on how it is set up, so the option alone does not settle who owns it.`, sources: [cell.source], taskId: task.id };
  return { owner, taskId: task.id, reason: `${task.name}${on}: ${NAMES[owner]}${owner === 'shared' ? '' : ' is responsible'}.`, sources: [cell.source] };
}

/**
 * "It no longer has to replace failed hardware", "the customer is not responsible for the underlying
 * hosts": a party relieved of work says the other party does it. The work named, and who is relieved.
 */
const RELIEF = /^(.*?)\b(?:no longer (?:has|have|needs?) to|(?:does|do) not (?:have|need) to|without having to|(?:is|are) not responsible for|(?:is|are) released from)\s+(.+)$/i;

interface Judged {
  score: number;
  reading?: Reading;
}

/**
 * A statement or benefit option is judged as a claim, by the first reading that settles it: the model's
 * own of/in split, a canonical statement of data/exam.yaml, a party relieved of work, then a party said
 * to do a task whose owner the facts give.
 */
function judgeClaim(kb: KnowledgeBase, interpreter: Interpreter, ask: Ask, r: Reading, text: string): Judged {
  const model = ofAndIn(text);
  if (model !== undefined) return { score: model ? 2 : -1 };
  const st = matchStatement(kb.exam, text, claimedOwner);
  if (st) return { score: st.holds ? 2 : -1, reading: { reason: st.statement.why, sources: [st.statement.source] } };
  const relief = RELIEF.exec(text);
  if (relief) {
    const work = readOption(kb, interpreter, relief[2]!);
    const doer: Owner = /\b(aws|amazon)\b/i.test(relief[1]!) ? 'customer' : 'aws';
    if (work.owner && work.owner !== 'shared') return { score: work.owner === doer ? 2 : -1, reading: work };
    return { score: 0 };
  }
  const claim = claimedOwner(text) ?? (ask === 'benefit' && /\b(aws|amazon)\b/i.test(text) ? 'aws' : undefined);
  if (!claim || !r.owner) return { score: 0 };
  return { score: claim === r.owner ? 2 : -1 };
}

/** How well an option fits the ask: 2 clearly, 1 partly, 0 unknown, -1 not at all. */
function fit(ask: Ask, r: Reading): number {
  if (!r.owner) return 0;
  switch (ask) {
    case 'customer':
      return r.owner === 'customer' ? 2 : r.owner === 'shared' ? 1 : -1;
    case 'aws':
      return r.owner === 'aws' ? 2 : r.owner === 'shared' ? 1 : -1;
    case 'shared':
      return r.owner === 'shared' ? 2 : -1;
    case 'inherited':
      return r.owner === 'aws' && r.taskId && INHERITED.has(r.taskId) ? 2 : -1;
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

function whoOwns(kb: KnowledgeBase, interpreter: Interpreter, item: ExamItem): ExamAnswer | undefined {
  const owners = item.options.map((o) => ownerOption(o.text));
  if (owners.filter((o) => o !== undefined).length < item.options.length - 1) return undefined;
  const r = readOption(kb, interpreter, item.stem.replace(/^.*?\bwho\b/i, 'who'));
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

export function answerItem(kb: KnowledgeBase, interpreter: Interpreter, item: ExamItem): ExamAnswer {
  const who = whoOwns(kb, interpreter, item);
  if (who) return who;
  const ask = readAsk(item.stem);
  const tools = answerToolItem(kb.exam, item, ask);
  if (tools) return tools;
  const read = item.options.map((o) => {
    const r = readOption(kb, interpreter, o.text);
    if (ask === 'statement' || ask === 'benefit') {
      const j = judgeClaim(kb, interpreter, ask, r, o.text);
      return { option: o, reading: j.reading ?? r, score: j.score };
    }
    return { option: o, reading: r, score: ask === 'unknown' ? 0 : fit(ask, r) };
  });
  const ranked = [...read].sort((a, b) => b.score - a.score);
  const picked = ranked.slice(0, item.pick);
  // Abstain unless every pick fits at least partly and the next option does not fit as well as the last pick
  // (a tie at the cut means the facts cannot tell the options apart).
  const cut = ranked[item.pick];
  const clear = picked.every((p) => p.score >= 1) && (!cut || cut.score < picked[picked.length - 1]!.score);
  const chosen = new Set(clear ? picked.map((p) => p.option.letter) : []);
  const confidence = !clear ? 0 : picked.every((p) => p.score === 2) ? 0.9 : 0.6;
  return {
    ask,
    choices: [...chosen].sort(),
    confidence,
    options: read.map(({ option, reading, score }) => ({
      letter: option.letter,
      text: option.text,
      verdict: !clear || score === 0 ? 'unknown' : chosen.has(option.letter) ? 'right' : 'wrong',
      reason: reading.reason,
      sources: reading.sources,
    })),
  };
}
