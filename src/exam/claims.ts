// Judges an option that is a claim (statement and benefit items): who it says does what, and whether
// the facts agree. Readings are tried from the most specific to the loosest: the model's own of/in
// split, a canonical statement of data/exam.yaml, AWS providing a feature or recommending a customer
// task, a party relieved of work, then a party said to do a task whose owner the facts give. A claim
// of two clauses ("AWS manages X, and the customer manages Y") holds when each clause holds.
import type { ExamStatement } from '../kb/exam-schema';
import type { KnowledgeBase } from '../nlu/knowledge-base';
import type { Owner } from '../reply/reply';
import type { Ask } from './ask';
import type { Reading, ReadOption } from './option-reading';
import { matchStatement } from './statements';
import { clausesOf, contentWords } from './words';

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
  // "Customers can download AWS's reports" tells what a customer may do, not whose work it is.
  if (/^(the |each |a )?(customers?|company|user|users|you|developers?)\b(?! (?:can|may|could)\b)/.test(subject)) return 'customer';
  return undefined;
}

/**
 * The model's own two-sided statement: AWS is responsible for security OF the cloud, the customer for
 * security IN the cloud. A statement that names both halves is true when it gives each to its side.
 */
export function ofAndIn(text: string): boolean | undefined {
  const s = text.toLowerCase();
  const awsOf = /aws[^,;.]*\bsecurity of the cloud/.test(s);
  const awsIn = /aws[^,;.]*\bsecurity in the cloud/.test(s);
  const custIn = /customer[^,;.]*\bsecurity in the cloud/.test(s);
  const custOf = /customer[^,;.]*\bsecurity of the cloud/.test(s);
  if ((awsOf || custIn) && !(awsIn || custOf)) return true;
  if ((awsIn || custOf) && !(awsOf || custIn)) return false;
  return undefined;
}

/**
 * "It no longer has to replace failed hardware", "the customer is not responsible for the underlying
 * hosts": a party relieved of work says the other party does it.
 */
const RELIEF = /^(.*?)\b(?:no longer (?:has|have|needs?) to|(?:does|do) not (?:have|need) to|without having to|(?:is|are) not responsible for|(?:is|are) released from)\s+(.+)$/i;
const INHERITS = /^(?:the |each |a )?(?:customers?|companies|company|users?|you)\s+(?:can |fully |automatically )*inherits?\s+(.+)$/i;
/** "The customer has no servers or operating systems to patch": the same relief, the work said backwards. */
const NOTHING_TO = /^(.*?)\b(?:has|have) no (.+?) to (\w+)\b/i;
/** AWS offering the means ("AWS provides the security group feature") is true whatever the customer does with them. */
const PROVIDES = /^(?:aws|amazon)\s+(?:provides|offers|makes available)\b.*\b(features?|tools?|options?|capabilit(?:y|ies)|controls?|services?)\b/i;
/** "AWS recommends enabling MFA": true when what it recommends is the customer's to do. */
const RECOMMENDS = /^(?:aws|amazon)\s+(?:recommends|advises|suggests|encourages)\s+(?:that\s+)?(?:customers?\s+|you\s+)?(.+)$/i;

export interface Judged {
  score: number;
  reading?: Reading;
  /** The canonical statement the option was read as, when it was. */
  statement?: ExamStatement;
}

export function judgeClaim(kb: KnowledgeBase, readOption: ReadOption, ask: Ask, text: string): Judged {
  const model = ofAndIn(text);
  if (model !== undefined) return { score: model ? 2 : -1 };
  const st = matchStatement(kb.exam, text, claimedOwner);
  if (st) return { score: st.holds ? 2 : -1, reading: { reason: st.statement.why, sources: [st.statement.source] }, statement: st.statement };
  // "For Amazon EC2, the customer…": the setting belongs to every clause, not a clause of its own.
  const setting = /^(?:for|with|on|in|under|when using|when)\s+[^,;]{1,60},\s*/i.exec(text)?.[0] ?? '';
  const parts = clausesOf(text.slice(setting.length)).map((p) => setting + p);
  if (parts.length > 1) {
    const judged = parts.map((p) => judgeClause(kb, readOption, ask, p));
    const reading = judged.find((j) => j.reading)?.reading;
    if (judged.some((j) => j.score < 0)) return { score: -1, reading: judged.find((j) => j.score < 0)!.reading ?? reading };
    // Every clause that can be judged holds, and the first (the claim's own subject) is one of them.
    if (judged[0]!.score === 2 && judged.every((j) => j.score >= 0)) return { score: 2, reading };
    return { score: 0, reading };
  }
  return judgeClause(kb, readOption, ask, text);
}

function judgeClause(kb: KnowledgeBase, readOption: ReadOption, ask: Ask, text: string): Judged {
  const st = matchStatement(kb.exam, text, claimedOwner);
  if (st) return { score: st.holds ? 2 : -1, reading: { reason: st.statement.why, sources: [st.statement.source] }, statement: st.statement };
  if (PROVIDES.test(text)) return { score: 2, reading: { reason: 'AWS provides the feature; how it is set up and used is the customer’s part.', sources: [] } };
  const rec = RECOMMENDS.exec(text);
  if (rec) {
    const work = readOption(rec[1]!);
    return { score: work.owner === 'customer' ? 2 : 0, reading: work };
  }
  const backwards = NOTHING_TO.exec(text);
  const relief = RELIEF.exec(text) ?? (backwards ? [backwards[0], backwards[1]!, `${backwards[3]} ${backwards[2]}`] : null);
  if (relief) {
    const work = readOption(relief[2]!);
    const doer: Owner = /\b(aws|amazon)\b/i.test(relief[1]!) ? 'customer' : 'aws';
    return { score: against(doer, work), reading: work };
  }
  // "Customers inherit the physical controls of AWS": what is inherited is AWS's to run.
  const inherits = INHERITS.exec(text);
  if (inherits) {
    const work = readOption(inherits[1]!);
    return { score: against('aws', work), reading: work };
  }
  const r = readOption(text);
  const claim = claimedOwner(text);
  return { score: claim ? against(claim, r) : 0, reading: r };
}

/**
 * A party said to do the work, against the facts: 2 when the owner agrees, -1 when not. Owners that
 * depend on a set-up are taken in the usual set-up, and a task with nothing to do on the service (no
 * guest OS on S3) as AWS's, both only partly (1), since the option may mean another set-up.
 */
function against(claim: Owner, r: Reading): number {
  // One party said to do a shared task is half the story: neither true nor false on its own.
  if (r.owner) return claim === r.owner ? 2 : r.owner === 'shared' ? 0 : -1;
  const usual = r.usualOwner ?? (r.notApplicable ? 'aws' : undefined);
  if (!usual || usual === 'shared') return 0;
  return claim === usual ? 1 : -1;
}

/**
 * How much of a statement the stem itself says, for items whose options are all true ("Which advantage
 * of the cloud lets a company deploy in several Regions quickly?"): the shared words of the stem and
 * the statement's wordings and reason, beyond the words every such stem has.
 */
export function relevance(stem: string, statement: ExamStatement): number {
  const words = new Set(contentWords(stem));
  for (const w of contentWords('which following benefit benefits advantage advantages cloud computing aws customer customers company true correct statement model shared responsibility')) words.delete(w);
  const theirs = new Set(contentWords([...statement.says, statement.why].join(' ')));
  let n = 0;
  for (const w of words) if (theirs.has(w)) n++;
  return n;
}
