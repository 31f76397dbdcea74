// data/exam.yaml is checked like every data file: a copy broken one way reports exactly that problem
// as `file: path: message`, on load and through `whosejob kb check`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/nlu/knowledge-base';
import { type BrokenCase, describeBrokenCopies, ROOT } from '../support/kb-copy';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase();
  expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true); // the CLI runs from dist/ (npm run build)
});

const toolIndex = (id: string): number => kb.exam.tools.findIndex((t) => t.id === id);

test('the exam data is loaded with every part: duties, statements (true and false) and tools', () => {
  expect(kb.exam.duties.length).toBeGreaterThanOrEqual(10);
  expect(kb.exam.statements.some((s) => s.holds)).toBe(true);
  expect(kb.exam.statements.some((s) => !s.holds)).toBe(true);
  expect(kb.exam.tools.map((t) => t.id)).toEqual(expect.arrayContaining(['artifact', 'config', 'trusted-advisor', 'shield-standard', 'inspector']));
  // Every entry rests on an AWS page (the schema's Source), so every verdict can cite one.
  for (const e of [...kb.exam.duties, ...kb.exam.statements, ...kb.exam.tools]) expect(e.source).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
});

const CASES: BrokenCase[] = [
  {
    name: 'a duty whose owner is not a party of the model',
    breakCopy: (copy) => copy.editYaml('data/exam.yaml', (doc) => doc.setIn(['duties', 0, 'owner'], 'partner')),
    expected: () => ['data/exam.yaml', 'duties[0].owner', 'Invalid option: expected one of "aws"|"customer"|"shared"'],
  },
  {
    name: 'a statement without a source',
    breakCopy: (copy) => copy.editYaml('data/exam.yaml', (doc) => doc.deleteIn(['statements', 2, 'source'])),
    expected: () => ['data/exam.yaml', 'statements[2].source', 'Invalid input: expected string, received undefined'],
  },
  {
    name: 'a statement sourced outside AWS documentation',
    breakCopy: (copy) => copy.editYaml('data/exam.yaml', (doc) => doc.setIn(['statements', 1, 'source'], 'https://example.com/srm')),
    expected: () => ['data/exam.yaml', 'statements[1].source', 'must be an AWS documentation page (https://docs.aws.amazon.com/… or https://aws.amazon.com/…)'],
  },
  {
    name: 'a tool with no cues',
    breakCopy: (copy) => copy.editYaml('data/exam.yaml', (doc) => doc.setIn(['tools', 3, 'cues'], [])),
    expected: () => ['data/exam.yaml', 'tools[3].cues', 'needs at least one cue'],
  },
  {
    name: 'two duties with one id',
    breakCopy: (copy) => copy.editYaml('data/exam.yaml', (doc) => doc.setIn(['duties', 1, 'id'], kb.exam.duties[0]!.id)),
    expected: () => ['data/exam.yaml', 'duties[1].id', `duplicate id "${kb.exam.duties[0]!.id}"`],
  },
  {
    name: 'a tool alias that already names another tool',
    breakCopy: (copy) => copy.editYaml('data/exam.yaml', (doc) => doc.setIn(['tools', toolIndex('macie'), 'aliases', 0], 'AWS Artifact')),
    expected: () => ['data/exam.yaml', `tools[${toolIndex('macie')}].aliases[0]`, '"AWS Artifact" already names tool "artifact"'],
  },
];

describeBrokenCopies('data/exam.yaml broken', CASES);
