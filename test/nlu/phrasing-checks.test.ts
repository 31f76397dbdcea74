// intents/ is checked with the matcher's own schemas and against the facts it names; kb check also
// reads every example back through the matcher.
import { checkKnowledge } from '../../src/cli/kb-check';
import { formatProblem } from '../../src/kb/load';
import { Bot } from '../../src/conversation/bot';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/nlu/knowledge-base';
import { cliCheck, copyKnowledge, loadProblems, shownIn, type KbCopy } from '../support/kb-copy';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase();
});

const helpExamples = (): number => kb.intents.find((f) => f.intent === 'help')!.examples.length;

describe('a broken copy of intents/', () => {
  let copy: KbCopy;
  beforeEach(() => {
    copy = copyKnowledge();
  });
  afterEach(() => copy.remove());

  test('an intent example with an unknown slot', () => {
    copy.editYaml('intents/help.yaml', (doc) => doc.addIn(['examples'], 'help me with {widget}'));
    const line = `${shownIn(copy, 'intents/help.yaml')}: examples[${helpExamples()}]: unknown slot {widget}`;
    expect(loadProblems(copy)).toEqual([line]);
    expect(checkKnowledge(copy).problems.map(formatProblem)).toEqual([line]);
  });

  test('an intent example the matcher reads as another intent (kb check reads every example back)', () => {
    copy.editYaml('intents/help.yaml', (doc) => doc.addIn(['examples'], 'who encrypts {service} volumes'));
    const line = `${shownIn(copy, 'intents/help.yaml')}: examples[${helpExamples()}]: "who encrypts {service} volumes" is read as responsibility`;
    expect(loadProblems(copy)).toEqual([]); // loading does not run the matcher over its own examples
    const run = cliCheck(copy);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 1, stdout: `${line}\n` });
  });

  test('questions to try anywhere but help.yaml', () => {
    copy.editYaml('intents/quiz.yaml', (doc) => doc.set('showcase', ['Quiz me']));
    expect(loadProblems(copy)).toEqual([`${shownIn(copy, 'intents/quiz.yaml')}: showcase: only help.yaml lists the questions to try`]);
  });

  test('a help.yaml without questions to try', () => {
    copy.editYaml('intents/help.yaml', (doc) => doc.delete('showcase'));
    expect(loadProblems(copy)).toEqual([`${shownIn(copy, 'intents/help.yaml')}: showcase: missing: the questions offered to try`]);
  });
});

describe('the questions offered to try', () => {
  test('each is understood and answered, never met with help or "I don\'t know"', () => {
    const bot = new Bot(kb);
    for (const q of kb.showcase) {
      const interp = bot.interpreter.interpret(q);
      expect({ q, intent: interp.intent, sure: interp.confidence >= 0.6 }).toEqual({ q, intent: expect.not.stringMatching(/^(help|unknown)$/), sure: true });
    }
  });
});
