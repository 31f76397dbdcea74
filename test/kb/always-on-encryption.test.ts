// Services whose own documentation says data at rest is always encrypted, with a key of your own as
// an option: AWS owns encryption at rest, and a customer managed key makes it shared.
import { lookupFact } from '../../src/kb/lookup';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';

const kb = loadKnowledgeBase();

test.each(['x-ray', 'timestream', 'keyspaces', 'lambda'])('encryption at rest on %s → aws, your own key → shared', (service) => {
  const cell = lookupFact(kb, 'encryption-at-rest', service);
  if (!cell.applies) throw new Error(`encryption at rest should apply to ${service}`);
  expect(cell.owner).toBe('aws');
  expect(cell.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  expect(cell.variants.find((v) => v.variant.id === 'customer-managed-key')?.owner).toBe('shared');
});

test('the Redshift admin password managed by Redshift is a set-up of its own', () => {
  const cell = lookupFact(kb, 'database-users', 'redshift');
  if (!cell.applies) throw new Error('database users should apply to Redshift');
  expect(cell.owner).toBe('customer');
  expect(cell.variants.find((v) => v.variant.id === 'managed-password')?.owner).toBe('shared');
});
