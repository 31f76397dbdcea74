// A copy of the real data/ and intents/ with ONE file broken in one way must report exactly that
// problem, as `file: path: message`, both when the bot loads it and from `whosejob kb check`.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkKnowledge } from '../../src/cli/kb-check';
import { formatProblem } from '../../src/kb/load';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/nlu/knowledge-base';
import { type BrokenCase, copyKnowledge, describeBrokenCopies, type KbCopy, loadProblems, replaceOnce, ROOT, shownIn } from '../support/kb-copy';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase();
  expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true); // the CLI runs from dist/ (npm run build)
});

const serviceIndex = (id: string): number => kb.services.findIndex((s) => s.id === id);
const realYaml = (file: string): Record<string, unknown[]> => parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown[]>;

/** Line number (1-based) of the first line of a text that starts with `prefix`. */
function lineOf(text: string, prefix: string): number {
  const i = text.split('\n').findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with ${prefix}`);
  return i + 1;
}

const CASES: BrokenCase[] = [
  {
    name: 'a service in a category that does not exist',
    breakCopy: (copy) => copy.editYaml('data/services.yaml', (doc) => doc.setIn(['services', serviceIndex('lambda'), 'category'], 'serverless')),
    expected: () => ['data/services.yaml', `services[${serviceIndex('lambda')}].category`, 'Invalid option: expected one of "infrastructure"|"container"|"abstracted"'],
  },
  {
    name: 'a service without its summary (a required field)',
    breakCopy: (copy) => copy.editYaml('data/services.yaml', (doc) => doc.deleteIn(['services', 3, 'summary'])),
    expected: () => ['data/services.yaml', 'services[3].summary', 'Invalid input: expected string, received undefined'],
  },
  {
    name: 'two services with one id',
    breakCopy: (copy) =>
      copy.edit('data/services.yaml', (text) => {
        const ec2 = text.slice(text.indexOf('  - id: ec2\n'), text.indexOf('  - id: ebs\n'));
        return `${text.trimEnd()}\n\n${ec2}`;
      }),
    expected: () => ['data/services.yaml', `services[${kb.services.length}].id`, 'duplicate id "ec2"'],
  },
  {
    name: 'an exception naming a task that does not exist',
    breakCopy: (copy) => copy.editYaml('data/responsibilities.yaml', (doc) => doc.setIn(['exceptions', 0, 'task'], 'no-such-task')),
    expected: () => ['data/responsibilities.yaml', 'exceptions[0].task', 'unknown task "no-such-task"'],
  },
  {
    name: 'a not-applicable entry naming a service that does not exist',
    breakCopy: (copy) => copy.editYaml('data/responsibilities.yaml', (doc) => doc.setIn(['notApplicable', firstServiceEntry(), 'service'], 'nosuch')),
    expected: () => ['data/responsibilities.yaml', `notApplicable[${firstServiceEntry()}].service`, 'unknown service "nosuch"'],
  },
  {
    name: 'a variant id that does not exist',
    breakCopy: (copy) => copy.editYaml('data/responsibilities.yaml', (doc) => doc.setIn(['exceptions', firstWithVariants(), 'variants', 0, 'variant'], 'nosuch')),
    expected: () => ['data/responsibilities.yaml', `exceptions[${firstWithVariants()}].variants[0].variant`, 'unknown variant "nosuch"'],
  },
  {
    name: 'a source that is the .md file behind the page',
    breakCopy: (copy) => copy.editYaml('data/services.yaml', (doc) => doc.setIn(['services', 0, 'source'], kb.services[0]!.source.replace(/\.html$/, '.md'))),
    expected: () => ['data/services.yaml', 'services[0].source', 'must be the published page, not its .md source'],
  },
  {
    name: 'a source in a locale folder',
    breakCopy: (copy) =>
      copy.editYaml('data/services.yaml', (doc) => doc.setIn(['services', 0, 'source'], kb.services[0]!.source.replace('https://docs.aws.amazon.com/', 'https://docs.aws.amazon.com/de_de/'))),
    expected: () => ['data/services.yaml', 'services[0].source', 'must be the canonical English page, without a locale folder'],
  },
  {
    name: 'a YAML syntax error (the file and the line)',
    breakCopy: (copy) =>
      copy.edit('data/tasks.yaml', (text) => {
        const all = text.split('\n');
        all[lineOf(text, '  os: [') - 1] = '  os: operating: system'; // a mapping inside a compact mapping
        return all.join('\n');
      }),
    expected: () => ['data/tasks.yaml', `line ${lineOf(readFileSync(join(ROOT, 'data', 'tasks.yaml'), 'utf8'), '  os: [')}, column 7`, 'Nested mappings are not allowed in compact mappings'],
  },
  {
    name: 'an unknown task in the compared tasks',
    breakCopy: (copy) => copy.editYaml('data/tasks.yaml', (doc) => doc.setIn(['compare', 1], 'nosuch')),
    expected: () => ['data/tasks.yaml', 'compare[1]', 'unknown task "nosuch"'],
  },
  {
    name: 'an unknown task in the quiz tasks',
    breakCopy: (copy) => copy.editYaml('data/tasks.yaml', (doc) => doc.setIn(['quiz', 0], 'nosuch')),
    expected: () => ['data/tasks.yaml', 'quiz[0]', 'unknown task "nosuch"'],
  },
  {
    name: "an unknown task in a category's overview",
    breakCopy: (copy) => copy.editYaml('data/categories.yaml', (doc) => doc.setIn(['categories', 1, 'overview', 0], 'nosuch')),
    expected: () => ['data/categories.yaml', 'categories[1].overview[0]', 'unknown task "nosuch"'],
  },
  {
    name: "an unknown task in a service's overview",
    breakCopy: (copy) => copy.editYaml('data/services.yaml', (doc) => doc.setIn(['services', serviceIndex('rds'), 'overview', 1], 'nosuch')),
    expected: () => ['data/services.yaml', `services[${serviceIndex('rds')}].overview[1]`, 'unknown task "nosuch"'],
  },
  {
    name: 'an empty list of questions to try',
    breakCopy: (copy) => copy.edit('intents/help.yaml', (text) => text.replace(/^showcase:\n(  - .*\n)+/m, 'showcase: []\n')),
    expected: () => ['intents/help.yaml', 'showcase', 'needs at least one question to try'],
  },
  {
    name: 'an alias that points at two services',
    breakCopy: (copy) => copy.edit('data/services.yaml', (text) => replaceOnce(text, '    aliases: [rds, ', '    aliases: [ec2, rds, ')),
    expected: () => ['data/services.yaml', `services[${serviceIndex('rds')}].aliases[0]`, '"ec2" points at two things: service ec2 and service rds'],
  },
  {
    name: 'an unknown service among the hybrid services of scope.yaml',
    breakCopy: (copy) => copy.editYaml('intents/scope.yaml', (doc) => doc.setIn(['hybridServices', 0], 'nosuch')),
    expected: () => ['intents/scope.yaml', 'hybridServices[0]', 'unknown service "nosuch"'],
  },
];

function firstServiceEntry(): number {
  return realYaml('data/responsibilities.yaml').notApplicable!.findIndex((n) => typeof (n as { service?: string }).service === 'string');
}
function firstWithVariants(): number {
  return [...kb.exceptions.values()].findIndex((e) => (e.variants?.length ?? 0) > 0);
}

describeBrokenCopies('one broken file', CASES);

describe('several broken files', () => {
  let copy: KbCopy;
  beforeEach(() => {
    copy = copyKnowledge();
  });
  afterEach(() => copy.remove());

  test('problems in several files are all listed, not just the first', () => {
    copy.editYaml('data/services.yaml', (doc) => doc.setIn(['services', 0, 'source'], 'https://example.com/'));
    copy.editYaml('data/concepts.yaml', (doc) => doc.setIn(['concepts', 0, 'related', 0], 'nosuch'));
    copy.editYaml('intents/scope.yaml', (doc) => doc.setIn(['hybridServices', 0], 'nosuch'));
    expect(loadProblems(copy)).toEqual([
      `${shownIn(copy, 'data/services.yaml')}: services[0].source: must be an AWS documentation page (https://docs.aws.amazon.com/… or https://aws.amazon.com/…)`,
      `${shownIn(copy, 'data/concepts.yaml')}: concepts[0].related[0]: unknown concept "nosuch"`,
      `${shownIn(copy, 'intents/scope.yaml')}: hybridServices[0]: unknown service "nosuch"`,
    ]);
  });

  test.each(['https://example.com/ec2-security.html', 'http://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-security.html', 'not a url'])(
    'a source that is not an AWS https page: %s',
    (url) => {
      copy.editYaml('data/services.yaml', (doc) => doc.setIn(['services', 0, 'source'], url));
      const found = loadProblems(copy);
      expect(found.length).toBeGreaterThan(0);
      for (const l of found) expect(l.startsWith(`${shownIn(copy, 'data/services.yaml')}: services[0].source: `)).toBe(true);
      expect(found.some((l) => l.includes('must be an AWS documentation page'))).toBe(true);
    },
  );

  test('a missing intents folder', () => {
    rmSync(copy.intentsDir, { recursive: true });
    expect(loadProblems(copy)).toEqual([`${shownIn(copy, 'intents/')}: (top): folder not found`]);
  });

  test('kb check and loading agree on every data problem', () => {
    copy.editYaml('data/responsibilities.yaml', (doc) => doc.setIn(['exceptions', 0, 'service'], 'nosuch'));
    expect(checkKnowledge(copy).problems.map(formatProblem)).toEqual(loadProblems(copy));
  });
});
