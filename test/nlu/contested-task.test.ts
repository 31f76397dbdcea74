// A task read from word order alone, where another task named just as strongly gives another owner,
// is a guess: the bot asks back (owner null, confidence under the threshold) and offers both readings.
import { toJsonAnswer } from '../../src/conversation/answer-json';
import { Bot } from '../../src/conversation/bot';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import { CONFIDENCE_THRESHOLD } from '../../src/nlu/classify';

const kb = loadKnowledgeBase();
const bot = new Bot(kb);
const interpreter = bot.interpreter;
const answer = (q: string) => toJsonAnswer(q, bot.answerOnce(q));

test('two tasks with different owners, each one word, decided by word order → no owner, both offered', () => {
  // logs (customer) and the hypervisor (AWS), neither tied to the other
  const q = 'who looks after logs for the hypervisor';
  const interp = interpreter.interpret(q);
  expect(interp.confidence).toBeLessThan(CONFIDENCE_THRESHOLD);
  expect(interp.taskAlternatives.map((t) => t.id)).toContain('hypervisor');
  expect(answer(q).owner).toBeNull();
});

test('two tasks with the same owner answer as before', () => {
  // disks and the hypervisor are both AWS's: word order picks, and the owner is right either way
  const a = answer('who takes care of disks for the hypervisor');
  expect(a.owner).toBe('aws');
});

test('things listed together are both asked about: the first is answered', () => {
  expect(answer('who handles the logs and the hypervisor').owner).toBe('customer');
});

test('a word before "who" frames the question and contends with nothing', () => {
  expect(answer('after the breach, who reviews the logs').owner).toBe('customer');
});
