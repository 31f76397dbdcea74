// The Slack app: Bolt over HTTP (mounted on our one server at /slack/events) or Socket Mode.
import type { RequestListener } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';
import type { Config } from '../../config';
import { boltLogger } from './bolt-logger';
import type { SlackDeps } from './deps';
import { registerListeners } from './listeners';
import { RecentIds } from './recent-ids';
import { SlackRouter } from './router';
import { createWebApiFetch } from './web-api-fetch';

export interface SlackAdapter {
  app: App;
  /** Set in HTTP mode: the handler for POST /slack/events. */
  requestListener?: RequestListener;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackOptions extends SlackDeps {
  config: Config;
  /** Web API retries; tests set 0 so that a failing stand-in answers at once. */
  retries?: number;
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
    receiver = new HTTPReceiver({ signingSecret: config.SLACK_SIGNING_SECRET ?? '', endpoints: '/slack/events', logger });
    app = new App({ ...common, receiver });
  }

  // Slack retries an event it thinks we missed. A retry after a timeout reached us the first time,
  // and any event id already handled is a duplicate: answer each question once.
  const recent = new RecentIds();
  app.use(async ({ context, body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    const duplicate = typeof eventId === 'string' && recent.seen(eventId);
    if (duplicate || (context.retryNum !== undefined && context.retryReason === 'http_timeout')) {
      log.debug('slack retry skipped', { eventId, retryNum: context.retryNum, reason: context.retryReason });
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
    requestListener: receiver?.requestListener,
    start: async () => {
      if (socketMode) await app.start();
    },
    stop: async () => {
      if (socketMode) await app.stop();
    },
  };
}
