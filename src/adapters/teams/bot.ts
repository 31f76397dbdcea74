// The Teams bot: an ActivityHandler whose handlers only translate — message in, card out.
import { CardFactory, MessageFactory, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { Bot } from '../../conversation/bot';
import { decodeAction, decodeLegacyAction } from '../../reply/action';
import { wantsFeedback, type Reply } from '../../reply/reply';
import type { Logger } from '../../log';
import type { Store } from '../../store/store';
import { cardFallback, renderCard } from './cards';
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

/** The key a person's own chat with the bot is stored under, beside the conversation's id. */
export const personalKey = (user: string): string => `user:${user}`;

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
      const reference = JSON.stringify(TurnContext.getConversationReference(context.activity));
      await this.deps.store.saveConversationRef('teams', id, reference);
      // A person's own chat with the bot is also found by who they are, for direct messages later.
      if (context.activity.conversation.conversationType === 'personal' && context.activity.from?.id)
        await this.deps.store.saveConversationRef('teams', personalKey(context.activity.from.id), reference);
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

  /** The Bot Framework can deliver an activity again; with replicas another one may get it. First claimant answers. */
  private async firstDelivery(context: TurnContext): Promise<boolean> {
    const id = context.activity.id;
    if (!id) return true;
    try {
      return await this.deps.store.claimOnce('teams-activity', `${context.activity.conversation.id}|${id}`);
    } catch (err) {
      this.deps.log.error('teams activity id could not be claimed', { error: err instanceof Error ? err.message : String(err) });
      return true;
    }
  }

  private async answer(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (!(await this.firstDelivery(context))) {
      this.deps.log.debug('teams duplicate activity skipped', { id: activity.id });
      return;
    }
    const speaker = { user: activity.from.id, conversation: activity.conversation.id, platform: 'teams' as const };
    // A card button sends its Action in `value`; a typed message has none.
    const action = activity.value === undefined ? undefined : (decodeAction(activity.value) ?? (typeof activity.value === 'object' ? decodeLegacyAction(activity.value, 'ask') : undefined));
    if (activity.value !== undefined && !action && !activity.text) {
      this.deps.log.warn('teams card action with unreadable data ignored', { user: speaker.user });
      return;
    }
    if (action?.kind === 'feedback') {
      const turn = await this.deps.bot.act(action, speaker).catch((err: unknown) => {
        this.deps.log.error('feedback could not be stored', { error: err instanceof Error ? err.message : String(err) });
        return undefined;
      });
      await context.sendActivity(MessageFactory.text(turn?.reply.summary ?? 'Thanks for the feedback!'));
      return;
    }
    // The bot's own @mention is not part of the question.
    const text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
    const turn = action ? await this.deps.bot.act(action, speaker) : await this.deps.bot.handle({ ...speaker, text });
    const question = action?.kind === 'ask' ? action.question : action ? (turn.reply.restated ?? turn.reply.title) : text;
    await context.sendActivity(cardActivity(turn.reply, question));
    if (activity.conversation.conversationType !== 'personal') return;
    await this.remember(context); // personal chats are where a daily quiz can reach a user later
  }
}
