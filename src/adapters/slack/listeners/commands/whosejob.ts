// /whosejob <question>: an answer only the asker sees, with a button to share it in the channel.
import type { SlackRouter } from '../../router';
import { renderBlocks, type SlackMessage } from '../../blocks';
import { wantsFeedback } from '../../../../reply/reply';
import { NEEDS_TIME_ZONE, slackError, timeZoneOf, type SlackDeps } from '../../deps';

export const COMMAND = '/whosejob';

/** Slack shows "operation_timeout" for a command not acknowledged within 3 s; this leaves room for the trip. */
const ACK_WITHIN_MS = 2000;

export function registerWhosejobCommand(router: SlackRouter, deps: SlackDeps): void {
  router.command(COMMAND, async ({ command, ack, client, respond }) => {
    const text = command.text.trim() || 'help';
    const work = (async (): Promise<SlackMessage> => {
      const timeZone = NEEDS_TIME_ZONE.test(text) ? await timeZoneOf(client, command.user_id, deps.log) : undefined;
      const turn = await deps.bot.handle({ text, user: command.user_id, conversation: `${command.channel_id}:cmd:${command.user_id}`, platform: 'slack', channel: command.channel_id, direct: command.channel_id.startsWith('D'), timeZone });
      // Share posts the question restated on its own, so the channel sees the answer the asker saw.
      return renderBlocks(turn.reply, { question: text, shareQuestion: turn.reply.restated, feedback: wantsFeedback(turn.reply), shareable: wantsFeedback(turn.reply) });
    })();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), deps.commandAckMs ?? ACK_WITHIN_MS);
    });
    const quick = await Promise.race([work, late]).finally(() => clearTimeout(timer));
    // Usually the answer travels in the acknowledgement itself: no second round trip.
    if (quick) return ack({ response_type: 'ephemeral', ...quick });
    // A slow one (a lead's overview of a big channel, many invitations): acknowledged now, answered when
    // ready. The receiver answers Slack's request only when this listener returns (processBeforeResponse),
    // so the rest goes on without it; Slack never retries a command, so nothing else waits for it either.
    await ack({ response_type: 'ephemeral', text: 'Working on it…' });
    void work
      .then((message) => respond({ response_type: 'ephemeral', replace_original: true, ...message }))
      .catch(async (err: unknown) => {
        deps.log.error('slack command answer failed', { error: slackError(err) });
        await respond({ response_type: 'ephemeral', replace_original: true, text: 'Sorry, that did not work. Please try again.' }).catch(() => undefined);
      });
  });
}
