// Who decides, who chooses, who carries out: one side of a task, read from the question's verb.
import { Bot } from '../../src/conversation/bot';
import { toJsonAnswer } from '../../src/conversation/answer-json';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';

let bot: Bot;
beforeAll(() => {
  bot = new Bot(loadKnowledgeBase());
});
const ask = (q: string) => toJsonAnswer(q, bot.answerOnce(q));

test.each([
  // Always encrypted: switching it on is nobody's job, so the owner stays AWS and no "decision is yours".
  ['msk - do we need to enable encryption at rest on the brokers or is it already on?', 'aws'],
  ['secrets in Secrets Manager: encrypted at rest by default or do we need to turn it on?', 'aws'],
  // Choosing the key among set-ups is the customer's even where AWS owns the task.
  ['who chooses the KMS key used to encrypt an SQS queue', 'customer'],
])('%s → %s', (q, owner) => {
  const a = ask(q);
  expect(a.owner).toBe(owner);
  if (owner === 'aws') expect(a.text).not.toContain('decision is yours');
});

test('a shared task: "who performs the failover" is AWS, "who configures Multi-AZ" the customer', () => {
  expect(ask('Multi-AZ RDS: if the primary dies, who actually performs the failover?').owner).toBe('aws');
  expect(ask('who configures Multi-AZ for RDS').owner).toBe('customer');
});

test('the opening never contradicts the owner line', () => {
  for (const q of ['do we need to enable encryption at rest on ECR?', 'who decides on encryption at rest for DynamoDB?']) {
    const a = ask(q);
    if (a.owner === 'aws') expect(a.text).not.toMatch(/^(Yes\. )?The decision is yours/);
  }
});

test('three or more services each get their owner, in the order named', () => {
  const a = ask('who patches ec2, rds and lambda?');
  expect(a.intent).toBe('compare');
  const row = a.text.split('\n').find((l) => l.includes('Amazon EC2:') && l.includes('AWS Lambda:'))!;
  expect(row).toBeDefined();
  expect(row.indexOf('Amazon EC2')).toBeLessThan(row.indexOf('Amazon RDS'));
  expect(row.indexOf('Amazon RDS')).toBeLessThan(row.indexOf('AWS Lambda'));
  expect(row).toMatch(/Amazon EC2: You .* Amazon RDS: AWS .* AWS Lambda: AWS/);
});
