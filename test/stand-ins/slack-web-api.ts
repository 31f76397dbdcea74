// A local stand-in for Slack's Web API (https://slack.com/api/{method}) and for response_url, built on node:http.
//
// Point Bolt at it with `clientOptions: { slackApiUrl: standIn.url, retryConfig: { retries: 0 } }` — see
// /work/shared/notes/platform-protocols.md §1.8–1.9. Without `retries: 0` an injected failure is retried by
// @slack/web-api for about 30 minutes.
//
// Wire format accepted (what @slack/web-api 8 sends): `POST /api/{method}`, `Authorization: Bearer xoxb-…`,
// `Content-Type: application/x-www-form-urlencoded` with nested arguments (blocks, attachments, view, metadata)
// as JSON strings inside the form. JSON and multipart bodies are accepted too.
// Answers: HTTP 200 + JSON `{ok:true,…}` or `{ok:false,error}`; injected 429 (Retry-After) and 500.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeLocal, listenLocal } from './local-server';

/** IDs the stand-in uses for "its" workspace and bot; the request builders in slack-requests.ts use the same ones. */
export const FAKE_TEAM_ID = 'T000FAKE';
export const FAKE_TEAM_DOMAIN = 'fake';
export const FAKE_APP_ID = 'A000FAKE';
export const FAKE_BOT_USER_ID = 'U0BOT';
export const FAKE_BOT_ID = 'B0BOT';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
/** Arguments as decoded from the request: form values stay strings, nested JSON arguments become objects. */
export type Args = Record<string, unknown>;

export interface RecordedCall {
  method: string;
  args: Args;
  /** From `Authorization: Bearer …`, else the `token` argument; undefined when neither was sent. */
  token: string | undefined;
  /** What the stand-in answered. */
  status: number;
  response: JsonObject;
  /** Set when the block/text validator rejected the call (the error is then invalid_blocks or msg_too_long). */
  problems?: string[];
}

export interface RecordedResponse {
  id: string;
  /** Parsed JSON body (the raw text when it was not JSON). */
  body: unknown;
  contentType: string | undefined;
}

/** Replaces the default answer for one method; return a body (HTTP 200) for the stand-in to send. */
export type ResponseHandler = (args: Args, call: { method: string; token: string | undefined }) => JsonObject;

type Fault =
  | { kind: 'error'; error: string; extra: JsonObject }
  | { kind: 'ratelimit'; retryAfterSeconds: number }
  | { kind: 'server' };

interface Waiter {
  ready: () => boolean;
  resolve: () => void;
}

const NESTED_JSON_ARGS = ['blocks', 'attachments', 'view', 'metadata'];
const VALIDATED_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update']);

/**
 * Slack's documented structural limits for message blocks (Block Kit reference). Only what the brief asks for
 * plus a few neighbours that are just as easy to trip; anything not listed is accepted.
 */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  messageText: 40000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  blockId: 255,
  actionsElements: 25,
  contextElements: 10,
} as const;

/**
 * Checks a message's `text` and `blocks` against SLACK_LIMITS. Returns the Slack error and the problems found,
 * or undefined when the message is fine. Exported so tests can check a payload without a round trip.
 */
export function validateMessage(args: Args): { error: string; problems: string[] } | undefined {
  const problems: string[] = [];
  const text = args.text;
  if (typeof text === 'string' && text.length > SLACK_LIMITS.messageText) {
    // Slack's error for an over-long message text is msg_too_long, not invalid_blocks.
    return { error: 'msg_too_long', problems: [`text is ${text.length} characters (max ${SLACK_LIMITS.messageText})`] };
  }
  const blocks = args.blocks;
  if (blocks === undefined || blocks === '') return undefined;
  if (!Array.isArray(blocks)) {
    return { error: 'invalid_blocks_format', problems: ['blocks is not a JSON array'] };
  }
  if (blocks.length > SLACK_LIMITS.blocksPerMessage) {
    problems.push(`${blocks.length} blocks (max ${SLACK_LIMITS.blocksPerMessage})`);
  }
  blocks.forEach((block: unknown, i) => checkBlock(block, `blocks[${i}]`, problems));
  // Slack takes one table block per message.
  const tables = blocks.filter((b: unknown) => isObject(b) && b.type === 'table').length;
  if (tables > 1) problems.push(`${tables} table blocks (max 1)`);
  return problems.length > 0 ? { error: 'invalid_blocks', problems } : undefined;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function textOf(x: unknown): string | undefined {
  return isObject(x) && typeof x.text === 'string' ? x.text : undefined;
}

function tooLong(problems: string[], where: string, value: unknown, max: number): void {
  if (typeof value === 'string' && value.length > max) problems.push(`${where} is ${value.length} characters (max ${max})`);
}

function checkBlock(block: unknown, where: string, problems: string[]): void {
  if (!isObject(block) || typeof block.type !== 'string') {
    problems.push(`${where} has no type`);
    return;
  }
  tooLong(problems, `${where}.block_id`, block.block_id, SLACK_LIMITS.blockId);
  switch (block.type) {
    case 'section': {
      const text = textOf(block.text);
      if (block.text !== undefined && text === undefined) problems.push(`${where}.text is not a text object`);
      if (text !== undefined && text.length === 0) problems.push(`${where}.text is empty`);
      tooLong(problems, `${where}.text`, text, SLACK_LIMITS.sectionText);
      if (block.text === undefined && block.fields === undefined) problems.push(`${where} needs text or fields`);
      if (Array.isArray(block.fields)) {
        if (block.fields.length > SLACK_LIMITS.sectionFields) {
          problems.push(`${where}.fields has ${block.fields.length} items (max ${SLACK_LIMITS.sectionFields})`);
        }
        block.fields.forEach((f: unknown, j) => tooLong(problems, `${where}.fields[${j}]`, textOf(f), SLACK_LIMITS.sectionFieldText));
      }
      if (block.accessory !== undefined) checkElement(block.accessory, `${where}.accessory`, problems);
      break;
    }
    case 'header': {
      const text = textOf(block.text);
      if (text === undefined) problems.push(`${where}.text is missing`);
      tooLong(problems, `${where}.text`, text, SLACK_LIMITS.headerText);
      break;
    }
    case 'actions': {
      if (!Array.isArray(block.elements) || block.elements.length === 0) {
        problems.push(`${where}.elements is empty`);
        break;
      }
      if (block.elements.length > SLACK_LIMITS.actionsElements) {
        problems.push(`${where}.elements has ${block.elements.length} items (max ${SLACK_LIMITS.actionsElements})`);
      }
      block.elements.forEach((e: unknown, j) => checkElement(e, `${where}.elements[${j}]`, problems));
      break;
    }
    case 'table': {
      // https://docs.slack.dev/reference/block-kit/blocks/table-block: at most 100 rows of at most 20
      // cells, each raw_text (or raw_number / rich_text) with some text.
      if (!Array.isArray(block.rows) || block.rows.length === 0) {
        problems.push(`${where}.rows is empty`);
        break;
      }
      if (block.rows.length > 100) problems.push(`${where}.rows has ${block.rows.length} rows (max 100)`);
      block.rows.forEach((row: unknown, r) => {
        if (!Array.isArray(row) || row.length === 0 || row.length > 20) {
          problems.push(`${where}.rows[${r}] must hold 1 to 20 cells`);
          return;
        }
        row.forEach((cell: unknown, c) => {
          if (!isObject(cell) || !['raw_text', 'raw_number', 'rich_text'].includes(String(cell.type))) problems.push(`${where}.rows[${r}][${c}] is not a table cell`);
          else if (cell.type === 'raw_text' && (typeof cell.text !== 'string' || cell.text.length === 0)) problems.push(`${where}.rows[${r}][${c}] has no text`);
        });
      });
      break;
    }
    case 'context': {
      if (Array.isArray(block.elements) && block.elements.length > SLACK_LIMITS.contextElements) {
        problems.push(`${where}.elements has ${block.elements.length} items (max ${SLACK_LIMITS.contextElements})`);
      }
      break;
    }
    default:
      break;
  }
}

function checkElement(element: unknown, where: string, problems: string[]): void {
  if (!isObject(element) || typeof element.type !== 'string') {
    problems.push(`${where} has no type`);
    return;
  }
  tooLong(problems, `${where}.action_id`, element.action_id, SLACK_LIMITS.actionId);
  if (element.type === 'button') {
    const text = textOf(element.text);
    if (text === undefined) problems.push(`${where}.text is missing`);
    tooLong(problems, `${where}.text`, text, SLACK_LIMITS.buttonText);
    tooLong(problems, `${where}.value`, element.value, SLACK_LIMITS.buttonValue);
    tooLong(problems, `${where}.url`, element.url, SLACK_LIMITS.buttonUrl);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: JsonObject, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

async function parseArgs(raw: Buffer, contentType: string): Promise<Args> {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  let args: Args = {};
  if (type === 'application/json') {
    const text = raw.toString('utf8');
    const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
    if (!isObject(parsed)) throw new Error('JSON body is not an object');
    args = parsed;
  } else if (type === 'multipart/form-data') {
    // File uploads: let undici's Response parse the multipart body; files are recorded by name and size.
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    for (const [key, value] of form.entries()) {
      args[key] = typeof value === 'string' ? value : { filename: value.name, size: value.size };
    }
  } else {
    // application/x-www-form-urlencoded (also the fallback, as Slack is lenient here)
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) args[key] = value;
  }
  for (const key of NESTED_JSON_ARGS) {
    const value = args[key];
    if (typeof value === 'string' && value !== '') {
      try {
        args[key] = JSON.parse(value) as unknown;
      } catch {
        // left as the raw string; the validator answers invalid_blocks_format for blocks
      }
    }
  }
  return args;
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

/**
 * The Slack Web API stand-in. Start it before constructing the Bolt App: Bolt calls auth.test in its constructor.
 */
export class SlackWebApiStandIn {
  /** Every Web API call, in arrival order (including failed, rate-limited and rejected ones). */
  readonly calls: RecordedCall[] = [];
  /** Every POST to a responseUrl(id), in arrival order. */
  readonly responses: RecordedResponse[] = [];

  private server: Server | undefined;
  private baseUrl: string | undefined;
  private readonly faults = new Map<string, Fault[]>();
  private readonly overrides = new Map<string, ResponseHandler>();
  private readonly waiters: Waiter[] = [];
  private tsCounter = 0;
  private idCounter = 0;
  private readonly homeViewIds = new Map<string, string>();
  private readonly dmChannels = new Map<string, string>();

  /** `http://127.0.0.1:PORT/api/` — pass as Bolt's `clientOptions.slackApiUrl`. Throws before start(). */
  get url(): string {
    if (this.baseUrl === undefined) throw new Error('SlackWebApiStandIn is not started');
    return `${this.baseUrl}/api/`;
  }

  async start(): Promise<{ url: string }> {
    if (this.server !== undefined) throw new Error('SlackWebApiStandIn is already started');
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: `stand_in_error: ${String(err)}` });
        else res.end();
      });
    });
    this.baseUrl = await listenLocal(server);
    this.server = server;
    return { url: this.url };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    this.baseUrl = undefined;
    await closeLocal(server);
  }

  /** An absolute URL to use as `response_url`; JSON posted there lands in `responses` with this id. */
  responseUrl(id: string): string {
    if (this.baseUrl === undefined) throw new Error('SlackWebApiStandIn is not started');
    return `${this.baseUrl}/response/${encodeURIComponent(id)}`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls the validator rejected (invalid_blocks, invalid_blocks_format, msg_too_long): assert this stays empty. */
  rejectedByValidator(): RecordedCall[] {
    return this.calls.filter((c) => c.problems !== undefined);
  }

  /** Resolves with the calls to `method` once at least `count` have arrived; rejects after `timeoutMs`. */
  waitFor(method: string, count = 1, timeoutMs = 3000): Promise<RecordedCall[]> {
    return this.waitUntil(
      () => this.callsTo(method).length >= count,
      () => this.callsTo(method),
      timeoutMs,
      () =>
        `waitFor('${method}', ${count}) timed out after ${timeoutMs} ms; calls so far: ` +
        `[${this.calls.map((c) => c.method).join(', ')}]`,
    );
  }

  /** Resolves with `responses` once at least `count` response_url posts have arrived. */
  waitForResponse(count = 1, timeoutMs = 3000): Promise<RecordedResponse[]> {
    return this.waitUntil(
      () => this.responses.length >= count,
      () => [...this.responses],
      timeoutMs,
      () => `waitForResponse(${count}) timed out after ${timeoutMs} ms; ${this.responses.length} response(s) so far`,
    );
  }

  /** Forgets recorded calls and responses, pending faults and overrides. IDs and ts keep increasing. */
  clear(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.faults.clear();
    this.overrides.clear();
  }

  /** The next `times` calls to `method` answer HTTP 200 `{ok:false, error, ...extra}` (e.g. `needed` for missing_scope). */
  failNext(method: string, error: string, times = 1, extra: JsonObject = {}): void {
    this.addFault(method, { kind: 'error', error, extra }, times);
  }

  /** The next `times` calls to `method` answer HTTP 429 with `Retry-After` and `{ok:false,error:'ratelimited'}`. */
  rateLimitNext(method: string, retryAfterSeconds: number, times = 1): void {
    this.addFault(method, { kind: 'ratelimit', retryAfterSeconds }, times);
  }

  /** The next `times` calls to `method` answer HTTP 500. */
  serverErrorNext(method: string, times = 1): void {
    this.addFault(method, { kind: 'server' }, times);
  }

  /** Replaces the default success answer for `method` until clear(). Faults and validation still apply first. */
  respondTo(method: string, handler: ResponseHandler): void {
    this.overrides.set(method, handler);
  }

  // ------------------------------------------------------------------------------------------------------------

  private addFault(method: string, fault: Fault, times: number): void {
    const queue = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(fault);
    this.faults.set(method, queue);
  }

  private waitUntil<T>(ready: () => boolean, value: () => T, timeoutMs: number, describe: () => string): Promise<T> {
    if (ready()) return Promise.resolve(value());
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        ready,
        resolve: () => {
          clearTimeout(timer);
          resolve(value());
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(describe()));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.ready()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const raw = await readBody(req);
    const contentType = req.headers['content-type'] ?? '';

    const response = /^\/response\/([^/]+)$/.exec(path);
    if (response?.[1] !== undefined && req.method === 'POST') {
      const text = raw.toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // recorded as text
      }
      this.responses.push({ id: decodeURIComponent(response[1]), body, contentType: req.headers['content-type'] });
      sendJson(res, 200, { ok: true });
      this.notify();
      return;
    }

    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path);
    if (api?.[1] === undefined || (req.method !== 'POST' && req.method !== 'GET')) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const method = api[1];
    let args: Args;
    try {
      args = await parseArgs(raw, contentType);
      if (req.method === 'GET') {
        for (const [k, v] of new URL(req.url ?? '/', 'http://127.0.0.1').searchParams) args[k] = v;
      }
    } catch (err) {
      this.record(res, { method, args: { _raw: raw.toString('utf8') }, token: undefined }, 200, {
        ok: false,
        error: 'invalid_form_data',
        detail: String(err),
      });
      return;
    }
    const auth = req.headers.authorization;
    const bearer = auth !== undefined && /^Bearer\s+/i.test(auth) ? auth.replace(/^Bearer\s+/i, '') : undefined;
    const token = bearer ?? str(args.token);
    const call = { method, args, token };

    const fault = this.faults.get(method)?.shift();
    if (fault !== undefined) {
      switch (fault.kind) {
        case 'error':
          this.record(res, call, 200, { ...fault.extra, ok: false, error: fault.error });
          return;
        case 'ratelimit':
          this.record(res, call, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfterSeconds) });
          return;
        case 'server':
          this.record(res, call, 500, { ok: false, error: 'internal_error' });
          return;
      }
    }

    if (token === undefined || token === '') {
      this.record(res, call, 200, { ok: false, error: 'not_authed' });
      return;
    }

    if (VALIDATED_METHODS.has(method)) {
      const invalid = validateMessage(args);
      if (invalid !== undefined) {
        this.record(res, call, 200, { ok: false, error: invalid.error }, {}, invalid.problems);
        return;
      }
      if (method !== 'chat.update' && (str(args.channel) ?? '') === '') {
        this.record(res, call, 200, { ok: false, error: 'channel_not_found' });
        return;
      }
      if (method !== 'chat.update' && args.text === undefined && args.blocks === undefined && args.attachments === undefined) {
        this.record(res, call, 200, { ok: false, error: 'no_text' });
        return;
      }
    }

    const override = this.overrides.get(method);
    const body = override !== undefined ? override(args, { method, token }) : this.defaultResponse(method, args);
    this.record(res, call, 200, body);
  }

  private record(
    res: ServerResponse,
    call: { method: string; args: Args; token: string | undefined },
    status: number,
    response: JsonObject,
    headers: Record<string, string> = {},
    problems?: string[],
  ): void {
    const recorded: RecordedCall = { ...call, status, response };
    if (problems !== undefined) recorded.problems = problems;
    this.calls.push(recorded);
    sendJson(res, status, response, headers);
    this.notify();
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${1700000000 + this.tsCounter}.${String(this.tsCounter * 100).padStart(6, '0')}`;
  }

  private nextId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}${String(this.idCounter).padStart(8, '0')}`;
  }

  private message(args: Args, ts: string): JsonObject {
    const message: JsonObject = {
      type: 'message',
      subtype: 'bot_message',
      text: str(args.text) ?? '',
      user: FAKE_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
      app_id: FAKE_APP_ID,
      team: FAKE_TEAM_ID,
      ts,
    };
    const threadTs = str(args.thread_ts);
    if (threadTs !== undefined && threadTs !== '') message.thread_ts = threadTs;
    if (Array.isArray(args.blocks)) message.blocks = args.blocks as Json[];
    if (Array.isArray(args.attachments)) message.attachments = args.attachments as Json[];
    if (isObject(args.metadata)) message.metadata = args.metadata as JsonObject;
    return message;
  }

  private defaultResponse(method: string, args: Args): JsonObject {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: `https://${FAKE_TEAM_DOMAIN}.slack.com/`,
          team: 'Fake Workspace',
          user: 'whosejob',
          team_id: FAKE_TEAM_ID,
          user_id: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
          is_enterprise_install: false,
        };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        return { ok: true, channel: str(args.channel) ?? '', ts, message: this.message(args, ts) };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.update': {
        const ts = str(args.ts) ?? '';
        const message = this.message(args, ts);
        delete message.ts;
        return { ok: true, channel: str(args.channel) ?? '', ts, text: str(args.text) ?? '', message };
      }
      case 'chat.delete':
        return { ok: true, channel: str(args.channel) ?? '', ts: str(args.ts) ?? '' };
      case 'views.publish': {
        const user = str(args.user_id) ?? '';
        const id = this.homeViewIds.get(user) ?? this.nextId('V');
        this.homeViewIds.set(user, id);
        const view = isObject(args.view) ? args.view : {};
        return {
          ok: true,
          view: {
            id,
            team_id: FAKE_TEAM_ID,
            type: 'home',
            blocks: (Array.isArray(view.blocks) ? view.blocks : []) as Json[],
            private_metadata: str(view.private_metadata) ?? '',
            callback_id: str(view.callback_id) ?? '',
            state: { values: {} },
            hash: `${1700000000 + this.idCounter}.fakehash${this.idCounter}`,
            title: { type: 'plain_text', text: 'View Title', emoji: true },
            clear_on_close: false,
            notify_on_close: false,
            close: null,
            submit: null,
            previous_view_id: null,
            root_view_id: id,
            app_id: FAKE_APP_ID,
            external_id: str(view.external_id) ?? '',
            app_installed_team_id: FAKE_TEAM_ID,
            bot_id: FAKE_BOT_ID,
          },
        };
      }
      case 'conversations.open': {
        const channel = str(args.channel);
        if (channel !== undefined && channel !== '') return { ok: true, no_op: true, already_open: true, channel: { id: channel } };
        const users = str(args.users) ?? '';
        if (users === '') return { ok: false, error: 'users_list_not_supplied' };
        const existing = this.dmChannels.get(users);
        const id = existing ?? this.nextId(users.includes(',') ? 'G' : 'D');
        this.dmChannels.set(users, id);
        return existing !== undefined ? { ok: true, no_op: true, already_open: true, channel: { id } } : { ok: true, channel: { id } };
      }
      case 'users.info': {
        const id = str(args.user) ?? '';
        if (id === '') return { ok: false, error: 'user_not_found' };
        const name = id.toLowerCase();
        return {
          ok: true,
          user: {
            id,
            team_id: FAKE_TEAM_ID,
            name,
            deleted: false,
            real_name: `User ${id}`,
            tz: 'Europe/London',
            tz_label: 'Greenwich Mean Time',
            tz_offset: 0,
            is_admin: false,
            is_owner: false,
            is_bot: id === FAKE_BOT_USER_ID,
            is_app_user: false,
            profile: { real_name: `User ${id}`, display_name: name, team: FAKE_TEAM_ID },
          },
        };
      }
      case 'apps.connections.open':
        return { ok: true, url: `wss://wss-primary.slack.com/link/?ticket=fake-ticket&app_id=${FAKE_APP_ID}` };
      default:
        return { ok: true };
    }
  }
}
