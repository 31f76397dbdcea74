// The App Home tab: what whosejob does, questions to try as buttons (intents/help.yaml `showcase`).
import type { HomeView, KnownBlock } from '@slack/types';
import { packagedKnowledgeBase, type KnowledgeBase } from '../../nlu/knowledge-base';
import { encodeAction } from '../../reply/action';
import { ACTION } from './blocks';

/** One line per channel where the person plays the daily quiz. */
export interface HomeStats {
  channel: string;
  points: number;
  right: number;
  answered: number;
  streak: number;
}

function statsBlocks(stats: readonly HomeStats[]): KnownBlock[] {
  if (stats.length === 0) return [];
  // Channel ids become Slack's own channel links; the figures are ours, so nothing here is user text.
  const lines = stats.map((s) => `• <#${s.channel}>: *${s.points}* points, ${s.right} of ${s.answered} right, ${s.streak}-day streak`);
  return [
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: `*Your daily quiz*\n${lines.join('\n')}` } },
  ];
}

export function homeView(kb: Pick<KnowledgeBase, 'showcase'> = packagedKnowledgeBase(), stats: readonly HomeStats[] = []): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'whosejob', emoji: true } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          'I answer questions about the *AWS Shared Responsibility Model*: who is responsible for a security task — *AWS*, *you*, or *both* — on which service, and why, with the AWS documentation behind every answer.',
      },
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Ask me anywhere*\n• Mention me in a channel: `@whosejob who patches RDS?` (I answer in a thread)\n• Send me a direct message\n• Use `/whosejob <question>` for an answer only you can see',
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Try one (the answer arrives in our DM):' }] },
    {
      type: 'actions',
      block_id: 'whosejob_home_examples',
      elements: kb.showcase.map((q, i) => ({
        type: 'button',
        text: { type: 'plain_text', text: q, emoji: true },
        action_id: `${ACTION.choice}_${i}`,
        value: encodeAction({ kind: 'ask', question: q }),
      })),
    },
    { type: 'divider' },
    {
      type: 'actions',
      block_id: 'whosejob_home_learn',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: 'Quiz me', emoji: true }, action_id: `${ACTION.choice}_quiz`, value: encodeAction({ kind: 'quiz-next' }) },
        { type: 'button', text: { type: 'plain_text', text: 'Take the tour', emoji: true }, action_id: `${ACTION.choice}_tour`, value: encodeAction({ kind: 'ask', question: 'onboard me' }) },
      ],
    },
  ];
  blocks.push(...statsBlocks(stats));
  return { type: 'home', blocks };
}
