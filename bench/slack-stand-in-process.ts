// The Slack Web API stand-in in a process of its own, driven over IPC by bench/slack.ts.
//
// Slack's Web API is another machine in production; here it is another process, so that parsing and
// validating the (large) Block Kit payloads the bot posts is not billed to the app being measured.
import { SlackWebApiStandIn } from '../test/stand-ins/slack-web-api';

export type ToStandIn =
  | { cmd: 'clear' }
  | { cmd: 'notify'; id: number; method: string; count: number; timeoutMs: number }
  | { cmd: 'stats'; id: number }
  | { cmd: 'stop' };

export type FromStandIn =
  | { event: 'ready'; url: string }
  | { event: 'reached'; id: number; ok: boolean; error?: string }
  | { event: 'stats'; id: number; calls: number; postMessage: number; failed: number; rejected: number };

function send(message: FromStandIn): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const standIn = new SlackWebApiStandIn();
  const { url } = await standIn.start();
  process.on('message', (message: ToStandIn) => {
    switch (message.cmd) {
      case 'clear':
        standIn.clear();
        break;
      case 'notify':
        standIn.waitFor(message.method, message.count, message.timeoutMs).then(
          () => send({ event: 'reached', id: message.id, ok: true }),
          (err: unknown) => send({ event: 'reached', id: message.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
        );
        break;
      case 'stats':
        send({
          event: 'stats',
          id: message.id,
          calls: standIn.calls.length,
          postMessage: standIn.callsTo('chat.postMessage').length,
          failed: standIn.calls.filter((c) => c.response.ok !== true).length,
          rejected: standIn.rejectedByValidator().length,
        });
        break;
      case 'stop':
        void standIn.stop().finally(() => process.exit(0));
        break;
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ event: 'ready', url });
}

main().catch((err: unknown) => {
  process.stderr.write(`slack stand-in process failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
