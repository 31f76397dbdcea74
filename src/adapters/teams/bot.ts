// The Teams bot: an ActivityHandler whose handlers only translate — message in, card out.
import { CardFactory, MessageFactory, TeamsActivityHandler, TurnContext, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type CloudAdapter, type ConversationParameters } from 'botbuilder';
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
  /** Greet people added to a team the bot is in with the lessons (ONBOARD_NEW_MEMBERS). */
  onboardNewMembers?: boolean;
  /** The bot's Microsoft app id, for the conversations it creates (none in local, unauthenticated mode). */
  appId?: string;
}


/** A card reply as an activity; the fallback text lets notifications and screen readers show something. */
export function cardActivity(reply: Reply, question: string, feedback = wantsFeedback(reply)): ReturnType<typeof MessageFactory.attachment> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(renderCard(reply, { question, feedback })));
  activity.summary = cardFallback(reply);
  return activity;
}

/** "19:abc@thread.tacv2;messageid=17…" (a reply chain) → "19:abc@thread.tacv2" (the channel). */
export const channelOf = (conversationId: string): string => conversationId.replace(/;messageid=.*$/, '');

/**
 * The sender's IANA time zone: the activity's localTimezone, which Teams sends with its local
 * timestamp, else the clientInfo entity's timezone ("Europe/Berlin").
 */
function timeZoneOf(activity: TurnContext['activity']): string | undefined {
  if (typeof activity.localTimezone === 'string' && activity.localTimezone) return activity.localTimezone;
  const info = activity.entities?.find((e) => e.type === 'clientInfo') as { timezone?: unknown } | undefined;
  return typeof info?.timezone === 'string' ? info.timezone : undefined;
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
      // People only: Teams ids of bots start with "28:".
      else if (this.deps.onboardNewMembers) for (const m of added) if (!m.id.startsWith('28:')) await this.welcomeNewcomer(context, m.id);
      await next();
    });
  }

  private async remember(context: TurnContext): Promise<void> {
    // A channel thread's id names its root message; what is posted later goes to the channel itself.
    const id = channelOf(context.activity.conversation.id);
    // What a later post needs does not change from message to message; the service URL can.
    const key = `${context.activity.serviceUrl}|${context.activity.recipient?.id ?? ''}`;
    if (this.saved.get(id) === key) return;
    try {
      const ref = TurnContext.getConversationReference(context.activity);
      const reference = JSON.stringify({ ...ref, conversation: { ...ref.conversation, id } });
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

  /**
   * Someone joined a team the bot is in: one DM inviting them to the lessons. A new person has no chat
   * with the bot yet, so one is created (a 1:1 conversation in the team's tenant) and its reference
   * stored, so the outbox can reach them; the store makes sure it happens once per person.
   */
  private async welcomeNewcomer(context: TurnContext, user: string): Promise<void> {
    try {
      if (!(await this.deps.store.getConversationRef('teams', personalKey(user)))) {
        const activity = context.activity;
        const tenantId = (activity.conversation as { tenantId?: string }).tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
        const parameters = { isGroup: false, bot: activity.recipient, members: [{ id: user, name: '' }], tenantId, channelData: { tenant: { id: tenantId } } } as unknown as ConversationParameters;
        // createConversationAsync's callback runs in the new 1:1 chat: its reference is what a DM needs.
        await (context.adapter as CloudAdapter).createConversationAsync(this.deps.appId ?? '', activity.channelId, activity.serviceUrl, '', parameters, async (chat) => {
          const ref = TurnContext.getConversationReference(chat.activity);
          await this.deps.store.saveConversationRef('teams', personalKey(user), JSON.stringify(ref));
        });
      }
      await this.deps.bot.welcomeNewcomer('teams', user);
    } catch (err) {
      this.deps.log.warn('teams newcomer not welcomed', { user, error: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Installed in a team or chat: a short welcome that names who added it, and a saved reference. */
  private async welcome(context: TurnContext): Promise<void> {
    await this.remember(context);
    const reply = welcomeReply(context.activity.from?.name, this.deps.bot.kb);
    await context.sendActivity(cardActivity(reply, '', false));
  }

  /**
   * Action.Execute (Universal Actions): a click on a daily post, or Teams refreshing the card for a
   * person who answered. The card returned is shown to that person alone.
   */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const action = decodeAction(invokeValue.action?.data);
    if (!action) return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'not a whosejob action' } };
    const activity = context.activity;
    const turn = await this.deps.bot.act(action, { user: activity.from.id, conversation: activity.conversation.id, platform: 'teams' });
    // The card is plain JSON; its interface simply has no index signature.
    const card = renderCard(turn.reply, { question: turn.reply.restated ?? turn.reply.title }) as unknown as Record<string, unknown>;
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
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
    // Where the bot was spoken to it can post later (a channel's daily quiz, a person's DM); stored first,
    // because the reply itself may need it ("onboarding status" lists this channel's members).
    await this.remember(context);
    const channel = channelOf(activity.conversation.id);
    const direct = activity.conversation.conversationType === 'personal';
    // People mentioned besides the bot ("onboarding invite @Ana @Ben"), from Teams' mention entities.
    const mentions = (activity.entities ?? [])
      .filter((e) => e.type === 'mention')
      .map((e) => (e as { mentioned?: { id?: string } }).mentioned?.id)
      .filter((id): id is string => typeof id === 'string' && id !== activity.recipient.id);
    const turn = action ? await this.deps.bot.act(action, speaker) : await this.deps.bot.handle({ ...speaker, text, channel, timeZone: timeZoneOf(activity), direct, mentions });
    const question = action?.kind === 'ask' ? action.question : action ? (turn.reply.restated ?? turn.reply.title) : text;
    await context.sendActivity(cardActivity(turn.reply, question));
  }
}
