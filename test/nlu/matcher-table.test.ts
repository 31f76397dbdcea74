// The matcher, table-driven: a question as people type it → intent, service, task (and the owner
// the bot then gives). The questions are written for this table, not taken from the eval sets.
import { toJsonAnswer } from '../../src/conversation/answer-json';
import { Bot } from '../../src/conversation/bot';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import type { IntentName } from '../../src/nlu/intent-schema';
import type { Owner } from '../../src/kb/schema';

interface Row {
  q: string;
  intent: IntentName;
  /** The first service the answer is about; null: none; left out: not checked. */
  service?: string | null;
  /** For compare: both services, in any order. */
  services?: [string, string];
  task?: string | null;
  owner?: Owner | null;
}

const responsibility: Row[] = [
  // infrastructure, container and abstracted services, each side of the line
  { q: 'who keeps the hypervisor on ec2 hosts patched', intent: 'responsibility', service: 'ec2', task: 'hypervisor', owner: 'aws' },
  { q: 'who is on the hook for kernel updates on our lightsail box', intent: 'responsibility', service: 'lightsail', task: 'guest-os-patching', owner: 'customer' },
  { q: 'do we need to patch the os of our workspaces desktops', intent: 'responsibility', service: 'workspaces', task: 'guest-os-patching', owner: 'customer' },
  { q: 'who looks after the mysql engine version on rds', intent: 'responsibility', service: 'rds', task: 'db-engine-patching', owner: 'aws' },
  { q: 'who patches the redis engine on elasticache', intent: 'responsibility', service: 'elasticache', task: 'db-engine-patching', owner: 'shared' },
  { q: 'does amazon upgrade the python runtime for lambda functions', intent: 'responsibility', service: 'lambda', task: 'runtime-patching', owner: 'aws' },
  { q: 'is it on us to patch the node groups in eks', intent: 'responsibility', service: 'eks', task: 'worker-nodes', owner: 'customer' },
  { q: 'who runs the kubernetes api server for eks', intent: 'responsibility', service: 'eks', task: 'control-plane', owner: 'aws' },
  { q: 'who patches the hosts under fargate tasks', intent: 'responsibility', service: 'fargate', task: 'host-os-patching', owner: 'aws' },
  { q: 'who patches ECS container instances', intent: 'responsibility', service: 'ecs', task: 'worker-nodes', owner: 'customer' },
  { q: 'who shreds old hard drives from s3', intent: 'responsibility', service: 's3', task: 'media-disposal', owner: 'aws' },
  { q: 'who replaces failed disks behind ebs', intent: 'responsibility', service: 'ebs', task: 'hardware', owner: 'aws' },
  { q: 'who builds the docker images we push to ecr', intent: 'responsibility', service: 'ecr', task: 'container-images', owner: 'customer' },
  { q: 'who manages iam policies for s3', intent: 'responsibility', service: 's3', task: 'iam', owner: 'customer' },
  { q: 'who rotates the db master password in aurora', intent: 'responsibility', service: 'aurora', task: 'database-users', owner: 'customer' },
  { q: 'who sets the bucket policy on s3', intent: 'responsibility', service: 's3', task: 'resource-policies', owner: 'customer' },
  { q: 'who opens ports in the security groups for rds', intent: 'responsibility', service: 'rds', task: 'security-groups', owner: 'customer' },
  { q: 'who configures the network acls on our vpc', intent: 'responsibility', service: 'vpc', task: 'security-groups', owner: 'customer' },
  { q: 'who sets up vpn tunnels to our office', intent: 'responsibility', service: 'site-to-site-vpn', task: 'network-configuration', owner: 'customer' },
  { q: 'who configures waf web acls on api gateway', intent: 'responsibility', service: 'api-gateway', task: 'waf-rules', owner: 'customer' },
  { q: 'who provides shield standard for route 53', intent: 'responsibility', service: 'route53', task: 'ddos-baseline', owner: 'aws' },
  { q: 'who enables sse-kms on sqs queues', intent: 'responsibility', service: 'sqs', task: 'server-side-encryption', owner: 'customer' },
  { q: 'who rotates the customer managed keys in kms', intent: 'responsibility', service: 'kms', task: 'key-management', owner: 'customer' },
  { q: 'is encryption at rest of dynamodb tables automatic', intent: 'responsibility', service: 'dynamodb', task: 'encryption-at-rest', owner: 'aws' },
  { q: 'who turns on tls for elasticache in transit', intent: 'responsibility', service: 'elasticache', task: 'encryption-in-transit', owner: 'customer' },
  { q: 'who guarantees eleven nines durability for s3', intent: 'responsibility', service: 's3', task: 'data-durability', owner: 'aws' },
  { q: 'who keeps an eye on cloudtrail logs', intent: 'responsibility', service: 'cloudtrail', task: 'logging-monitoring', owner: 'customer' },
  { q: 'who makes our app pci compliant on ecs', intent: 'responsibility', service: 'ecs', task: 'application-compliance', owner: 'customer' },
  { q: 'who labels pii in our s3 buckets', intent: 'responsibility', service: 's3', task: 'data-classification', owner: 'customer' },
  { q: 'who classifies sensitive data in dynamodb', intent: 'responsibility', service: 'dynamodb', task: 'data-classification', owner: 'customer' },
  { q: 'who pen tests our ec2 instances', intent: 'responsibility', service: 'ec2', task: 'vulnerability-scanning', owner: 'customer' },
  { q: 'who validates input in our lambda function code', intent: 'responsibility', service: 'lambda', task: 'application-code', owner: 'customer' },
  // no service named: the general rule
  { q: 'who guards the data centres', intent: 'responsibility', service: null, task: 'physical-security', owner: 'aws' },
  { q: 'who turns on mfa for the root user', intent: 'responsibility', service: null, task: 'root-account-mfa', owner: 'customer' },
  { q: 'who keeps our access keys safe', intent: 'responsibility', service: null, task: 'credentials', owner: 'customer' },
  { q: 'who gets the soc 2 reports for aws infrastructure', intent: 'responsibility', service: null, task: 'infrastructure-compliance', owner: 'aws' },
  { q: 'who decides which region stores our customer data', intent: 'responsibility', service: null, task: 'region-choice', owner: 'customer' },
  { q: 'is the hypervisor our problem', intent: 'responsibility', service: null, task: 'hypervisor', owner: 'aws' },
  // the asker's guess does not change the answer
  { q: 'does aws encrypt ebs volumes for us', intent: 'responsibility', service: 'ebs', task: 'encryption-at-rest', owner: 'customer' },
  { q: 'do we have to manage the eks control plane ourselves', intent: 'responsibility', service: 'eks', task: 'control-plane', owner: 'aws' },
  { q: 'is patching the guest os on ec2 our job', intent: 'responsibility', service: 'ec2', task: 'guest-os-patching', owner: 'customer' },
];

const caps: Row[] = [
  { q: 'WHO TURNS ON ENCRYPTION FOR OUR EBS VOLUMES', intent: 'responsibility', service: 'ebs', task: 'encryption-at-rest', owner: 'customer' },
  { q: 'Who Handles Backups For DynamoDB?', intent: 'responsibility', service: 'dynamodb', task: 'backups', owner: 'customer' },
];

const typos: Row[] = [
  { q: 'who pathces the gueset os on ec2', intent: 'responsibility', service: 'ec2', task: 'guest-os-patching', owner: 'customer' },
  { q: 'who is resposible for pathcing the databse engine on rds', intent: 'responsibility', service: 'rds', task: 'db-engine-patching', owner: 'aws' },
  { q: 'who manages the kubernets control plane on eks', intent: 'responsibility', service: 'eks', task: 'control-plane', owner: 'aws' },
  { q: 'who rotaets kms keys', intent: 'responsibility', service: 'kms', task: 'key-management', owner: 'customer' },
];

const markup: Row[] = [
  { q: '<@U0LAN0Z89> who owns iam roles for lambda', intent: 'responsibility', service: 'lambda', task: 'iam', owner: 'customer' },
  { q: '<at>whosejob</at> who encrypts s3 buckets', intent: 'responsibility', service: 's3', task: 'encryption-at-rest', owner: 'shared' },
  { q: ':wave: who handles ddos protection for cloudfront', intent: 'responsibility', service: 'cloudfront', task: 'ddos-baseline', owner: 'aws' },
  { q: 'who&nbsp;patches&nbsp;aurora', intent: 'responsibility', service: 'aurora', owner: 'aws' },
  { q: '<https://aws.amazon.com/compliance/|this page> who is responsible for physical security', intent: 'responsibility', service: null, task: 'physical-security', owner: 'aws' },
];

const otherIntents: Row[] = [
  { q: 'what does inherited control mean in practice', intent: 'concept', service: null, owner: null },
  { q: 'explain shared controls to me', intent: 'concept', service: null, owner: null },
  { q: 'what are abstracted services', intent: 'concept', service: null, owner: null },
  { q: 'rds vs aurora', intent: 'compare', services: ['rds', 'aurora'], owner: null },
  { q: 's3 versus efs', intent: 'compare', services: ['s3', 'efs'], owner: null },
  { q: 'compare lambda with fargate for patching', intent: 'compare', services: ['lambda', 'fargate'], owner: null },
  { q: 'what do i need to secure on s3', intent: 'service', service: 's3', task: null, owner: null },
  { q: 'how is security split for eks', intent: 'service', service: 'eks', task: null, owner: null },
  { q: 'aurora', intent: 'service', service: 'aurora', task: null, owner: null },
  { q: 'teach me the basics', intent: 'onboarding', service: null, owner: null },
  { q: 'can you test me on this stuff', intent: 'quiz', service: null, owner: null },
  { q: 'give me another question', intent: 'quiz', service: null, owner: null },
  { q: 'what can you do for me', intent: 'help', service: null, owner: null },
  { q: 'how do i use this', intent: 'help', service: null, owner: null },
  { q: 'hey there', intent: 'smalltalk', service: null, owner: null },
  { q: 'cheers mate', intent: 'smalltalk', service: null, owner: null },
  { q: 'good bye', intent: 'smalltalk', service: null, owner: null },
];

// Out of scope, several with an AWS word in them: never an owner.
const negatives: Row[] = [
  { q: 'what is the capital of france', intent: 'unknown', service: null, task: null, owner: null },
  { q: 'how much does s3 cost per gb', intent: 'unknown', owner: null },
  { q: 'how much does lambda cost per million requests', intent: 'unknown', owner: null },
  { q: 'what is the price of an m6i instance', intent: 'unknown', owner: null },
  { q: 'who won the football match', intent: 'unknown', owner: null },
  { q: 'book a meeting room for tomorrow', intent: 'unknown', owner: null },
  { q: 'can you recommend a pizza recipe', intent: 'unknown', owner: null },
  { q: 'who founded amazon', intent: 'unknown', owner: null },
  { q: 'translate hello into german', intent: 'unknown', owner: null },
  { q: 'my printer is jammed again', intent: 'unknown', owner: null },
  { q: 'who fixes the coffee machine in the office kitchen', intent: 'unknown', owner: null },
  { q: 'qwertyuiop zxcvbnm', intent: 'unknown', service: null, task: null, owner: null },
];

const table = [...responsibility, ...caps, ...typos, ...markup, ...otherIntents, ...negatives];

let bot: Bot;
beforeAll(() => {
  bot = new Bot(loadKnowledgeBase());
});

test('the table has at least 60 questions, all different', () => {
  expect(table.length).toBeGreaterThanOrEqual(60);
  expect(new Set(table.map((r) => r.q.toLowerCase())).size).toBe(table.length);
});

describe('question → intent, service, task, owner', () => {
  test.each(table.map((row) => [row.q, row] as const))('%s', (_q, row) => {
    const turn = bot.answerOnce(row.q);
    const answer = toJsonAnswer(row.q, turn);
    const got: Partial<Row> = { intent: answer.intent };
    const want: Partial<Row> = { intent: row.intent };
    if (row.service !== undefined) {
      got.service = answer.service?.id ?? null;
      want.service = row.service;
    }
    if (row.services) {
      got.services = [...turn.interpretation.services.map((s) => s.id)].sort() as [string, string];
      want.services = [...row.services].sort() as [string, string];
    }
    if (row.task !== undefined) {
      got.task = answer.task?.id ?? null;
      want.task = row.task;
    }
    if (row.owner !== undefined) {
      got.owner = answer.owner;
      want.owner = row.owner;
    }
    expect(got).toEqual(want);
  });
});

describe('follow-up phrasing is told apart from a question that stands alone', () => {
  test.each(['and for s3?', 'what about lambda', 'same for eks', 'and encryption?', 'and in fargate'])('"%s" leans on the last question', (q) => {
    expect(bot.interpreter.interpret(q).followUp).toBe(true);
  });

  test.each(['who patches rds', 'who guards the data centres', 'who patches the guest os on ec2 instances', 'what is the weather'])(
    '"%s" stands alone',
    (q) => {
      expect(bot.interpreter.interpret(q).followUp).toBe(false);
    },
  );

  test.each(['why?', 'how come', 'are you sure'])('"%s" asks for the reasoning', (q) => {
    const i = bot.interpreter.interpret(q);
    expect({ why: i.why, followUp: i.followUp }).toEqual({ why: true, followUp: false });
  });
});

describe("the asker's guess is noticed", () => {
  test.each([
    ['does aws patch rds', 'aws'],
    ['does amazon encrypt ebs volumes', 'aws'],
    ['do we have to patch the guest os on ec2', 'customer'],
    ['is backing up dynamodb our job', 'customer'],
  ] as const)('%s → presumes %s', (q, presumed) => {
    expect(bot.interpreter.interpret(q).presumedOwner).toBe(presumed);
  });

  test('a neutral question presumes nothing', () => {
    expect(bot.interpreter.interpret('who patches rds').presumedOwner).toBeUndefined();
  });
});

// Regression guard (src/nlu/entities.ts, repairWords): "auto scaling" is glued into "autoscaling" before names
// are looked up, so the official name "Amazon EC2 Auto Scaling" reads as EC2 + Auto Scaling.
test('"what does aws handle for Amazon EC2 Auto Scaling" is about one service, autoscaling', () => {
  const i = bot.interpreter.interpret('what does aws handle for Amazon EC2 Auto Scaling');
  expect({ intent: i.intent, services: i.services.map((s) => s.id) }).toEqual({ intent: 'service', services: ['autoscaling'] });
});
