import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { checkKnowledge } from '../../src/cli/kb-check';
import { readCache, writeCache } from '../../src/kb/cache';
import type { KnowledgeBase } from '../../src/nlu/knowledge-base';
import { defaultSources, formatProblem, KnowledgeBaseError, type Problem } from '../../src/kb/load';
import { loadKnowledgeBase, readKnowledge } from '../../src/nlu/knowledge-base';
import { lookupFact } from '../../src/kb/lookup';
import { CATEGORIES, OWNERS } from '../../src/kb/schema';
import { copyKnowledge, replaceOnce, ROOT, type KbCopy } from '../support/kb-copy';

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

describe('kb check catches a broken copy of data/ and intents/', () => {
  let copy: KbCopy;
  beforeEach(() => {
    copy = copyKnowledge();
  });
  afterEach(() => copy.remove());

  /** The problems kb check reports; loading the same copy must fail with the data problems too. */
  function problems(): Problem[] {
    const result = checkKnowledge(copy);
    expect(result.problems.length).toBeGreaterThan(0);
    return result.problems;
  }
  function expectLoadToFail(): KnowledgeBaseError {
    try {
      loadKnowledgeBase(copy, null);
    } catch (err) {
      expect(err).toBeInstanceOf(KnowledgeBaseError);
      return err as KnowledgeBaseError;
    }
    throw new Error('loadKnowledgeBase accepted broken data');
  }
  const lines = (ps: Problem[]): string[] => ps.map(formatProblem);
  /** How kb check names a file of the copy: relative to the working directory, like every problem. */
  const shown = (file: string): string => relative(process.cwd(), join(file.startsWith('intents/') ? copy.intentsDir : copy.dataDir, file.replace(/^(data|intents)\//, '')));

  /** Line number (1-based) of the first line of a file that starts with `prefix`. */
  function lineOf(text: string, prefix: string): number {
    const i = text.split('\n').findIndex((l) => l.startsWith(prefix));
    if (i < 0) throw new Error(`no line starts with ${prefix}`);
    return i + 1;
  }

  let syntaxLine = 0;
  function breakYamlSyntax(): void {
    copy.edit('data/tasks.yaml', (text) => {
      syntaxLine = lineOf(text, '  os: [');
      const all = text.split('\n');
      all[syntaxLine - 1] = '  os: operating: system'; // a mapping inside a compact mapping
      return all.join('\n');
    });
  }

  test('a YAML syntax error names the file', () => {
    breakYamlSyntax();
    const found = problems();
    expect(found.some((p) => p.file.endsWith(join('data', 'tasks.yaml')) && /mapping/i.test(p.message))).toBe(true);
    expect(expectLoadToFail().problems).toEqual(found);
  });

  // Regression guard (src/kb/load.ts, readYaml): the YAML is parsed with `prettyErrors: false`, and the yaml
  // library then leaves `linePos` unset, so every syntax error is reported at "(top)" with no line.
  test('a YAML syntax error names the line', () => {
    breakYamlSyntax();
    expect(lines(problems()).filter((l) => l.includes(`line ${syntaxLine}`))).toHaveLength(1);
  });

  test('a missing required field names the file and the path, e.g. services[3].category', () => {
    copy.edit('data/services.yaml', (text) => {
      const all = text.split('\n');
      const starts = all.map((l, i) => (l.startsWith('  - id: ') ? i : -1)).filter((i) => i >= 0);
      const fourth = starts[3]!;
      const category = all.findIndex((l, i) => i > fourth && l.startsWith('    category: '));
      expect(category).toBeLessThan(starts[4]!);
      all.splice(category, 1);
      return all.join('\n');
    });
    const found = problems();
    expect(found).toEqual([expect.objectContaining({ path: 'services[3].category' })]);
    expect(found[0]!.file.endsWith(join('data', 'services.yaml'))).toBe(true);
    expect(formatProblem(found[0]!)).toMatch(/services\.yaml: services\[3\]\.category: .+/);
  });

  test('an unknown task id in an exception', () => {
    copy.edit('data/responsibilities.yaml', (text) => {
      const all = text.split('\n');
      const start = all.indexOf('exceptions:');
      const task = all.findIndex((l, i) => i > start && l.startsWith('    task: '));
      all[task] = '    task: no-such-task';
      return all.join('\n');
    });
    expect(lines(problems())).toEqual([`${shown('data/responsibilities.yaml')}: exceptions[0].task: unknown task "no-such-task"`]);
    expect(expectLoadToFail().message).toContain('unknown task "no-such-task"');
  });

  test('an alias that points at two services', () => {
    const rds = kb.services.findIndex((s) => s.id === 'rds');
    copy.edit('data/services.yaml', (text) => replaceOnce(text, '    aliases: [rds, ', '    aliases: [ec2, rds, '));
    expect(lines(problems())).toEqual([`${shown('data/services.yaml')}: services[${rds}].aliases[0]: "ec2" points at two things: service ec2 and service rds`]);
    expectLoadToFail();
  });

  test.each(['https://example.com/ec2-security.html', 'http://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-security.html', 'not a url'])(
    'a source that is not an AWS https page: %s',
    (url) => {
      const first = kb.services[0]!;
      copy.edit('data/services.yaml', (text) => replaceOnce(text, `source: ${first.source}`, `source: ${url}`));
      const found = problems();
      expect(found.map((p) => p.path)).toEqual(found.map(() => 'services[0].source'));
      expect(found.some((p) => /AWS documentation page/.test(p.message))).toBe(true);
      expectLoadToFail();
    },
  );

  test('problems in several files are all listed, not just the first', () => {
    copy.edit('data/services.yaml', (text) => replaceOnce(text, `source: ${kb.services[0]!.source}`, 'source: https://example.com/'));
    copy.edit('data/concepts.yaml', (text) => replaceOnce(text, 'source: https://', 'source: http://'));
    const files = new Set(problems().map((p) => p.file.split(/[\\/]/).pop()));
    expect([...files].sort()).toEqual(['concepts.yaml', 'services.yaml']);
  });

  test('an intent example with an unknown slot', () => {
    copy.edit('intents/help.yaml', (text) => `${text.trimEnd()}\n  - help me with {widget}\n`);
    const n = kb.intents.find((f) => f.intent === 'help')!.examples.length;
    expect(lines(problems())).toContain(`${shown('intents/help.yaml')}: examples[${n}]: unknown slot {widget}`);
  });

  test('an intent example the matcher reads as another intent', () => {
    copy.edit('intents/help.yaml', (text) => `${text.trimEnd()}\n  - who encrypts {service} volumes\n`);
    const n = kb.intents.find((f) => f.intent === 'help')!.examples.length;
    expect(lines(problems())).toEqual([`${shown('intents/help.yaml')}: examples[${n}]: "who encrypts {service} volumes" is read as responsibility`]);
  });

  test('a missing intents folder', () => {
    rmSync(copy.intentsDir, { recursive: true });
    expect(problems().some((p) => p.message === 'folder not found')).toBe(true);
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
    const raw = readKnowledge(copy);
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

// test/fixtures/broken-kb is a full copy of data/ and intents/ with two faults: a service with
// `category: serverless` and an exception with `service: nosuch`.
describe('whosejob kb check on the committed broken fixture', () => {
  let run: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true); // npm ci builds dist/ (prepare script)
    run = spawnSync(
      process.execPath,
      ['bin/whosejob.js', 'kb', 'check', '--data', 'test/fixtures/broken-kb/data', '--intents', 'test/fixtures/broken-kb/intents'],
      { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
    );
  });

  test('exits 1 with a one-line count on stderr and no stack trace', () => {
    expect(run.status).toBe(1);
    expect(String(run.stderr)).toMatch(/^whosejob: \d+ problems? in the knowledge base\n$/);
  });

  test('lists the bad category as file: path: message', () => {
    expect(String(run.stdout)).toMatch(/^test\/fixtures\/broken-kb\/data\/services\.yaml: services\[\d+\]\.category: .*"abstracted".*$/m);
    for (const line of String(run.stdout).trim().split('\n')) expect(line).toMatch(/^\S+\.yaml: [^:]+: .+$/);
  });

  // Regression guard (src/kb/load.ts + src/cli/kb-check.ts): cross-file checks run only when every file passed its
  // schema, so one bad field hides every unknown id elsewhere; CONTRACT.md says kb check lists every problem.
  test('also lists the exception with service "nosuch"', () => {
    expect(String(run.stdout)).toMatch(/responsibilities\.yaml: exceptions\[\d+\]\.service: unknown service "nosuch"/);
  });
});
