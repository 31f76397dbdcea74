// /whosejob <question>: an answer only the asker sees, with a button to share it in the channel.
import type { SlackRouter } from '../../router';
import { renderBlocks } from '../../blocks';
import { wantsFeedback } from '../../../../reply/reply';
import { NEEDS_TIME_ZONE, timeZoneOf, type SlackDeps } from '../../deps';

export const COMMAND = '/whosejob';

export function registerWhosejobCommand(router: SlackRouter, deps: SlackDeps): void {
  router.command(COMMAND, async ({ command, ack, client }) => {
    const text = command.text.trim() || 'help';
    const timeZone = NEEDS_TIME_ZONE.test(text) ? await timeZoneOf(client, command.user_id, deps.log) : undefined;
    const turn = await deps.bot.handle({ text, user: command.user_id, conversation: `${command.channel_id}:cmd:${command.user_id}`, platform: 'slack', channel: command.channel_id, direct: command.channel_id.startsWith('D'), timeZone });
    // Share posts the question restated on its own, so the channel sees the answer the asker saw.
    const message = renderBlocks(turn.reply, {
      question: text,
      shareQuestion: turn.reply.restated,
      feedback: wantsFeedback(turn.reply),
      shareable: wantsFeedback(turn.reply),
    });
    // The answer travels in the acknowledgement itself: no second round trip, well within 3 s.
    await ack({ response_type: 'ephemeral', ...message });
  });
}
