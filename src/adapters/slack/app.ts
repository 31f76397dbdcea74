// The Slack app: Bolt over HTTP (mounted on our one server at /slack/events) or Socket Mode.
import type { RequestListener } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Config } from '../../config';
import { boltLogger } from './bolt-logger';
import type { SlackDeps } from './deps';
import { registerListeners } from './listeners';
import { SlackRouter } from './router';
import { slackOutbox } from './outbox';
import type { Outbox } from '../../reply/outbox';
import { createWebApiFetch } from './web-api-fetch';

export interface SlackAdapter {
  app: App;
  /** Posts, edits and DMs nobody asked for (the daily quiz, reveals, reminders). */
  outbox: Outbox;
  /** Set in HTTP mode: the handler for POST /slack/events. */
  requestListener?: RequestListener;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackOptions extends SlackDeps {
  config: Config;
  /** Web API retries; tests set 0 so that a failing stand-in answers at once. */
  retries?: number;
  /** How long an unfinished claim on an event blocks a retry; past it the claimant is taken for dead. */
  claimLeaseMs?: number;
}

export function createSlackAdapter(options: SlackOptions): SlackAdapter {
  const { config, log } = options;
  const logger = boltLogger(log.child({ adapter: 'slack' }), config.LOG_LEVEL);
  const clientOptions = {
    slackApiUrl: config.SLACK_API_URL,
    fetch: createWebApiFetch(),
    ...(options.retries === undefined ? {} : { retryConfig: { retries: options.retries } }),
  };
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  let receiver: HTTPReceiver | undefined;
  // Follow-ups are remembered by the core's ConversationMemory, so Bolt's own conversation store is off:
  // it would cost a promise and a thrown Error (with its stack) on every event for nothing.
  const common = { token: config.SLACK_BOT_TOKEN, logger, clientOptions, convoStore: false as const };
  let app: App;
  if (socketMode) {
    app = new App({ ...common, appToken: config.SLACK_APP_TOKEN, socketMode: true });
  } else {
    // The 200 goes out once the answer is posted, not before: a replica that dies mid-way sends none,
    // so Slack retries (to another replica) and the answer is not lost. Answers take milliseconds.
    receiver = new HTTPReceiver({ signingSecret: config.SLACK_SIGNING_SECRET ?? '', endpoints: '/slack/events', logger, processBeforeResponse: true });
    app = new App({ ...common, receiver });
  }

  // Slack retries an event it thinks we missed, and behind a load balancer the retry reaches another
  // replica: the event id is claimed in the shared store, and only its first claimant answers; a claim
  // left unfinished past the lease (its replica died) is taken over by the retry.
  // Slack retries after about 3 s, 1 min and 5 min. A claim unfinished after 50 s is a dead replica's
  // (every handler is bounded well under that), so the 1-minute retry takes it over.
  const lease = options.claimLeaseMs ?? 50_000;
  app.use(async ({ context, body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      let first: boolean;
      try {
        first = await options.store.claimOnce('slack-event', eventId, lease);
      } catch (err) {
        // Store down: answer a first delivery rather than lose it; a retry most likely was answered.
        log.error('slack event id could not be claimed', { eventId, error: err instanceof Error ? err.message : String(err) });
        first = context.retryNum === undefined;
      }
      if (!first) {
        log.debug('slack duplicate skipped', { eventId, retryNum: context.retryNum, reason: context.retryReason });
        return;
      }
      await next();
      // Not awaited: the 200 need not wait for the mark. Slack does not retry an event it got a 200 for,
      // and the mark (committed within a millisecond) only stops a late retry from taking the claim over.
      void options.store.finishOnce('slack-event', eventId).catch((err: unknown) => log.warn('slack event not marked done', { eventId, error: err instanceof Error ? err.message : String(err) }));
      return;
    }
    await next();
  });
  const router = new SlackRouter();
  registerListeners(router, options);
  app.use(router.middleware());
  app.error(async (error) => {
    log.error('slack listener failed', { error: error.message, code: (error as { code?: string }).code });
  });

  return {
    app,
    // Its own client: a few quick retries and 429s handed back, because the quiz's send queue does the
    // waiting (for every sender at once) and a post must not sit in a client's half-hour retry loop.
    outbox: slackOutbox(new WebClient(config.SLACK_BOT_TOKEN, { ...clientOptions, retryConfig: { retries: options.retries ?? 2 }, rejectRateLimitedCalls: true })),
    requestListener: receiver?.requestListener,
    start: async () => {
      if (socketMode) await app.start();
    },
    stop: async () => {
      if (socketMode) await app.stop();
    },
  };
}
