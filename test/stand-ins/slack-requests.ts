// Builds and sends requests the way Slack sends them to the app under test
// (/work/shared/notes/platform-protocols.md §1.1–1.6).
//
// * Events and url_verification: JSON bodies, `Content-Type: application/json`.
// * Slash commands: a url-encoded form. Interactions: a form whose single field is `payload=<JSON>`.
//   Content-Type must be exactly `application/x-www-form-urlencoded`; Bolt answers 400 when `; charset=…` is added.
// * Every request is signed (v0 HMAC-SHA256 of `v0:{ts}:{raw body}`), url_verification included.
import { createHmac } from 'node:crypto';
import { FAKE_APP_ID, FAKE_BOT_USER_ID, FAKE_TEAM_DOMAIN, FAKE_TEAM_ID } from './slack-web-api';

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';
/** The deprecated verification token Slack still puts into payloads; Bolt ignores it. */
export const LEGACY_TOKEN = 'legacy-verification-token';
export const DEFAULT_USER = 'U0HUMAN';
export const DEFAULT_CHANNEL = 'C0GENERAL';
export const DEFAULT_DM_CHANNEL = 'D0DM';

export type SlackSignatureHeaders = { 'X-Slack-Request-Timestamp': string; 'X-Slack-Signature': string };

/** Current Unix time in seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Slack's v0 request signature over the exact raw body. */
export function sign(secret: string, body: string, timestampSeconds: number = nowSeconds()): SlackSignatureHeaders {
  const ts = String(timestampSeconds);
  const hex = createHmac('sha256', secret).update(`v0:${ts}:${body}`, 'utf8').digest('hex');
  return { 'X-Slack-Request-Timestamp': ts, 'X-Slack-Signature': `v0=${hex}` };
}

let tsCounter = 0;
/** An increasing message timestamp in Slack's `seconds.micros` form. */
export function fakeTs(): string {
  tsCounter += 1;
  const seconds = nowSeconds();
  return `${seconds}.${String(tsCounter).padStart(6, '0')}`;
}

let idCounter = 0;
function nextId(prefix: string): string {
  idCounter += 1;
  return `${prefix}${Date.now().toString(36).toUpperCase()}${idCounter}`;
}

// ------------------------------------------------------------------------------------------------------------
// Events API (§1.4)

export type SlackEvent = { type: string } & Record<string, unknown>;

export interface EventCallback {
  token: string;
  team_id: string;
  api_app_id: string;
  event: SlackEvent;
  type: 'event_callback';
  event_id: string;
  event_time: number;
  authorizations: Array<{
    enterprise_id: string | null;
    team_id: string;
    user_id: string;
    is_bot: boolean;
    is_enterprise_install: boolean;
  }>;
  is_ext_shared_channel: boolean;
  event_context: string;
}

/** The `event_callback` wrapper around one event. Reuse `eventId` to simulate a Slack retry of the same event. */
export function eventCallback(
  event: SlackEvent,
  { eventId = nextId('Ev'), teamId = FAKE_TEAM_ID, eventTime = nowSeconds() }: { eventId?: string; teamId?: string; eventTime?: number } = {},
): EventCallback {
  return {
    token: LEGACY_TOKEN,
    team_id: teamId,
    api_app_id: FAKE_APP_ID,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: eventTime,
    authorizations: [
      { enterprise_id: null, team_id: teamId, user_id: FAKE_BOT_USER_ID, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(eventId).toString('base64')}`,
  };
}

export interface MessageParams {
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  thread_ts?: string;
}

/** `app_mention`; the text should contain `<@U0BOT>` as Slack's would. */
export function appMention({ text, user = DEFAULT_USER, channel = DEFAULT_CHANNEL, ts = fakeTs(), thread_ts }: MessageParams): SlackEvent {
  const event: SlackEvent = {
    type: 'app_mention',
    user,
    text,
    ts,
    channel,
    event_ts: ts,
    team: FAKE_TEAM_ID,
    client_msg_id: nextId('cm-'),
  };
  if (thread_ts !== undefined) event.thread_ts = thread_ts;
  return event;
}

/** `message` with `channel_type: 'im'` (message.im): a DM to the bot. */
export function directMessage({ text, user = DEFAULT_USER, channel = DEFAULT_DM_CHANNEL, ts = fakeTs(), thread_ts }: MessageParams): SlackEvent {
  const event: SlackEvent = {
    type: 'message',
    channel,
    user,
    text,
    ts,
    event_ts: ts,
    channel_type: 'im',
    team: FAKE_TEAM_ID,
    client_msg_id: nextId('cm-'),
  };
  if (thread_ts !== undefined) event.thread_ts = thread_ts;
  return event;
}

/** `app_home_opened`. Pass `view` only when a Home view was published before (Slack omits it otherwise). */
export function appHomeOpened({
  user = DEFAULT_USER,
  channel = DEFAULT_DM_CHANNEL,
  tab = 'home',
  view,
}: { user?: string; channel?: string; tab?: 'home' | 'messages'; view?: Record<string, unknown> } = {}): SlackEvent {
  const eventTs = fakeTs();
  const event: SlackEvent = { type: 'app_home_opened', user, channel, tab, event_ts: eventTs };
  if (view !== undefined) event.view = view;
  return event;
}

/** The handshake Slack sends when the events URL is configured (no event_callback wrapper). */
export function urlVerification(challenge: string): { token: string; challenge: string; type: 'url_verification' } {
  return { token: LEGACY_TOKEN, challenge, type: 'url_verification' };
}

// ------------------------------------------------------------------------------------------------------------
// Slash command (§1.5)

export interface SlashCommandParams {
  text?: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  channel_name?: string;
  response_url: string;
  command?: string;
  trigger_id?: string;
}

/** The url-encoded form string Slack posts for a slash command. */
export function slashCommand({
  text = '',
  user_id = DEFAULT_USER,
  user_name = 'human',
  channel_id = DEFAULT_CHANNEL,
  channel_name = 'general',
  response_url,
  command = '/whosejob',
  trigger_id = nextId('trig.'),
}: SlashCommandParams): string {
  return new URLSearchParams({
    token: LEGACY_TOKEN,
    team_id: FAKE_TEAM_ID,
    team_domain: FAKE_TEAM_DOMAIN,
    channel_id,
    channel_name,
    user_id,
    user_name,
    command,
    text,
    api_app_id: FAKE_APP_ID,
    is_enterprise_install: 'false',
    response_url,
    trigger_id,
  }).toString();
}

// ------------------------------------------------------------------------------------------------------------
// block_actions (§1.6)

export interface ActionParams {
  action_id: string;
  value?: string;
  block_id?: string;
  /** The button label; defaults to the action_id. */
  text?: string;
  type?: string;
}

export interface BlockActionsParams {
  actions: ActionParams[];
  user?: string;
  /** For a message button; ignored when `view` is given. */
  channel?: string;
  /** Fields of the message that carried the button (merged over a default bot message). */
  message?: Record<string, unknown>;
  /** Overrides the container computed from message/view. */
  container?: Record<string, unknown>;
  response_url?: string;
  /** For a button on the Home tab or in a modal: replaces message and channel. */
  view?: Record<string, unknown>;
  trigger_id?: string;
}

/** The JSON object of a `block_actions` interaction (before form encoding). */
export function blockActionsPayload({
  actions,
  user = DEFAULT_USER,
  channel = DEFAULT_CHANNEL,
  message,
  container,
  response_url,
  view,
  trigger_id = nextId('trig.'),
}: BlockActionsParams): Record<string, unknown> {
  const actionTs = `${nowSeconds()}.000000`;
  const payload: Record<string, unknown> = {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: FAKE_TEAM_ID },
    api_app_id: FAKE_APP_ID,
    token: LEGACY_TOKEN,
    trigger_id,
    team: { id: FAKE_TEAM_ID, domain: FAKE_TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    state: { values: {} },
    actions: actions.map((a, i) => {
      const action: Record<string, unknown> = {
        action_id: a.action_id,
        block_id: a.block_id ?? `block-${i}`,
        text: { type: 'plain_text', text: a.text ?? a.action_id, emoji: true },
        type: a.type ?? 'button',
        action_ts: actionTs,
      };
      if (a.value !== undefined) action.value = a.value;
      return action;
    }),
  };
  if (view !== undefined) {
    const viewId = typeof view.id === 'string' ? view.id : 'V0HOME';
    payload.container = container ?? { type: 'view', view_id: viewId };
    payload.view = { id: viewId, team_id: FAKE_TEAM_ID, type: 'home', blocks: [], ...view };
  } else {
    const ts = typeof message?.ts === 'string' ? message.ts : fakeTs();
    payload.container = container ?? { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false };
    payload.channel = { id: channel, name: channel === DEFAULT_CHANNEL ? 'general' : channel.toLowerCase() };
    payload.message = { type: 'message', user: FAKE_BOT_USER_ID, ts, text: '', blocks: [], ...message };
  }
  if (response_url !== undefined) payload.response_url = response_url;
  return payload;
}

/** The `payload=<URL-encoded JSON>` form string Slack posts for a button click. */
export function blockActions(params: BlockActionsParams): string {
  return interactionForm(blockActionsPayload(params));
}

/** Form-encodes any interaction payload (block_actions, view_submission, shortcut…). */
export function interactionForm(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

// ------------------------------------------------------------------------------------------------------------
// Sending

export interface PostToAppOptions {
  /** The exact body. An object is sent as JSON (and signed as the JSON text). */
  body: string | object;
  /** Defaults to application/json for objects and for strings starting with `{`, else the bare form type. */
  contentType?: string;
  /** Signing secret; when omitted the request goes out unsigned. */
  secret?: string;
  /** Unix seconds used in the signature; defaults to now. */
  timestamp?: number;
  /** Extra headers, applied last (so they can override the signature, e.g. to send a bad one). */
  headers?: Record<string, string>;
}

export interface AppResponse {
  status: number;
  text: string;
  /** The parsed body when it was JSON. */
  json?: unknown;
  headers: Record<string, string>;
}

/** POSTs a request to the app as Slack would: signs the exact raw body and sends it with global fetch. */
export async function postToApp(url: string, { body, contentType, secret, timestamp, headers = {} }: PostToAppOptions): Promise<AppResponse> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const type = contentType ?? (typeof body !== 'string' || raw.trimStart().startsWith('{') ? JSON_TYPE : FORM);
  const signature = secret !== undefined ? sign(secret, raw, timestamp ?? nowSeconds()) : {};
  // Header names are case-insensitive: lower-case them so an override replaces instead of duplicating.
  const allHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries({ 'Content-Type': type, ...signature, ...headers })) {
    allHeaders[name.toLowerCase()] = value;
  }
  const response = await fetch(url, { method: 'POST', headers: allHeaders, body: raw });
  const text = await response.text();
  const result: AppResponse = { status: response.status, text, headers: Object.fromEntries(response.headers.entries()) };
  if (text !== '') {
    try {
      result.json = JSON.parse(text) as unknown;
    } catch {
      // not JSON
    }
  }
  return result;
}
