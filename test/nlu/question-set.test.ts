// The labelled question set, scored the way ../shared/eval/score.mjs scores the CLI: each line
// answered on its own (as `whosejob ask --json` does), same accepted lists, same service squash rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJsonAnswer, type JsonAnswer } from '../../src/conversation/answer-json';
import { Bot } from '../../src/conversation/bot';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';

interface Case {
  id: string;
  q: string;
  intent?: string | string[];
  owner?: string | string[];
  service?: string | string[] | null;
  tags?: string[];
}

const CASES_FILE = join(__dirname, '..', 'fixtures', 'questions.jsonl');

const squash = (s: unknown): string =>
  String(s ?? '')
    .toLowerCase()
    .replace(/^(amazon|aws)\s+/, '')
    .replace(/[^a-z0-9]/g, '');
const asList = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

interface Score {
  problems: string[];
  wrongOwner: boolean;
  ownerChecked: boolean;
}

/** The checks of score.mjs, case by case. */
function score(c: Case, a: JsonAnswer): Score {
  const problems: string[] = [];
  let wrongOwner = false;
  if (c.intent !== undefined && !asList(c.intent).includes(a.intent)) problems.push(`intent ${a.intent} (want ${asList(c.intent).join('|')})`);
  if (c.service !== undefined) {
    const got = a.service ? [squash(a.service.id), squash(a.service.name)] : [];
    const ok = c.service === null ? got.length === 0 : asList(c.service).some((s) => got.includes(squash(s)));
    if (!ok) problems.push(`service ${a.service ? a.service.name : 'none'} (want ${c.service === null ? 'none' : asList(c.service).join('|')})`);
  }
  if (c.owner !== undefined && !asList(c.owner).includes(a.owner as string)) {
    if (a.owner === null || a.owner === undefined) problems.push(`owner unknown (want ${asList(c.owner).join('|')})`);
    else {
      wrongOwner = true;
      problems.push(`WRONG owner ${a.owner} (want ${asList(c.owner).join('|')})`);
    }
  }
  return { problems, wrongOwner, ownerChecked: c.owner !== undefined };
}

const cases: Case[] = readFileSync(CASES_FILE, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line, i) => {
    try {
      return JSON.parse(line) as Case;
    } catch {
      throw new Error(`${CASES_FILE}:${i + 1}: not JSON`);
    }
  });

let results: Array<{ c: Case; a: JsonAnswer; s: Score }>;

beforeAll(() => {
  const bot = new Bot(loadKnowledgeBase());
  results = cases.map((c) => {
    const q = c.q.replace(/\n/g, ' '); // score.mjs sends one question per line
    const a = toJsonAnswer(q, bot.answerOnce(q));
    return { c, a, s: score(c, a) };
  });
});

test('the question set is there and well formed', () => {
  expect(cases.length).toBeGreaterThanOrEqual(300);
  for (const c of cases) {
    expect(typeof c.id).toBe('string');
    expect(typeof c.q).toBe('string');
  }
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
});

test('pass rate ≥ 95% and wrong-owner rate ≤ 1%', () => {
  const failures = results.filter((r) => r.s.problems.length > 0).map((r) => `${r.c.id}: ${JSON.stringify(r.c.q)} -> ${r.s.problems.join('; ')}`);
  const withOwner = results.filter((r) => r.s.ownerChecked).length;
  const wrong = results.filter((r) => r.s.wrongOwner).length;
  const passRate = (100 * (cases.length - failures.length)) / cases.length;
  const wrongRate = (100 * wrong) / Math.max(1, withOwner);
  const report = `pass ${passRate.toFixed(1)}%, wrong owner ${wrongRate.toFixed(1)}% (${wrong}/${withOwner})\nfailures:\n  ${failures.join('\n  ')}`;
  expect({ passAtLeast95: passRate >= 95, wrongAtMost1: wrongRate <= 1, report }).toEqual({ passAtLeast95: true, wrongAtMost1: true, report });
});

test('every answer has the JSON shape of the contract', () => {
  for (const { a } of results) {
    const keys = Object.keys(a).filter((k) => k !== 'applies').sort();
    expect(keys).toEqual(['confidence', 'intent', 'owner', 'question', 'service', 'sources', 'task', 'text']);
    // "applies" appears only as false, on a task that has no object on the service, and then no owner.
    if ('applies' in a) expect({ applies: a.applies, owner: a.owner }).toEqual({ applies: false, owner: null });
    if (a.intent !== 'responsibility') expect(a.owner).toBeNull();
  }
});
