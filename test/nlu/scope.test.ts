// Out of scope: another cloud, on-premises gear, office IT, how-to, limits and pricing get no owner,
// even when they use the words of an AWS question.
import { Bot } from '../../src/conversation/bot';
import { toJsonAnswer } from '../../src/conversation/answer-json';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';

let bot: Bot;
beforeAll(() => {
  bot = new Bot(loadKnowledgeBase());
});
const ask = (q: string) => toJsonAnswer(q, bot.answerOnce(q));

test.each([
  ['who patches the OS on Azure VMs?', 'Microsoft Azure'],
  ['in GCP, who manages the GKE control plane', 'Google Cloud'],
  ['does OCI patch the hypervisor on bare metal instances?', 'Oracle Cloud'],
  ['on Azure Cache for Redis, who applies security patches?', 'Microsoft Azure'],
])('another cloud: %s → unknown, no owner, its own model linked', (q, cloud) => {
  const a = ask(q);
  expect(a).toMatchObject({ intent: 'unknown', owner: null, service: null });
  expect(a.text).toContain(cloud);
  expect(a.sources.length).toBe(1);
});

test.each([
  'who patches the redis boxes we run on-prem in the basement rack?',
  'who resets my laptop password?',
  'can you reset my Okta password',
  'who fixes the office printer',
])('on-premises or office IT: %s → unknown, no owner', (q) => {
  expect(ask(q)).toMatchObject({ intent: 'unknown', owner: null });
});

test.each([
  ['whats the cli command to turn on versioning on an s3 bucket', 's3'],
  ['how do i create a KMS key in terraform?', 'kms'],
  ['max timeout for a lambda function?', 'lambda'],
  ['how much does guardduty cost for 50 accounts', 'guardduty'],
])('how-to, limits, pricing: %s → unknown, no owner, the service kept', (q, service) => {
  const a = ask(q);
  expect(a).toMatchObject({ intent: 'unknown', owner: null, service: { id: service } });
  expect(a.sources.length).toBeGreaterThan(0);
});

test.each([
  ['we are moving from Azure to AWS: who patches EC2 instances?', 'customer'],
  ['how do we make sure our s3 buckets are encrypted, is that on us?', undefined],
])('AWS named or a who question: %s stays in scope', (q, owner) => {
  const a = ask(q);
  expect(a.intent).toBe('responsibility');
  if (owner) expect(a.owner).toBe(owner);
});

test.each([
  ['who patches zzzz', 'zzzz'],
  ['who encrypts data in snowflake?', 'snowflake'],
  ['who patches the os on foobarx', 'foobarx'],
])('a task asked about a name the bot does not know: %s → unknown, no owner, the name said', (q, name) => {
  const a = ask(q);
  expect(a).toMatchObject({ intent: 'unknown', owner: null, service: null });
  expect(a.text).toContain(`"${name}"`);
});

test.each([
  // An unknown word inside the sentence is English the bot does not know, not a product.
  ['who trains our developers on secure coding', 'shared'],
  ['who patches our boxes', 'customer'],
  ['who patches rds', 'aws'],
])('known words or a known service: %s still gets its owner', (q, owner) => {
  expect(ask(q)).toMatchObject({ intent: 'responsibility', owner });
});

test("a concept question ending in a word the bot does not know stays a concept", () => {
  expect(ask("what's an 'inherited control' in AWS compliance speak?").intent).toBe('concept');
});
