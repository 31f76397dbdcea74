// Three real whosejob processes (the built dist/main.js) on one PostgreSQL, behind nothing but this
// test acting as Slack: events go round-robin, each is retried to a *different* replica, one replica is
// killed half-way and its share goes to the others. Every event must be answered exactly once, and a
// follow-up answered by another replica than its question keeps the context.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { freshPostgresUrl } from './support/databases';
import { appMention, eventCallback, fakeTs, JSON_TYPE, postToApp } from './stand-ins/slack-requests';
import { FAKE_BOT_USER_ID, SlackWebApiStandIn } from './stand-ins/slack-web-api';

const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'main.js');
const SECRET = 'replica-secret';
const standIn = new SlackWebApiStandIn();

interface Replica {
  url: string;
  child: ChildProcess;
  log: string[];
}
const replicas: Replica[] = [];

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

/** Resolves when the replica's /healthz answers 200 (its store is open), or fails with its log. */
function ready(r: Replica): Promise<void> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`replica exited with ${code}:\n${r.log.join('')}`));
    r.child.once('exit', onExit);
    const poll = (): void => {
      fetch(`${r.url}/healthz`).then(
        (res) => {
          if (res.ok) {
            r.child.off('exit', onExit);
            resolve();
          } else setImmediate(poll);
        },
        () => setTimeout(poll, 20),
      );
    };
    poll();
  });
}

async function startReplica(databaseUrl: string): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-replica',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: standIn.url,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const r: Replica = { url: `http://127.0.0.1:${port}`, child, log: [] };
  child.stdout!.on('data', (d: Buffer) => r.log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => r.log.push(d.toString()));
  await ready(r);
  return r;
}

const alive = (r: Replica): boolean => r.child.exitCode === null && r.child.signalCode === null;

/** What Slack does: deliver to one replica; if it cannot be reached, retry the same event elsewhere. */
async function deliver(body: string, first: number, retryNum?: number): Promise<number> {
  for (let k = 0; k < replicas.length; k++) {
    const r = replicas[(first + k) % replicas.length]!;
    if (!alive(r)) continue;
    const headers: Record<string, string> = retryNum === undefined ? {} : { 'X-Slack-Retry-Num': String(retryNum), 'X-Slack-Retry-Reason': 'http_timeout' };
    try {
      const res = await postToApp(`${r.url}/slack/events`, { body, contentType: JSON_TYPE, secret: SECRET, headers });
      if (res.status === 200) return (first + k) % replicas.length;
    } catch {
      /* refused: the replica is gone, the next one gets it */
    }
  }
  throw new Error('no replica took the event');
}

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error('the replica test runs the built server: `npm run build` first (npm ci does it)');
  await standIn.start();
  const url = await freshPostgresUrl();
  // Started together: their migrations race on an empty database, which the migration lock settles.
  replicas.push(...(await Promise.all([startReplica(url), startReplica(url), startReplica(url)])));
}, 60_000);

afterAll(async () => {
  for (const r of replicas) if (alive(r)) r.child.kill('SIGKILL');
  await standIn.stop();
});

test('3 replicas, every event retried to another replica, one killed half-way: each answered exactly once, context kept', async () => {
  const events: Array<{ id: string; thread: string; question: string; body: string }> = [];
  const threads = 12;
  for (let t = 0; t < threads; t++) {
    const thread = fakeTs();
    for (const question of ['who patches RDS?', 'and for EC2?']) {
      const ev = eventCallback(appMention({ text: `<@${FAKE_BOT_USER_ID}> ${question}`, user: `U${t}`, thread_ts: thread, ts: fakeTs() }));
      events.push({ id: ev.event_id, thread, question, body: JSON.stringify(ev) });
    }
  }
  const half = events.length / 2;
  for (let i = 0; i < events.length; i++) {
    if (i === half) {
      // Kill one replica mid-run, after what it was given has been answered: its later share goes elsewhere.
      await standIn.waitFor('chat.postMessage', half, 10_000);
      replicas[2]!.child.kill('SIGKILL');
      await new Promise((resolve) => replicas[2]!.child.once('exit', resolve));
    }
    const e = events[i]!;
    // The question and its follow-up go to different replicas, and each retry to yet another one.
    const took = await deliver(e.body, i % 3);
    await deliver(e.body, took + 1, 1);
  }
  await standIn.waitFor('chat.postMessage', events.length, 15_000);
  // Stop the survivors gracefully (SIGTERM drains requests in flight): after this nothing more can arrive.
  const survivors = replicas.filter(alive);
  await Promise.all(survivors.map((r) => new Promise((resolve) => { r.child.once('exit', resolve); r.child.kill('SIGTERM'); })));

  const posts = standIn.callsTo('chat.postMessage');
  expect(posts).toHaveLength(events.length);
  for (const t of new Set(events.map((e) => e.thread))) {
    const inThread = posts.filter((p) => p.args.thread_ts === t).map((p) => String(p.args.text));
    expect(inThread).toHaveLength(2);
    // The follow-up, answered by another replica, is still about patching, now on EC2.
    expect(inThread.some((text) => /EC2/.test(text) && /patch/i.test(text))).toBe(true);
  }
}, 90_000);
