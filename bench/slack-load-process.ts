// The load generator of bench/slack.ts, in a process of its own: it plays Slack, signing app_mention events
// and POSTing them to the app over keep-alive node:http, `concurrency` at a time, and reports the
// time to each acknowledgement (HTTP 200). Slack is another machine in production; keeping the client's CPU
// out of the app's process means the app is measured alone.
import { appMention, eventCallback, sign } from '../test/stand-ins/slack-requests';
import { keepAliveAgent, post } from './keep-alive-post';

export type ToLoad = { cmd: 'run'; id: number; url: string; secret: string; texts: string[]; count: number; offset: number; concurrency: number } | { cmd: 'stop' };

export type FromLoad =
  | { event: 'ready' }
  | { event: 'started'; id: number }
  | { event: 'done'; id: number; seconds: number; latencies: number[]; non200: number; error?: string };

function send(message: FromLoad): void {
  process.send?.(message);
}

async function run(message: Extract<ToLoad, { cmd: 'run' }>): Promise<void> {
  // Signed before the clock starts: the signature is Slack's work, not the app's.
  const requests = Array.from({ length: message.count }, (_, i) => {
    const body = JSON.stringify(eventCallback(appMention({ text: message.texts[(message.offset + i) % message.texts.length]! })));
    return { body, headers: { 'content-type': 'application/json', ...sign(message.secret, body) } };
  });
  const agent = keepAliveAgent(message.concurrency);
  const url = new URL(message.url);
  const latencies = new Array<number>(requests.length);
  let next = 0;
  let non200 = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= requests.length) return;
      const r = requests[i]!;
      const started = performance.now();
      const status = await post(agent, url, r.headers, r.body);
      latencies[i] = performance.now() - started;
      if (status !== 200) non200++;
    }
  };
  send({ event: 'started', id: message.id });
  const started = performance.now();
  await Promise.all(Array.from({ length: message.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  send({ event: 'done', id: message.id, seconds, latencies, non200 });
}

process.on('message', (message: ToLoad) => {
  if (message.cmd === 'stop') process.exit(0);
  run(message).catch((err: unknown) =>
    send({ event: 'done', id: message.id, seconds: 0, latencies: [], non200: 0, error: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
send({ event: 'ready' });
