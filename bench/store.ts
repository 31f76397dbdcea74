// npm run bench:store (also run by npm run bench): the store's turn operations per second on a SQLite
// file and on PostgreSQL, then answers per second through one, two and three replicas (the built
// server, dist/main.js) sharing one PostgreSQL, with the replicas' CPU time per answer — this machine
// has two cores, so the third replica adds contention, not capacity.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/kb/load';
import { openStore } from '../src/store/open';
import type { Store } from '../src/store/store';
import { freshPostgresUrl } from '../test/support/databases';
import { startPostgres, stopPostgres } from '../test/support/postgres';
import { appMention, eventCallback, sign } from '../test/stand-ins/slack-requests';
import { FAKE_BOT_USER_ID, SlackWebApiStandIn } from '../test/stand-ins/slack-web-api';
import { keepAliveAgent, post } from './keep-alive-post';
import { loadQuestions } from './question-set';

const TURNS = 3000;
const EVENTS_PER_RUN = 1500;
const CONCURRENCY_PER_REPLICA = 4;
const SECRET = 'bench-secret';
const CLOCK_TICKS = 100; // USER_HZ on Linux: /proc/<pid>/stat counts CPU time in 1/100 s

const fmt = (n: number, digits = 0): string => n.toFixed(digits);


/** What one chat turn asks of the store: the event id claimed and finished, the state read and written. */
async function storeTurns(store: Store): Promise<{ turnsPerSecond: number; opsPerSecond: number }> {
  const state = JSON.stringify({ lastTaskId: 'patch-management', lastServiceIds: ['rds'], lastExplainable: 'Who is responsible for patch management on Amazon RDS?', touched: 0 });
  const started = process.hrtime.bigint();
  for (let i = 0; i < TURNS; i++) {
    const key = `slack:C${i % 50}:main:U${i % 200}`;
    await store.claimOnce('slack-event', `Ev${i}`, 10_000);
    await store.getState(`c:${key}`);
    await store.putState(`c:${key}`, state);
    await store.finishOnce('slack-event', `Ev${i}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { turnsPerSecond: TURNS / seconds, opsPerSecond: (4 * TURNS) / seconds };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime (fields 14 and 15 of stat)
}

async function startReplica(databaseUrl: string, apiUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'dist', 'main.js')], {
    env: { PATH: process.env.PATH, PORT: String(port), SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: apiUrl, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`replica exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function throughReplicas(count: number, texts: string[], apiUrl: string): Promise<{ perSecond: number; cpuMsPerAnswer: number; non200: number }> {
  const databaseUrl = await freshPostgresUrl();
  const replicas: Array<{ url: string; child: ChildProcess }> = [];
  for (let i = 0; i < count; i++) replicas.push(await startReplica(databaseUrl, apiUrl));
  const requests = Array.from({ length: EVENTS_PER_RUN }, (_, i) => {
    const body = JSON.stringify(eventCallback(appMention({ text: `<@${FAKE_BOT_USER_ID}> ${texts[i % texts.length]}` })));
    return { body, headers: { 'content-type': 'application/json', ...sign(SECRET, body) }, url: new URL(`${replicas[i % count]!.url}/slack/events`) };
  });
  const agent = keepAliveAgent(CONCURRENCY_PER_REPLICA * count);
  // Warm each replica (JIT, the first database connections) before the clock starts.
  for (const r of replicas) for (let i = 0; i < 20; i++) {
    const body = JSON.stringify(eventCallback(appMention({ text: `<@${FAKE_BOT_USER_ID}> who patches rds?` })));
    await post(agent, new URL(`${r.url}/slack/events`), { 'content-type': 'application/json', ...sign(SECRET, body) }, body);
  }
  const cpuBefore = replicas.map((r) => cpuSeconds(r.child.pid!));
  let next = 0;
  let non200 = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY_PER_REPLICA * count }, async () => {
      for (;;) {
        const i = next++;
        if (i >= requests.length) return;
        const r = requests[i]!;
        if ((await post(agent, r.url, r.headers, r.body)) !== 200) non200++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = replicas.reduce((sum, r, i) => sum + cpuSeconds(r.child.pid!) - cpuBefore[i]!, 0);
  agent.destroy();
  await Promise.all(replicas.map((r) => new Promise((resolve) => { r.child.once('exit', resolve); r.child.kill('SIGTERM'); })));
  return { perSecond: EVENTS_PER_RUN / seconds, cpuMsPerAnswer: (1000 * cpu) / EVENTS_PER_RUN, non200 };
}

export async function benchStore(): Promise<void> {
  startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'whosejob-bench-store-'));
  try {
    console.log('\nstore (one chat turn = claim the event, read and write the state, mark the event done):');
    const sqlite = await openStore({ DATABASE_PATH: join(dir, 'bench.db') });
    const s = await storeTurns(sqlite);
    await sqlite.close();
    console.log(`  SQLite file:  ${fmt(s.turnsPerSecond)} turns/s (${fmt(s.opsPerSecond)} operations/s)`);
    const pg = await openStore({ DATABASE_PATH: ':unused:', DATABASE_URL: await freshPostgresUrl() });
    const p = await storeTurns(pg);
    await pg.close();
    console.log(`  PostgreSQL:   ${fmt(p.turnsPerSecond)} turns/s (${fmt(p.opsPerSecond)} operations/s, local socket)`);

    const standIn = new SlackWebApiStandIn();
    const { url: apiUrl } = await standIn.start();
    const texts = loadQuestions(PACKAGE_ROOT).map((q) => q.q);
    console.log(`\nreplicas on one PostgreSQL (${EVENTS_PER_RUN} signed app_mention events each, ${CONCURRENCY_PER_REPLICA} in flight per replica, answered before the 200):`);
    for (const count of [1, 2, 3]) {
      const r = await throughReplicas(count, texts, apiUrl);
      standIn.clear();
      console.log(`  ${count} replica${count > 1 ? 's' : ' '}: ${fmt(r.perSecond)} answers/s, ${fmt(r.cpuMsPerAnswer, 2)} ms CPU per answer${r.non200 ? `, ${r.non200} not 200` : ''}`);
    }
    await standIn.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    stopPostgres();
  }
}

if (require.main === module)
  benchStore().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
