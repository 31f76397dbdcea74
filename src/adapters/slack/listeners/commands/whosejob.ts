// /whosejob <question>: an answer only the asker sees, with a button to share it in the channel.
import type { SlackRouter } from '../../router';
import { renderBlocks } from '../../blocks';
import { wantsFeedback } from '../../../../reply/reply';
import type { SlackDeps } from '../../deps';

export const COMMAND = '/whosejob';

export function registerWhosejobCommand(router: SlackRouter, deps: SlackDeps): void {
  router.command(COMMAND, async ({ command, ack }) => {
    const text = command.text.trim() || 'help';
    const turn = await deps.bot.handle({ text, user: command.user_id, conversation: `${command.channel_id}:cmd:${command.user_id}`, platform: 'slack', channel: command.channel_id, direct: command.channel_id.startsWith('D') });
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
