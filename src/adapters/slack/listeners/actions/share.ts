// "Share in channel" under a private slash-command answer: post it for everyone, then tidy up.
import type { SlackRouter } from '../../router';
import { decodeAction, decodeLegacyAction } from '../../../../reply/action';
import { ACTION, renderBlocks } from '../../blocks';
import { wantsFeedback } from '../../../../reply/reply';
import { slackError, type SlackDeps } from '../../deps';

const SLACK_USER = /^[UW][A-Z0-9]{2,30}$/;

export function registerShareAction(router: SlackRouter, deps: SlackDeps): void {
  router.action(ACTION.share, async ({ ack, body, action, client, respond }) => {
    await ack();
    const channel = body.channel?.id;
    if (!channel) return;
    const shared = decodeAction(action.value) ?? decodeLegacyAction(action.value, 'share');
    if (shared?.kind !== 'share') return;
    const question = shared.question;
    const user = body.user.id;
    const turn = deps.bot.answerOnce(question);
    const preface = SLACK_USER.test(user) ? `Shared by <@${user}>` : 'Shared from /whosejob';
    const message = renderBlocks(turn.reply, { question, feedback: wantsFeedback(turn.reply), preface });
    try {
      await client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
      await respond({ delete_original: true });
    } catch (err) {
      const code = slackError(err);
      deps.log.warn('slack share failed', { channel, user, error: code });
      const hint =
        code === 'not_in_channel' || code === 'channel_not_found'
          ? "I can't post in this conversation yet. Invite me with `/invite @whosejob`, then press Share again."
          : 'Sharing did not work this time; please try again in a moment.';
      try {
        await respond({ response_type: 'ephemeral', replace_original: false, text: hint });
      } catch (inner) {
        deps.log.error('slack respond failed', { channel, error: slackError(inner) });
      }
    }
  });
}
