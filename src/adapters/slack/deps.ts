// What every Slack listener needs, and the one way they post: errors are logged, never thrown.
import type { WebClient } from '@slack/web-api';
import type { Bot } from '../../conversation/bot';
import type { Action } from '../../reply/action';
import { wantsFeedback, type Reply } from '../../reply/reply';
import type { Logger } from '../../log';
import type { Store } from '../../store/store';
import { renderBlocks, type RenderOptions, type SlackMessage } from './blocks';

export interface SlackDeps {
  bot: Bot;
  store: Store;
  log: Logger;
  /** Greet people who join the workspace with the lessons (ONBOARD_NEW_MEMBERS). */
  onboardNewMembers?: boolean;
  /** How long a slash command may work before its acknowledgement goes out alone (Slack allows 3 s). */
  commandAckMs?: number;
}

/** Where follow-ups belong together: a DM, or one thread of a channel, or one user's slash commands. */
export function conversationOf(channel: string, threadTs?: string): string {
  return channel.startsWith('D') ? channel : `${channel}:${threadTs ?? 'main'}`;
}


/** Messages that schedule something in the sender's own time: worth a users.info call for their zone. */
export const NEEDS_TIME_ZONE = /\b(one (lesson )?a day|lesson a day|lessons? per day|daily lessons?|quiz daily|onboard me)\b/i;

/** The person's IANA time zone from Slack's users.info (users:read), or undefined. */
export async function timeZoneOf(client: WebClient, user: string, log: Logger): Promise<string | undefined> {
  try {
    const info = await client.users.info({ user });
    return typeof info.user?.tz === 'string' ? info.user.tz : undefined;
  } catch (err) {
    log.warn('slack users.info failed; using UTC', { user, error: slackError(err) });
    return undefined;
  }
}

export async function answerFor(
  deps: SlackDeps,
  text: string,
  user: string,
  conversation: string,
  extra: Partial<RenderOptions> = {},
  channel?: string,
  client?: WebClient,
): Promise<{ reply: Reply; message: SlackMessage }> {
  // Only what is scheduled in the person's own time asks Slack who they are; a question does not.
  const timeZone = client && NEEDS_TIME_ZONE.test(text) ? await timeZoneOf(client, user, deps.log) : undefined;
  const turn = await deps.bot.handle({ text, user, conversation, platform: 'slack', channel, direct: channel?.startsWith('D'), timeZone });
  const message = renderBlocks(turn.reply, { question: text, feedback: wantsFeedback(turn.reply), ...extra });
  return { reply: turn.reply, message };
}

/** A click, for the person who clicked, rendered; a question asked by a button is the question voted on. */
export async function replyFor(deps: SlackDeps, action: Action, user: string, conversation: string, extra: Partial<RenderOptions> = {}): Promise<{ reply: Reply; message: SlackMessage }> {
  const turn = await deps.bot.act(action, { user, conversation, platform: 'slack' });
  const question = action.kind === 'ask' ? action.question : (turn.reply.restated ?? turn.reply.title);
  const message = renderBlocks(turn.reply, { question, feedback: wantsFeedback(turn.reply), ...extra });
  return { reply: turn.reply, message };
}

/** The Web API error code of a failed call ("not_in_channel", "ratelimited"…), for logs and decisions. */
export function slackError(err: unknown): string {
  const e = err as { data?: { error?: string }; code?: string; message?: string; original?: { message?: string } };
  if (e.data?.error) return e.data.error;
  // A request error wraps the real cause (a refused connection, a rate limit): name both.
  if (e.code === 'slack_webapi_request_error' && e.original?.message) return `${e.code}: ${e.original.message}`;
  return e.code ?? e.message ?? 'unknown_error';
}

export async function postMessage(
  deps: SlackDeps,
  client: WebClient,
  args: { channel: string; thread_ts?: string } & SlackMessage,
): Promise<string | undefined> {
  try {
    // Blocks go as the JSON string Slack receives anyway: WebClient then neither walks the whole tree to
    // redact it for a debug line nor serialises it a second time (the largest cost of a rich reply).
    const result = await client.apiCall('chat.postMessage', { ...args, blocks: JSON.stringify(args.blocks), unfurl_links: false, unfurl_media: false });
    const ts = (result as { ts?: unknown }).ts;
    return typeof ts === 'string' ? ts : undefined;
  } catch (err) {
    deps.log.error('slack chat.postMessage failed', { channel: args.channel, thread: args.thread_ts, error: slackError(err) });
    return undefined;
  }
}
