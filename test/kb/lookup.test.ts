import type { KnowledgeBase } from '../../src/nlu/knowledge-base';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import { categoryFact, lookupFact, ownersByCategory, type ResolvedFact } from '../../src/kb/lookup';

/** The cell of a task that applies to the service, or a failed test. */
function applied(task: string, service?: string): ResolvedFact {
  const cell = lookupFact(kb, task, service);
  if (!cell.applies) throw new Error(`${task} does not apply to ${service}`);
  return cell;
}
import type { Owner } from '../../src/kb/schema';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase();
});

// Facts of the Shared Responsibility Model that must hold whatever else changes in data/.
const facts: Array<[label: string, task: string, service: string | undefined, owner: Owner]> = [
  ['EC2 guest OS patching', 'guest-os-patching', 'ec2', 'customer'],
  ['RDS database engine patching', 'db-engine-patching', 'rds', 'aws'],
  ['Lambda runtime patching', 'runtime-patching', 'lambda', 'aws'],
  ['S3 encryption at rest (on by default since 2023, your choice of keys)', 'encryption-at-rest', 's3', 'shared'],
  ['EBS encryption at rest', 'encryption-at-rest', 'ebs', 'customer'],
  ['DynamoDB encryption at rest (always on)', 'encryption-at-rest', 'dynamodb', 'aws'],
  ['EKS control plane', 'control-plane', 'eks', 'aws'],
  ['EKS worker nodes', 'worker-nodes', 'eks', 'customer'],
  ['Fargate worker nodes', 'worker-nodes', 'fargate', 'aws'],
  ['Outposts physical security (the rack is on your site)', 'physical-security', 'outposts', 'customer'],
  ['physical security, no service', 'physical-security', undefined, 'aws'],
  ['patch management, no service', 'patch-management', undefined, 'shared'],
  ['KMS customer-managed key rotation', 'key-management', 'kms', 'customer'],
  ['AWS managed keys, no service', 'aws-managed-keys', undefined, 'aws'],
  ['AWS managed keys in KMS', 'aws-managed-keys', 'kms', 'aws'],
  ['hypervisor on EC2', 'hypervisor', 'ec2', 'aws'],
  ['IAM on Lambda', 'iam', 'lambda', 'customer'],
  ['customer data in S3', 'customer-data', 's3', 'customer'],
];

test.each(facts)('%s → %s', (_label, task, service, owner) => {
  expect(applied(task, service).owner).toBe(owner);
});

test('a service exception wins over its category and says why', () => {
  const fact = applied('worker-nodes', 'fargate');
  expect(fact.scope).toBe('service');
  expect(fact.reason).toBeTruthy();
  expect(fact.service?.id).toBe('fargate');
  expect(fact.category).toBe('abstracted');
});

test('without an exception the category default applies', () => {
  const fact = applied('guest-os-patching', 'ec2');
  expect(fact.scope).toBe('category');
  expect(fact.reason).toBeUndefined();
  expect(fact.owner).toBe(categoryFact(kb, 'guest-os-patching', 'infrastructure').fact.owner);
});

test('with no service the general rule applies', () => {
  const fact = applied('physical-security');
  expect(fact.scope).toBe('general');
  expect(fact.service).toBeUndefined();
  expect(fact.source).toMatch(/^https:\/\//);
});

test('{service} in the texts is filled with the service name', () => {
  const fact = applied('encryption-at-rest', 'ebs');
  const text = `${fact.aws} ${fact.customer} ${fact.nuance ?? ''}`;
  expect(text).not.toContain('{service}');
});

test('an unknown task or service is a programming error, thrown', () => {
  expect(() => lookupFact(kb, 'no-such-task')).toThrow(/unknown task/);
  expect(() => lookupFact(kb, 'guest-os-patching', 'no-such-service')).toThrow(/unknown service/);
});

test('ownersByCategory for guest-os-patching: customer, aws, aws', () => {
  const rows = ownersByCategory(kb, 'guest-os-patching');
  expect(rows.map((r) => [r.category, r.owner])).toEqual([
    ['infrastructure', 'customer'],
    ['container', 'aws'],
    ['abstracted', 'aws'],
  ]);
  for (const r of rows) expect(r.example?.category).toBe(r.category);
});

test('ownersByCategory for physical-security is aws everywhere', () => {
  expect(ownersByCategory(kb, 'physical-security').map((r) => r.owner)).toEqual(['aws', 'aws', 'aws']);
});
