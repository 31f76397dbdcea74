// The onboarding course of data/lessons.yaml: big enough to cover the learning objectives, each lesson
// short, closed by a checkpoint from the quiz bank, with questions to try that the bot really answers;
// and each of those rules caught on a made-up fault in a broken copy, when the bot loads it and from
// `whosejob kb check`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { answerOne } from '../../src/cli/ask';
import { Bot } from '../../src/conversation/bot';
import { asksOwner, OWNER_INDEX } from '../../src/kb/fact-questions';
import { checkLessons, lessonWords, MAX_WORDS, MIN_LESSONS, wordCount } from '../../src/kb/lesson-check';
import { formatProblem, type Problem } from '../../src/kb/load';
import { lookupFact } from '../../src/kb/lookup';
import type { Lesson } from '../../src/kb/schema';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/nlu/knowledge-base';
import { type BrokenCase, describeBrokenCopies, type KbCopy, ROOT } from '../support/kb-copy';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase();
  expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true); // the CLI runs from dist/ (npm run build)
});

const LESSONS = 'data/lessons.yaml';
const lessonAt = (id: string): number => {
  const i = kb.lessons.findIndex((l) => l.id === id);
  if (i < 0) throw new Error(`no lesson ${id}`);
  return i;
};

describe('the curriculum', () => {
  test(`at least ${MIN_LESSONS} lessons, one per learning objective, in the order a newcomer takes them`, () => {
    expect(kb.lessons.length).toBeGreaterThanOrEqual(MIN_LESSONS);
    // of vs in, AWS's part, yours, the three categories, the kinds of control, patching and
    // configuration, compliance and Artifact, the common mistakes
    expect(kb.lessons.map((l) => l.id)).toEqual([
      'big-idea',
      'what-aws-does',
      'what-you-do',
      'it-varies-by-service',
      'control-types',
      'shared-controls-basics',
      'compliance-and-artifact',
      'common-mistakes',
    ]);
  });

  test.each(['big-idea', 'what-aws-does', 'what-you-do', 'it-varies-by-service', 'shared-controls-basics', 'compliance-and-artifact'])(
    'the lesson id %s, which stored progress refers to, is still there',
    (id) => {
      expect(kb.lessons.map((l) => l.id)).toContain(id);
    },
  );

  test(`every lesson stays under ${MAX_WORDS} words of goal and step text`, () => {
    for (const l of kb.lessons) expect([l.id, lessonWords(l) < MAX_WORDS]).toEqual([l.id, true]);
  });

  test('every checkpoint is a curated quiz question, and no two lessons share one', () => {
    const curated = new Set(kb.quiz.map((q) => q.id));
    const checks = kb.lessons.map((l) => l.check);
    for (const c of checks) expect(curated.has(c ?? '')).toBe(true);
    expect(new Set(checks).size).toBe(checks.length);
  });

  test("a checkpoint that asks who is responsible has the knowledge base's owner as its answer", () => {
    for (const l of kb.lessons) {
      const q = kb.quiz.find((x) => x.id === l.check)!;
      if (!asksOwner(q.choices) || !q.task) continue;
      const cell = lookupFact(kb, q.task, q.service);
      expect(cell.applies).toBe(true);
      if (cell.applies) expect([q.id, q.answer]).toEqual([q.id, OWNER_INDEX[cell.owner]]);
    }
  });

  test('every lesson offers at least one question to try', () => {
    for (const l of kb.lessons) expect([l.id, l.steps.flatMap((s) => s.tryAsking).length > 0]).toEqual([l.id, true]);
  });

  test('the bot answers every question to try: an answer, not a guess, a clarification or "I don\'t know"', () => {
    const bot = new Bot(kb);
    const weak = kb.lessons
      .flatMap((l) => l.steps.flatMap((s) => s.tryAsking.map((q) => ({ lesson: l.id, answer: answerOne(bot, q) }))))
      .filter(({ answer: a }) => !['responsibility', 'service', 'concept', 'compare', 'matrix'].includes(a.intent) || a.confidence < 0.8 || (a.intent === 'responsibility' && a.owner === null))
      .map(({ lesson, answer: a }) => `${lesson}: "${a.question}" → ${a.intent}, owner ${a.owner}, confidence ${a.confidence}`);
    expect(weak).toEqual([]);
  });
});

describe('counting words', () => {
  const lesson = (goal: string, ...texts: string[]): Pick<Lesson, 'goal' | 'steps'> => ({ goal, steps: texts.map((text) => ({ title: 't', text, tryAsking: [] })) });

  test('words are runs of text between spaces, over the goal and every step', () => {
    expect(wordCount('  AWS patches   the host\nOS. ')).toBe(5);
    expect(lessonWords(lesson('One two.', 'Three four five.', "six-seven, AWS's"))).toBe(7);
  });

  const course = (words: number): Lesson[] =>
    Array.from({ length: MIN_LESSONS }, (_, i) => ({
      id: `lesson-${i}`,
      title: 'A lesson',
      goal: 'word '.repeat(words - 1).trim(),
      steps: [{ title: 'A step', text: 'word', tryAsking: ['who patches rds?'] }],
      check: 'q-one',
      source: 'https://aws.amazon.com/compliance/shared-responsibility-model/',
    }));
  const problemsOf = (lessons: Lesson[]): string[] => {
    const problems: Problem[] = [];
    checkLessons(lessons, new Set(['q-one']), 'data/lessons.yaml', problems);
    return problems.map(formatProblem);
  };

  test(`${MAX_WORDS - 1} words pass; ${MAX_WORDS} do not`, () => {
    expect(problemsOf(course(MAX_WORDS - 1))).toEqual([]);
    expect(problemsOf(course(MAX_WORDS)).slice(0, 1)).toEqual([`data/lessons.yaml: lessons[0]: ${MAX_WORDS} words in its goal and steps; a lesson stays under ${MAX_WORDS}`]);
  });
});

const setIn = (copy: KbCopy, path: unknown[], value: unknown): void => copy.editYaml(LESSONS, (doc) => doc.setIn(['lessons', ...path], value));

/** A text of `n` words that reads as one. */
const words = (n: number): string => Array.from({ length: n }, (_, i) => (i % 10 === 9 ? 'responsibility.' : 'shared')).join(' ');

const CASES: BrokenCase[] = [
  {
    name: `fewer than ${MIN_LESSONS} lessons`,
    breakCopy: (copy) => copy.editYaml(LESSONS, (doc) => doc.deleteIn(['lessons', kb.lessons.length - 1])),
    expected: () => [LESSONS, 'lessons', `the course has ${kb.lessons.length - 1} valid lessons; it needs at least ${MIN_LESSONS}, one per learning objective`],
  },
  {
    name: `a lesson of ${MAX_WORDS} words`,
    breakCopy: (copy) => {
      const l = kb.lessons[lessonAt('what-you-do')]!;
      // Its first step grows until goal and steps come to exactly the limit.
      setIn(copy, [lessonAt('what-you-do'), 'steps', 0, 'text'], words(MAX_WORDS - lessonWords(l) + wordCount(l.steps[0]!.text)));
    },
    expected: () => [LESSONS, `lessons[${lessonAt('what-you-do')}]`, `${MAX_WORDS} words in its goal and steps; a lesson stays under ${MAX_WORDS}`],
  },
  {
    name: 'a checkpoint that is not in the quiz bank',
    breakCopy: (copy) => setIn(copy, [lessonAt('control-types'), 'check'], 'q-no-such-question'),
    expected: () => [LESSONS, `lessons[${lessonAt('control-types')}].check`, 'unknown quiz question "q-no-such-question"'],
  },
  {
    name: 'a lesson without a checkpoint',
    breakCopy: (copy) => copy.editYaml(LESSONS, (doc) => doc.deleteIn(['lessons', lessonAt('common-mistakes'), 'check'])),
    expected: () => [LESSONS, `lessons[${lessonAt('common-mistakes')}].check`, 'needs a checkpoint: the id of a question in data/quiz.yaml'],
  },
  {
    name: 'a lesson without a question to try',
    breakCopy: (copy) => kb.lessons[lessonAt('big-idea')]!.steps.forEach((_, j) => setIn(copy, [lessonAt('big-idea'), 'steps', j, 'tryAsking'], [])),
    expected: () => [LESSONS, `lessons[${lessonAt('big-idea')}].steps`, 'needs at least one question to try (tryAsking) in one of its steps'],
  },
  {
    name: 'two lessons with one id',
    breakCopy: (copy) => setIn(copy, [lessonAt('common-mistakes'), 'id'], 'big-idea'),
    expected: () => [LESSONS, `lessons[${lessonAt('common-mistakes')}].id`, 'duplicate id "big-idea"'],
  },
  {
    name: 'a checkpoint whose question is itself broken (reported once, in the quiz bank, not as unknown too)',
    breakCopy: (copy) => {
      const q = kb.quiz.findIndex((x) => x.id === kb.lessons[lessonAt('compliance-and-artifact')]!.check);
      copy.editYaml('data/quiz.yaml', (doc) => doc.setIn(['questions', q, 'difficulty'], 'tricky'));
    },
    expected: () => [
      'data/quiz.yaml',
      `questions[${kb.quiz.findIndex((x) => x.id === kb.lessons[lessonAt('compliance-and-artifact')]!.check)}].difficulty`,
      'Invalid option: expected one of "easy"|"medium"|"hard"',
    ],
  },
];

describeBrokenCopies('the course, broken', CASES);
