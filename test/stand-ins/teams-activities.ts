// Builders for the activities Teams POSTs to a bot's /api/messages, shaped like the captures in
// /work/shared/notes/platform-protocols.md §2.1–2.4, and postActivity() to send one with global fetch.
// Every builder needs the serviceUrl of a TeamsConnectorStandIn: that is where the bot's replies go (gotcha 9).

export const TENANT_ID = '00000000-0000-0000-0000-000000007e47';
/** The bot as Teams addresses it ("28:<MicrosoftAppId>"). */
export const BOT = { id: '28:00000000-0000-0000-0000-0000000b0700', name: 'whosejob' } as const;
export const ALICE = { id: '29:1alice', name: 'Alice', aadObjectId: '00000000-0000-0000-0000-0000000a11ce' } as const;
export const BOB = { id: '29:1bob', name: 'Bob', aadObjectId: '00000000-0000-0000-0000-000000000b0b' } as const;
export const TEAM = { id: '19:team@thread.tacv2', name: 'Platform', aadGroupId: '00000000-0000-0000-0000-0000000a7ea7' } as const;
export const CHANNEL = { id: '19:abc@thread.tacv2', name: 'General' } as const;

export interface Account {
  id: string;
  name?: string;
  aadObjectId?: string;
}

export interface Conversation {
  id: string;
  conversationType: 'personal' | 'channel' | 'groupChat';
  tenantId: string;
  isGroup?: boolean;
  name?: string;
}

export interface Entity {
  type: string;
  [key: string]: unknown;
}

/** An inbound activity as JSON (what Teams sends); extra fields may be added by tests. */
export interface InboundActivity {
  type: string;
  id: string;
  timestamp: string;
  localTimestamp?: string;
  serviceUrl: string;
  channelId: string;
  from: Account;
  conversation: Conversation;
  recipient: Account;
  text?: string;
  textFormat?: string;
  locale?: string;
  value?: unknown;
  replyToId?: string;
  entities?: Entity[];
  channelData?: Record<string, unknown>;
  membersAdded?: Account[];
  membersRemoved?: Account[];
  attachments?: Array<{ contentType: string; content?: unknown }>;
  [key: string]: unknown;
}

let counter = 0;
/** A fresh, increasing activity id like Teams' ("1700000000001"). */
export function nextActivityId(): string {
  counter += 1;
  return String(1700000000000 + counter);
}

let conversations = 0;
/** A fresh personal conversation id ("a:1…"), so tests do not share conversation memory. */
export function personalConversationId(): string {
  conversations += 1;
  return `a:1personal-${process.pid}-${conversations}`;
}

const clientInfo: Entity = { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/Berlin' };

/** The clientInfo entity for a sender in `timeZone` (Europe/Berlin unless given); none for null (no zone known). */
function clientInfoFor(timeZone: string | null | undefined): Entity[] {
  if (timeZone === null) return [];
  return [timeZone === undefined ? clientInfo : { ...clientInfo, timezone: timeZone }];
}

function base(serviceUrl: string, from: Account | undefined, recipient: Account | undefined, id: string | undefined) {
  return {
    id: id ?? nextActivityId(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { ...(from ?? ALICE) },
    recipient: { ...(recipient ?? BOT) },
    locale: 'en-US',
  };
}

export interface MessageOptions {
  text: string;
  serviceUrl: string;
  from?: Account;
  recipient?: Account;
  conversationId?: string;
  id?: string;
  /** The sender's IANA zone in the clientInfo entity (default Europe/Berlin); null sends no clientInfo. */
  timeZone?: string | null;
}

/** A 1:1 chat message: conversation "a:…", conversationType personal, no mention, channelData with the tenant only. */
export function personalMessage(o: MessageOptions): InboundActivity {
  return {
    type: 'message',
    ...base(o.serviceUrl, o.from, o.recipient, o.id),
    conversation: { id: o.conversationId ?? personalConversationId(), conversationType: 'personal', tenantId: TENANT_ID },
    text: o.text,
    textFormat: 'plain',
    entities: clientInfoFor(o.timeZone),
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/** The `mention` entities for every `<at>…</at>` in `text`; the one naming the recipient mentions the recipient. */
function mentionsIn(text: string, recipient: Account): Entity[] {
  return [...text.matchAll(/<at>(.*?)<\/at>/g)].map((m) => ({
    type: 'mention',
    text: m[0],
    mentioned: m[1] === recipient.name ? { id: recipient.id, name: recipient.name } : { id: `29:1${(m[1] ?? '').toLowerCase()}`, name: m[1] },
  }));
}

export interface ChannelOptions extends MessageOptions {
  team?: { id: string; name: string; aadGroupId?: string };
  channel?: { id: string; name: string };
  /** The root message id of the reply chain; defaults to this activity's id (a new thread). */
  threadId?: string;
}

/**
 * A channel message that @mentions the bot (text such as '<at>whosejob</at> who patches rds?'), with the mention
 * entity, channelData.team/channel, and a conversation id `19:abc@thread.tacv2;messageid=<thread root>`.
 */
export function channelMention(o: ChannelOptions): InboundActivity {
  const b = base(o.serviceUrl, o.from, o.recipient, o.id);
  const team = o.team ?? TEAM;
  const channel = o.channel ?? CHANNEL;
  return {
    type: 'message',
    ...b,
    conversation: {
      id: o.conversationId ?? `${channel.id};messageid=${o.threadId ?? b.id}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT_ID,
    },
    text: o.text,
    textFormat: 'plain',
    entities: [...mentionsIn(o.text, b.recipient), ...clientInfoFor(o.timeZone)],
    channelData: {
      tenant: { id: TENANT_ID },
      team: { ...team },
      channel: { ...channel },
      teamsTeamId: team.id,
      teamsChannelId: channel.id,
    },
  };
}

/** A group chat message ("19:…@thread.v2", conversationType groupChat), with mention entities for any <at> tags. */
export function groupChatMessage(o: MessageOptions): InboundActivity {
  const b = base(o.serviceUrl, o.from, o.recipient, o.id);
  return {
    type: 'message',
    ...b,
    conversation: { id: o.conversationId ?? `19:group-${b.id}@thread.v2`, conversationType: 'groupChat', isGroup: true, tenantId: TENANT_ID },
    text: o.text,
    textFormat: 'plain',
    entities: [...mentionsIn(o.text, b.recipient), ...clientInfoFor(o.timeZone)],
    channelData: { tenant: { id: TENANT_ID } },
  };
}

export interface SubmitOptions {
  value: unknown;
  /** The id of the bot message that held the card. */
  replyToId: string;
  serviceUrl: string;
  from?: Account;
  /** Defaults to a fresh personal conversation. */
  conversation?: Conversation;
  id?: string;
}

/** An Adaptive Card Action.Submit: a message with `value` (the action's data) and no text (§2.2). */
export function cardSubmit(o: SubmitOptions): InboundActivity {
  return {
    type: 'message',
    ...base(o.serviceUrl, o.from, undefined, o.id),
    replyToId: o.replyToId,
    conversation: o.conversation ?? { id: personalConversationId(), conversationType: 'personal', tenantId: TENANT_ID },
    value: o.value,
    channelData: { source: { name: 'message' }, tenant: { id: TENANT_ID }, legacy: { replyToId: o.replyToId } },
  };
}

export interface InstallOptions {
  serviceUrl: string;
  /** Defaults to the bot itself: "the bot was added". */
  membersAdded?: Account[];
  from?: Account;
  conversationType?: Conversation['conversationType'];
  conversationId?: string;
  team?: { id: string; name: string; aadGroupId?: string };
  id?: string;
}

/**
 * conversationUpdate sent when the bot is installed (§2.4). For conversationType 'channel' (team install)
 * channelData holds the team and the conversation is the General channel.
 */
export function installUpdate(o: InstallOptions): InboundActivity {
  const type = o.conversationType ?? 'personal';
  const team = o.team ?? TEAM;
  const conversationId =
    o.conversationId ?? (type === 'channel' ? team.id : type === 'groupChat' ? `19:group-install-${nextActivityId()}@thread.v2` : personalConversationId());
  const conversation: Conversation = { id: conversationId, conversationType: type, tenantId: TENANT_ID };
  if (type !== 'personal') conversation.isGroup = true;
  const channelData: Record<string, unknown> = { tenant: { id: TENANT_ID }, eventType: 'teamMemberAdded' };
  if (type === 'channel') {
    channelData.team = { ...team };
    channelData.settings = { selectedChannel: { id: team.id } };
  }
  return {
    type: 'conversationUpdate',
    ...base(o.serviceUrl, o.from, undefined, o.id ?? `f:${nextActivityId()}`),
    conversation,
    membersAdded: (o.membersAdded ?? [{ id: BOT.id }]).map((m) => ({ ...m })),
    channelData,
  };
}

export interface PostResult {
  status: number;
  /** The parsed JSON body, when there was one. */
  json?: unknown;
  text: string;
}

/** POSTs an activity (or any JSON value, or a raw string body) to a bot endpoint such as http://127.0.0.1:PORT/api/messages. */
export async function postActivity(url: string, activity: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await res.text();
  const result: PostResult = { status: res.status, text };
  if (text !== '') {
    try {
      result.json = JSON.parse(text) as unknown;
    } catch {
      // not JSON: text only
    }
  }
  return result;
}
