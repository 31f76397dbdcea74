// The quiz bank's checks, each caught on a made-up fault: a copy of the real data/ with one thing
// broken reports exactly that problem, as `file: questions[i].field: message`, when the bot loads it
// and from `whosejob kb check`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { factQuestions, OWNER_INDEX, type FactQuestion } from '../../src/kb/fact-questions';
import { formatProblem, type Problem } from '../../src/kb/load';
import { checkQuiz, jaccard, wordSet } from '../../src/kb/quiz-check';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/nlu/knowledge-base';
import { type BrokenCase, describeBrokenCopies, type KbCopy, ROOT } from '../support/kb-copy';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase();
  expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true); // the CLI runs from dist/ (npm run build)
});

const at = (id: string): number => {
  const i = kb.quiz.findIndex((q) => q.id === id);
  if (i < 0) throw new Error(`no quiz question ${id}`);
  return i;
};
const added = (): number => kb.quiz.length; // the index of a question appended to the file
const OWNERS = ['AWS', 'You (the customer)', 'Shared'];

/** A valid question of its own, to append with one thing changed. */
const madeUp = (change: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'q-made-up',
  question: 'Which of these made-up answers belongs to this made-up question about nothing in particular?',
  choices: ['This one', 'That one'],
  answer: 0,
  explanation: 'It is made up for a test.',
  source: 'https://aws.amazon.com/compliance/shared-responsibility-model/',
  difficulty: 'easy',
  tags: ['concepts'],
  ...change,
});
const append = (copy: KbCopy, question: Record<string, unknown>): void =>
  copy.editYaml('data/quiz.yaml', (doc) => doc.addIn(['questions'], doc.createNode(question)));
const setField = (copy: KbCopy, id: string, field: string, value: unknown): void =>
  copy.editYaml('data/quiz.yaml', (doc) => doc.setIn(['questions', at(id), field], value));

const generated = (id: string): FactQuestion => {
  const g = factQuestions(kb).find((q) => q.id === id);
  if (!g) throw new Error(`no generated question ${id}`);
  return g;
};

const QUIZ = 'data/quiz.yaml';

const CASES: BrokenCase[] = [
  {
    name: 'two questions with one id',
    breakCopy: (copy) => append(copy, madeUp({ id: 'q-ec2-guest-os' })),
    expected: () => [QUIZ, `questions[${added()}].id`, 'duplicate id "q-ec2-guest-os"'],
  },
  {
    name: 'a curated question with the id of a question made from the facts',
    breakCopy: (copy) => append(copy, madeUp({ id: 'fact-ec2-hypervisor' })),
    expected: () => [QUIZ, `questions[${added()}].id`, 'id "fact-ec2-hypervisor" is also the id of a question made from the facts'],
  },
  {
    name: 'an answer outside the choices',
    breakCopy: (copy) => append(copy, madeUp({ answer: 2 })),
    expected: () => [QUIZ, `questions[${added()}].answer`, 'answer must point at one of the choices'],
  },
  {
    name: 'the same choice twice',
    breakCopy: (copy) => append(copy, madeUp({ choices: ['This one', 'this one!'] })),
    expected: () => [QUIZ, `questions[${added()}].choices[1]`, 'the same choice as choices[0]'],
  },
  {
    name: 'a question without its difficulty',
    breakCopy: (copy) => copy.editYaml(QUIZ, (doc) => doc.deleteIn(['questions', at('q-lambda-code'), 'difficulty'])),
    expected: () => [QUIZ, `questions[${at('q-lambda-code')}].difficulty`, 'Invalid option: expected one of "easy"|"medium"|"hard"'],
  },
  {
    name: 'a difficulty that is not easy, medium or hard',
    breakCopy: (copy) => setField(copy, 'q-lambda-code', 'difficulty', 'extreme'),
    expected: () => [QUIZ, `questions[${at('q-lambda-code')}].difficulty`, 'Invalid option: expected one of "easy"|"medium"|"hard"'],
  },
  {
    name: 'a question without tags',
    breakCopy: (copy) => setField(copy, 'q-lambda-code', 'tags', []),
    expected: () => [QUIZ, `questions[${at('q-lambda-code')}].tags`, 'Too small: expected array to have >=1 items'],
  },
  {
    name: 'two curated questions that ask the same thing in other letters and punctuation',
    breakCopy: (copy) => append(copy, madeUp({ question: `${kb.quiz[at('q-ec2-guest-os')]!.question.toUpperCase().replace('?', '!?')}` })),
    expected: () => [QUIZ, `questions[${added()}].question`, `nearly the same question as questions[${at('q-ec2-guest-os')}] ("q-ec2-guest-os"): 100 % of their words are shared`],
  },
  {
    name: 'two curated questions that differ in one word',
    breakCopy: (copy) => append(copy, madeUp({ question: kb.quiz[at('q-datacenter-physical-security')]!.question.replace('guards', 'fences') })),
    expected: () => {
      const words = wordSet(kb.quiz[at('q-datacenter-physical-security')]!.question);
      const overlap = jaccard(words, wordSet([...words].join(' ').replace('guards', 'fences')));
      expect(overlap).toBeGreaterThanOrEqual(0.85);
      return [QUIZ, `questions[${added()}].question`, `nearly the same question as questions[${at('q-datacenter-physical-security')}] ("q-datacenter-physical-security"): ${Math.round(100 * overlap)} % of their words are shared`];
    },
  },
  {
    name: 'a curated question that a question made from the facts already asks',
    breakCopy: (copy) => append(copy, madeUp({ question: generated('fact-ec2-hypervisor').question.toLowerCase() })),
    expected: () => [QUIZ, `questions[${added()}].question`, 'nearly the same question as the one made from the facts of ec2/hypervisor ("fact-ec2-hypervisor"): 100 % of their words are shared'],
  },
  {
    name: "a 'who is responsible' answer that is not the knowledge base's owner",
    breakCopy: (copy) => setField(copy, 'q-ec2-guest-os', 'answer', 0),
    expected: () => [QUIZ, `questions[${at('q-ec2-guest-os')}].answer`, 'the right choice is "AWS", but the knowledge base\'s owner of guest-os-patching on ec2 is You (the customer)'],
  },
  {
    name: "a question naming only a task, answered against the task's general rule",
    breakCopy: (copy) => setField(copy, 'q-region-choice', 'answer', 2),
    expected: () => [QUIZ, `questions[${at('q-region-choice')}].answer`, 'the right choice is "Shared", but the knowledge base\'s owner of region-choice in general is You (the customer)'],
  },
  {
    name: 'a variant question answered with the owner of the cell instead of the variant',
    breakCopy: (copy) => setField(copy, 'q-dynamodb-cmk-disabled', 'answer', OWNER_INDEX.aws),
    expected: () => [QUIZ, `questions[${at('q-dynamodb-cmk-disabled')}].answer`, 'the right choice is "AWS", but the knowledge base\'s owner of key-management on dynamodb with customer-managed-key is You (the customer)'],
  },
  {
    name: 'a change of the facts that makes a curated answer wrong',
    breakCopy: (copy) => copy.editYaml('data/responsibilities.yaml', (doc) => doc.setIn(['exceptions', exceptionIndex('fargate', 'worker-nodes'), 'owner'], 'customer')),
    expected: () => [QUIZ, `questions[${at('q-fargate-hosts')}].answer`, 'the right choice is "AWS", but the knowledge base\'s owner of worker-nodes on fargate is You (the customer)'],
  },
  {
    name: 'a variant the fact does not have',
    breakCopy: (copy) => setField(copy, 'q-acm-imported-cert', 'variant', 'fargate'),
    expected: () => [QUIZ, `questions[${at('q-acm-imported-cert')}].variant`, 'the fact for acm/encryption-in-transit has no variant "fargate"'],
  },
  {
    name: 'a variant that does not exist',
    breakCopy: (copy) => setField(copy, 'q-acm-imported-cert', 'variant', 'nosuch'),
    expected: () => [QUIZ, `questions[${at('q-acm-imported-cert')}].variant`, 'unknown variant "nosuch"'],
  },
  {
    name: 'a variant on a question that names no service',
    breakCopy: (copy) => setField(copy, 'q-aws-managed-key-rotation', 'variant', 'aws-managed-key'),
    expected: () => [QUIZ, `questions[${at('q-aws-managed-key-rotation')}].variant`, 'a variant only goes with a service and a task'],
  },
  {
    name: 'a question about a task that does not apply on its service',
    breakCopy: (copy) => append(copy, madeUp({ choices: OWNERS, service: 'ebs', task: 'guest-os-patching' })),
    expected: () => [QUIZ, `questions[${added()}].task`, 'task "guest-os-patching" does not apply on service "ebs", so it has no owner'],
  },
];

function exceptionIndex(service: string, task: string): number {
  const list = (parse(readFileSync(join(ROOT, 'data', 'responsibilities.yaml'), 'utf8')) as { exceptions: Array<{ service: string; task: string }> }).exceptions;
  const i = list.findIndex((e) => e.service === service && e.task === task);
  if (i < 0) throw new Error(`no exception ${service}/${task}`);
  return i;
}

describeBrokenCopies('the quiz bank, broken', CASES);

describe('questions made from the facts, held to the facts', () => {
  const check = (made: FactQuestion[]): string[] => {
    const problems: Problem[] = [];
    checkQuiz(kb, 'data/quiz.yaml', problems, made);
    return problems.map(formatProblem);
  };

  test('the real ones pass', () => {
    expect(check(factQuestions(kb))).toEqual([]);
  });

  test('a generated answer that is not its fact owner is caught', () => {
    const g = generated('fact-ec2-hypervisor');
    expect(check([{ ...g, answer: OWNER_INDEX.customer }])).toEqual([
      'data/quiz.yaml: generated[fact-ec2-hypervisor].answer: the right choice is "You (the customer)", but the owner the facts give is AWS',
    ]);
  });

  test("a generated variant question answered with the cell's owner instead of the variant's is caught", () => {
    const g = generated('fact-eks-worker-nodes-fargate');
    expect(check([{ ...g, answer: OWNER_INDEX.customer }])).toEqual([
      'data/quiz.yaml: generated[fact-eks-worker-nodes-fargate].answer: the right choice is "You (the customer)", but the owner the facts give is AWS',
    ]);
  });

  test('two generated questions with one id are caught', () => {
    const g = generated('fact-ec2-hypervisor');
    expect(check([g, { ...g }])).toEqual(['data/quiz.yaml: generated[fact-ec2-hypervisor].id: two questions made from the facts share the id "fact-ec2-hypervisor"']);
  });

  test('a generated question about a cell where the task does not apply is caught', () => {
    const g = generated('fact-ec2-hypervisor');
    expect(check([{ ...g, id: 'fact-ebs-guest-os-patching', service: 'ebs', task: 'guest-os-patching' }])).toEqual([
      'data/quiz.yaml: generated[fact-ebs-guest-os-patching]: task "guest-os-patching" does not apply on service "ebs", so it has no owner',
    ]);
  });
});
