// The Slack outbox against the local Web API stand-in: a post, its edit, a DM, and the failures a
// scheduler must tell apart (removed from the channel vs. asked to slow down).
import { WebClient } from '@slack/web-api';
import { slackOutbox } from '../../../src/adapters/slack/outbox';
import { OutboxError } from '../../../src/reply/outbox';
import { notice } from '../../../src/reply/reply';
import { SlackWebApiStandIn } from '../../stand-ins/slack-web-api';

const standIn = new SlackWebApiStandIn();
let client: WebClient;

beforeAll(async () => {
  await standIn.start();
  // No retries: a failure reaches the outbox at once, as a scheduler's own queue wants it.
  client = new WebClient('xoxb-test', { slackApiUrl: standIn.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
});
afterAll(async () => {
  await standIn.stop();
});
beforeEach(() => standIn.clear());

test('post, then update the same message', async () => {
  const outbox = slackOutbox(client);
  const ref = await outbox.post({ channel: 'C0QUIZ' }, notice('Question of the day'));
  expect(ref.channel).toBe('C0QUIZ');
  expect(ref.id).toMatch(/^\d+\.\d+$/);
  await outbox.update(ref, notice('Question of the day: 3 answered'));
  const [update] = standIn.callsTo('chat.update');
  expect(update!.args).toMatchObject({ channel: 'C0QUIZ', ts: ref.id });
  expect(String(update!.args.text)).toContain('3 answered');
});

test('a post into a thread carries its ts', async () => {
  await slackOutbox(client).post({ channel: 'C0QUIZ', thread: '1700000000.000100' }, notice('reveal'));
  expect(standIn.callsTo('chat.postMessage')[0]!.args).toMatchObject({ channel: 'C0QUIZ', thread_ts: '1700000000.000100' });
});

test('a DM opens the conversation with the person first', async () => {
  const ref = await slackOutbox(client).dm('U0NEWHIRE', notice('Welcome!'));
  expect(standIn.callsTo('conversations.open')[0]!.args).toMatchObject({ users: 'U0NEWHIRE' });
  expect(standIn.callsTo('chat.postMessage')[0]!.args.channel).toBe(ref.channel);
});

test.each(['channel_not_found', 'not_in_channel', 'is_archived'])('%s → a "gone" failure (stop, do not retry)', async (code) => {
  standIn.failNext('chat.postMessage', code);
  const err = await slackOutbox(client).post({ channel: 'C0GONE' }, notice('x')).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OutboxError);
  expect(err).toMatchObject({ failure: 'gone', message: code });
});

test('429 with Retry-After → a "rate-limited" failure with the wait', async () => {
  standIn.rateLimitNext('chat.postMessage', 7);
  const err = await slackOutbox(client).post({ channel: 'C0BUSY' }, notice('x')).catch((e: unknown) => e);
  expect(err).toMatchObject({ failure: 'rate-limited', retryAfterMs: 7000 });
});

test('any other error → "failed", worth a later retry', async () => {
  standIn.failNext('chat.update', 'internal_error');
  const err = await slackOutbox(client).update({ channel: 'C0QUIZ', id: '1.2' }, notice('x')).catch((e: unknown) => e);
  expect(err).toMatchObject({ failure: 'failed' });
});
