// The Teams bot: an ActivityHandler whose handlers only translate — message in, card out.
import { CardFactory, MessageFactory, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { Bot } from '../../conversation/bot';
import { FEEDBACK_THANKS, wantsFeedback, type Reply } from '../../conversation/reply';
import type { Logger } from '../../log';
import type { Store } from '../../store/store';
import { cardFallback, renderCard, type CardAction } from './cards';
import { welcomeReply } from './welcome';

export interface TeamsDeps {
  bot: Bot;
  store: Store;
  log: Logger;
}


/** A card reply as an activity; the fallback text lets notifications and screen readers show something. */
export function cardActivity(reply: Reply, question: string, feedback = wantsFeedback(reply)): ReturnType<typeof MessageFactory.attachment> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(renderCard(reply, { question, feedback })));
  activity.summary = cardFallback(reply);
  return activity;
}

function readAction(value: unknown): CardAction | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (v.whosejob === 'ask' && typeof v.q === 'string') return { whosejob: 'ask', q: v.q.slice(0, 2000) };
  if (v.whosejob === 'feedback' && (v.vote === 'up' || v.vote === 'down'))
    return { whosejob: 'feedback', vote: v.vote, q: typeof v.q === 'string' ? v.q.slice(0, 1000) : '', i: typeof v.i === 'string' ? v.i.slice(0, 40) : 'unknown' };
  return undefined;
}

export class WhosejobTeamsBot extends TeamsActivityHandler {
  /** Conversations whose reference is stored (with the service URL it was stored for). */
  private readonly saved = new Map<string, string>();

  constructor(private readonly deps: TeamsDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      if (added.some((m) => m.id === context.activity.recipient.id)) await this.welcome(context);
      await next();
    });
  }

  private async remember(context: TurnContext): Promise<void> {
    const id = context.activity.conversation.id;
    // What a later post needs does not change from message to message; the service URL can.
    const key = `${context.activity.serviceUrl}|${context.activity.recipient?.id ?? ''}`;
    if (this.saved.get(id) === key) return;
    try {
      await this.deps.store.saveConversationRef('teams', id, JSON.stringify(TurnContext.getConversationReference(context.activity)));
      if (this.saved.size >= 10_000) this.saved.clear();
      this.saved.set(id, key);
    } catch (err) {
      this.deps.log.error('teams conversation reference not stored', { error: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Installed in a team or chat: a short welcome that names who added it, and a saved reference. */
  private async welcome(context: TurnContext): Promise<void> {
    await this.remember(context);
    const reply = welcomeReply(context.activity.from?.name);
    await context.sendActivity(cardActivity(reply, '', false));
  }

  private async answer(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const action = readAction(activity.value);
    if (action?.whosejob === 'feedback') {
      await this.deps.store
        .recordFeedback({ platform: 'teams', user: activity.from.id, conversation: activity.conversation.id, question: action.q, intent: action.i, vote: action.vote })
        .catch((err: unknown) => this.deps.log.error('feedback could not be stored', { error: err instanceof Error ? err.message : String(err) }));
      await context.sendActivity(MessageFactory.text(FEEDBACK_THANKS[action.vote]));
      return;
    }
    // The bot's own @mention is not part of the question.
    const text = action?.q ?? TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
    const turn = this.deps.bot.handle({ text, user: activity.from.id, conversation: activity.conversation.id, platform: 'teams' });
    await context.sendActivity(cardActivity(turn.reply, text));
    if (activity.conversation.conversationType !== 'personal') return;
    await this.remember(context); // personal chats are where a daily quiz can reach a user later
  }
}
