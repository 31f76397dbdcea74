// The real knowledge base loads whole and consistent, and the compiled copy holds the same. What a
// broken copy reports is in broken-copies.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkKnowledge } from '../../src/cli/kb-check';
import { OVERVIEW_TASKS } from '../../src/conversation/answers/service';
import { readCache, writeCache } from '../../src/kb/cache';
import { defaultSources, formatProblem, readKnowledgeFiles } from '../../src/kb/load';
import { lookupFact } from '../../src/kb/lookup';
import { CATEGORIES, OWNERS } from '../../src/kb/schema';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/nlu/knowledge-base';
import { copyKnowledge, type KbCopy } from '../support/kb-copy';

const AWS_PAGE = /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//;

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase(defaultSources(), null); // null: read the YAML, not the compiled cache
});

describe('the real knowledge base', () => {
  test('loads from YAML with services, tasks, the three categories, concepts, quiz and lessons', () => {
    expect(kb.services.length).toBeGreaterThanOrEqual(50);
    expect(kb.tasks.length).toBeGreaterThanOrEqual(30);
    expect([...kb.categories.keys()].sort()).toEqual([...CATEGORIES].sort());
    expect(kb.concepts.length).toBeGreaterThan(0);
    expect(kb.quiz.length).toBeGreaterThan(0);
    expect(kb.lessons.length).toBeGreaterThan(0);
    expect(kb.servicesById.get('rds')?.name).toBe('Amazon RDS');
    expect(kb.servicesById.get('lambda')?.name).toBe('AWS Lambda');
  });

  test('every fact, service, concept, quiz question and lesson rests on an AWS https page', () => {
    const sources: Array<[string, string | undefined]> = [
      ...kb.services.map((s) => [`service ${s.id}`, s.source] as [string, string]),
      ...[...kb.categories.values()].map((c) => [`category ${c.id}`, c.source] as [string, string]),
      ...[...kb.defaults.values()].flatMap((d) => [
        [`defaults ${d.task}.general`, d.general.source] as [string, string],
        ...CATEGORIES.filter((c) => d[c]?.source !== undefined).map((c) => [`defaults ${d.task}.${c}`, d[c]!.source] as [string, string]),
      ]),
      ...[...kb.exceptions.values()].map((e) => [`exception ${e.service}/${e.task}`, e.source] as [string, string]),
      ...kb.concepts.map((c) => [`concept ${c.id}`, c.source] as [string, string]),
      ...kb.quiz.map((q) => [`quiz ${q.id}`, q.source] as [string, string]),
      ...kb.lessons.map((l) => [`lesson ${l.id}`, l.source] as [string, string]),
    ];
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.filter(([, url]) => !AWS_PAGE.test(url ?? ''))).toEqual([]);
  });

  test('every task has defaults', () => {
    expect(kb.tasks.filter((t) => !kb.defaults.has(t.id)).map((t) => t.id)).toEqual([]);
  });

  test('every task resolves to an owner, or to where it lives instead, with and without each service', () => {
    const broken: string[] = [];
    for (const t of kb.tasks)
      for (const s of [undefined, ...kb.services]) {
        const fact = lookupFact(kb, t.id, s?.id);
        if (!fact.applies) {
          if (!fact.where || !AWS_PAGE.test(fact.source) || /\{service\}/.test(fact.where)) broken.push(`${t.id}/${s?.id ?? '-'}`);
          continue;
        }
        if (!OWNERS.includes(fact.owner) || !fact.aws || !fact.customer || !AWS_PAGE.test(fact.source) || /\{service\}/.test(fact.aws + fact.customer + (fact.nuance ?? '')))
          broken.push(`${t.id}/${s?.id ?? '-'}`);
      }
    expect(broken).toEqual([]);
  });

  test('every exception names a real service and task and gives its reason', () => {
    for (const e of kb.exceptions.values()) {
      expect(kb.servicesById.has(e.service)).toBe(true);
      expect(kb.tasksById.has(e.task)).toBe(true);
      expect(e.reason.length).toBeGreaterThan(10);
    }
  });

  test('the lists of tasks that answers walk through name tasks the overview and the comparison can show', () => {
    const overview = new Set(OVERVIEW_TASKS);
    const named = [...[...kb.categories.values()].flatMap((c) => c.overview), ...kb.services.flatMap((s) => s.overview), ...kb.compareTasks];
    expect(named.filter((t) => !overview.has(t))).toEqual([]);
    expect(kb.quizTasks.length).toBeGreaterThan(0);
    expect(kb.showcase.length).toBeGreaterThan(0);
  });

  test('kb check of the real data finds no problem and sums it up', () => {
    const result = checkKnowledge(defaultSources());
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.summary).toMatch(/^ok: \d+ services, \d+ tasks, .*intent examples$/);
  });

  test('the compiled cache (when built) holds the same knowledge as the YAML', () => {
    const cached = loadKnowledgeBase();
    expect(cached.services).toEqual(kb.services);
    expect(cached.tasks).toEqual(kb.tasks);
    expect([...cached.exceptions.keys()]).toEqual([...kb.exceptions.keys()]);
  });
});

describe('the compiled cache', () => {
  let copy: KbCopy;
  let dir: string;
  beforeEach(() => {
    copy = copyKnowledge();
    dir = mkdtempSync(join(tmpdir(), 'whosejob-cache-'));
  });
  afterEach(() => {
    copy.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  test('is used while the sources are unchanged and ignored after any edit', () => {
    const raw = readKnowledgeFiles(copy);
    expect(raw).toBeDefined();
    const file = join(dir, 'knowledge.json');
    writeCache(file, copy, raw!);
    expect(readCache(file, copy)).toEqual(raw);
    copy.edit('data/services.yaml', (text) => `${text}\n# an edit\n`);
    expect(readCache(file, copy)).toBeUndefined();
  });

  test('a damaged cache is ignored', () => {
    const file = join(dir, 'knowledge.json');
    writeFileSync(file, '{ not json');
    expect(readCache(file, copy)).toBeUndefined();
    expect(loadKnowledgeBase(copy, file).services.length).toBe(kb.services.length);
  });
});

describe('formatProblem', () => {
  test('gives "file: path: message", with (top) for a whole-file problem', () => {
    expect(formatProblem({ file: 'data/tasks.yaml', path: 'tasks[2].when[0][1]', message: 'unknown term "x"' })).toBe('data/tasks.yaml: tasks[2].when[0][1]: unknown term "x"');
    expect(formatProblem({ file: 'data/quiz.yaml', path: '', message: 'missing' })).toBe('data/quiz.yaml: (top): missing');
  });
});
