// What a stem asks for: the customer's part, AWS's, a shared or inherited control, a true statement,
// a benefit. The question is read from the stem's last asking sentence ("Configuration management is a
// shared control. Which part of it is the customer's responsibility?" asks for the customer's part),
// and from the whole stem only when that sentence alone says nothing.
export type Ask = 'customer' | 'aws' | 'shared' | 'inherited' | 'statement' | 'benefit' | 'unknown';

/** What the stem asks for. A "NOT" turns a customer question into an AWS one and back. */
const CUSTOMER_WORDS = /customer|\byou(r)?\b|\buser|company|companies|\bteam|organization|organisation|business|developer|\btheir\b/g;
/** AWS as a party; not "Amazon DynamoDB" (a product name) nor "the AWS shared responsibility model". */
const AWS_WORDS = /\baws'?s?\b|amazon web services|amazon's/g;

function readPart(stem: string): Ask {
  const s = stem
    .toLowerCase()
    .replace(/(the )?(aws )?shared responsibility model/g, 'the model')
    .replace(/\baws (account|services?|cloud|management console|region)s?\b/g, 'the $1');
  const negated = /\bnot\b|\bexcept\b/.test(s);
  // "Which statement describes how it is split?" asks for a true statement about a split, not for a shared task.
  if (/\bstatements?\b|how is (it|the responsibility|responsibility|this) (divided|split)|describes? how|misconception|\bmyth\b/.test(s)) return 'statement';
  if (/inherit|(entirely|fully|wholly) by aws/.test(s)) return 'inherited';
  // The model's third kind of control: those only the customer has (zone security, its own services).
  if (/customer[- ]specific/.test(s)) return 'customer';
  if (/shared control|(both|jointly)\b.*\b(aws|customer)|shared between/.test(s)) return 'shared';
  if (/benefit|advantage|\bhow does the model help\b/.test(s)) return 'benefit';
  if (/\b(true|correct|accurate)\b/.test(s)) return 'statement';
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

/** The last sentence that asks something, without the "(Select TWO.)" instruction. */
export function questionOf(stem: string): string {
  const plain = stem.replace(/\(?\b(?:select|choose|pick|mark)\s+(?:one|two|three|four|[1-4])\b\.?\)?/gi, ' ').trim();
  const sentences = plain.split(/(?<=[.?!:])\s+(?=[A-Z"(])/);
  for (let i = sentences.length - 1; i >= 0; i--) if (/\?|\b(which|what|who|how)\b/i.test(sentences[i]!)) return sentences[i]!;
  return plain;
}

export function readAsk(stem: string): Ask {
  const question = questionOf(stem);
  const ask = readPart(question);
  return ask !== 'unknown' || question === stem ? ask : readPart(stem);
}
