// Lambda's runtime update modes as set-ups, and a set-up only one service has naming that service.
import { toJsonAnswer } from '../../src/conversation/answer-json';
import { Bot } from '../../src/conversation/bot';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';

const bot = new Bot(loadKnowledgeBase());
const answer = (q: string) => toJsonAnswer(q, bot.answerOnce(q));

test.each([
  ['our lambda functions use the auto runtime update mode: who applies new runtime versions?', 'aws'],
  ['lambda functions on the function update mode: who gets them onto the patched runtime?', 'shared'],
  ['we set lambda runtime management to manual for these functions. who patches their runtime?', 'customer'],
])('%s → %s', (q, owner) => {
  const a = answer(q);
  expect(a.service?.id).toBe('lambda');
  expect(a.owner).toBe(owner);
});

test('the Manual runtime update mode names Lambda when the question does not', () => {
  const a = answer('functions pinned to the manual runtime update mode: who keeps their runtime patched?');
  expect(a.service?.id).toBe('lambda');
  expect(a.owner).toBe('customer');
});

test('a set-up several services have names none of them', () => {
  // a customer managed key exists on many services' facts: no service is implied
  expect(answer('who rotates a customer managed key used for encryption at rest?').service).toBeNull();
});
