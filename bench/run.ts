// npm run bench: speed and memory of the answer path, cold start of the CLI, and NLP.js beside it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJsonAnswer } from '../src/conversation/answer-json';
import { Bot } from '../src/conversation/bot';
import { loadKnowledgeBase } from '../src/nlu/knowledge-base';
import { PACKAGE_ROOT } from '../src/kb/load';
import { trainNlpJs } from './nlpjs-baseline';
import { loadQuestions, mixedQuestions } from './question-set';

const MIXED = 2000;
const COLD_RUNS = 10;
const NLP_TIMED = 300;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, digits = 1): string => n.toFixed(digits);
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

function timeAnswers(bot: Bot, questions: readonly string[]): { perSecond: number; p50: number; p99: number } {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  questions.forEach((q) => {
    const t = process.hrtime.bigint();
    toJsonAnswer(q, bot.answerOnce(q));
    latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { perSecond: questions.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

function coldStart(): { ms: number; rssMb: number } {
  const cli = join(PACKAGE_ROOT, 'bin', 'whosejob.js');
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const t = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [cli, 'ask', 'who patches RDS?'], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (run.status !== 0) throw new Error(`cold start run failed: ${run.stderr}`);
  }
  // Peak memory of a process that answers the whole mixed set, measured inside that process.
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const {Bot}=require(${JSON.stringify(join(__dirname, '..', 'src', 'conversation', 'bot.js'))});` +
        `const {loadKnowledgeBase}=require(${JSON.stringify(join(__dirname, '..', 'src', 'nlu', 'knowledge-base.js'))});` +
        `const {toJsonAnswer}=require(${JSON.stringify(join(__dirname, '..', 'src', 'conversation', 'answer-json.js'))});` +
        `const qs=JSON.parse(require('fs').readFileSync(0,'utf8'));const b=new Bot(loadKnowledgeBase());` +
        `for(let r=0;r<5;r++)qs.forEach((q)=>toJsonAnswer(q,b.answerOnce(q)));` +
        `process.stdout.write(String(process.resourceUsage().maxRSS))`,
    ],
    { encoding: 'utf8', input: JSON.stringify(mixedQuestions(loadQuestions(PACKAGE_ROOT), MIXED)) },
  );
  if (probe.status !== 0) throw new Error(`memory probe failed: ${probe.stderr || probe.error?.message}`);
  rss.push(Number(probe.stdout) / 1024);
  return { ms: median(times), rssMb: Math.max(...rss) };
}

const EXAM_ITEMS = 120;

/** Pasted practice-exam items answered per second: parse, read every option, look up, pick. */
function timeExamItems(bot: Bot): number {
  const items = readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', 'exam', 'items.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  for (const t of items) bot.answerOnce(t); // warm-up
  const rounds = 10;
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const t of items) toJsonAnswer(t, bot.answerOnce(t));
  return (rounds * items.length) / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function main(): Promise<void> {
  const kb = loadKnowledgeBase();
  const bot = new Bot(kb);
  const labelled = loadQuestions(PACKAGE_ROOT);
  const questions = mixedQuestions(labelled, MIXED);

  // A running bot answers all day: measure steady state, after two passes have let the JIT settle.
  timeAnswers(bot, questions);
  timeAnswers(bot, questions);
  const ours = timeAnswers(bot, [...questions, ...questions, ...questions]);
  const ourHits = labelled.filter((c) => c.intent.includes(bot.answerOnce(c.q).reply.intent)).length;
  const exam = timeExamItems(bot);

  const nlpjs = await trainNlpJs(kb);
  for (const q of questions.slice(0, 50)) await nlpjs(q); // warm-up
  // NLP.js answers a few questions a second here: time it on the first NLP_TIMED of the same mix.
  const timed = questions.slice(0, NLP_TIMED);
  const started = process.hrtime.bigint();
  for (const q of timed) await nlpjs(q);
  const nlpPerSecond = timed.length / (Number(process.hrtime.bigint() - started) / 1e9);
  let nlpHits = 0;
  for (const c of labelled) if (c.intent.includes(await nlpjs(c.q))) nlpHits++;

  const cold = coldStart();
  const ourAcc = (100 * ourHits) / labelled.length;
  const nlpAcc = (100 * nlpHits) / labelled.length;
  const lines = [
    `whosejob benchmark — node ${process.version}, ${questions.length} mixed questions, ${labelled.length} labelled`,
    '',
    `in-process answers/s      ${fmt(ours.perSecond, 0).padStart(10)}   target >= 20000   ${verdict(ours.perSecond >= 20000)}`,
    `latency p50 (ms)          ${fmt(ours.p50, 4).padStart(10)}`,
    `latency p99 (ms)          ${fmt(ours.p99, 4).padStart(10)}   target < 1        ${verdict(ours.p99 < 1)}`,
    `cold start ask (ms)       ${fmt(cold.ms, 0).padStart(10)}   target < 400      ${verdict(cold.ms < 400)}   (median of ${COLD_RUNS})`,
    `peak RSS (MB)             ${fmt(cold.rssMb, 1).padStart(10)}   target < 120      ${verdict(cold.rssMb < 120)}`,
    '',
    `                          whosejob        NLP.js`,
    `intent accuracy (%)       ${fmt(ourAcc).padStart(8)}      ${fmt(nlpAcc).padStart(8)}   target: at least NLP.js   ${verdict(ourAcc >= nlpAcc)}`,
    `answers/s                 ${fmt(ours.perSecond, 0).padStart(8)}      ${fmt(nlpPerSecond, 0).padStart(8)}   target: 10x NLP.js (${fmt(ours.perSecond / nlpPerSecond)}x)   ${verdict(ours.perSecond >= 10 * nlpPerSecond)}`,
    '',
    `practice-exam items/s     ${fmt(exam, 0).padStart(10)}   (the ${EXAM_ITEMS} blind items of test/fixtures/exam, each option read and looked up)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
