// A local stand-in for the Bot Framework Connector service that Teams bots reply through, built on node:http.
//
// Use its url as the inbound activities' `serviceUrl`: botbuilder's CloudAdapter then sends every reply, typing
// indicator and proactive message here — see /work/shared/notes/platform-protocols.md §2.5 and gotchas 8–12.
// In unauthenticated local mode (no MicrosoftAppId) the adapter sends no Authorization header; with an app id it
// would first fetch a token from login.microsoftonline.com, which this stand-in does not pretend to be.
//
// Routes implemented (botframework-connector 4.23 `conversations` and `teams` operations):
//   POST   /v3/conversations                                  create a conversation → { id, activityId, serviceUrl }
//   POST   /v3/conversations/{id}/activities                  send to a conversation
//   POST   /v3/conversations/{id}/activities/{activityId}     reply — ANY activityId is accepted (gotcha 10: proactive
//                                                             sends use a random UUID, sends after createConversation
//                                                             use the conversation id)
//   PUT    /v3/conversations/{id}/activities/{activityId}     update
//   DELETE /v3/conversations/{id}/activities/{activityId}     delete
//   GET    /v3/conversations/{id}/members[/{memberId}]        members (TeamsChannelAccount shape)
//   GET    /v3/conversations/{id}/pagedmembers                { members, continuationToken? }: pages of `pageSize`
//                                                             (query), at most `maxPageSize` when set, as Teams pages
//   GET    /v3/teams/{teamId}[/conversations]                 team details / channels
// Answers: 200 `{ id }` for activities; injected failures (failNext) answer the given status with a Bot Framework
// error body `{ error: { code, message } }`. Note that @azure/core-rest-pipeline retries 5xx for about 4–5 s.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeLocal, listenLocal } from './local-server';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** What an outgoing activity looks like on the wire (only the fields tests look at are typed). */
export interface ConnectorActivity {
  type: string;
  id?: string;
  text?: string;
  summary?: string;
  replyToId?: string;
  inputHint?: string;
  attachments?: Array<{ contentType: string; content?: unknown; contentUrl?: string; name?: string }>;
  conversation?: { id: string; [key: string]: unknown };
  from?: { id: string; name?: string; [key: string]: unknown };
  recipient?: { id: string; name?: string; [key: string]: unknown };
  serviceUrl?: string;
  channelId?: string;
  [key: string]: unknown;
}

export interface ReceivedActivity {
  /** 'reply' = POST …/activities/{activityId}, 'send' = POST …/activities, 'update' = PUT …/activities/{activityId}. */
  route: 'reply' | 'send' | 'update';
  /** Decoded from the path (e.g. `19:abc@thread.tacv2;messageid=1700000000002`). */
  conversationId: string;
  /** The activityId of the path (decoded); undefined on the 'send' route. */
  replyToId: string | undefined;
  activity: ConnectorActivity;
  headers: IncomingHttpHeaders;
  /** The id the stand-in answered with. */
  id: string;
  /** Problems validateAdaptiveCard found in the activity's Adaptive Card attachments (empty when fine or none). */
  cardProblems: string[];
}

/** Every request, whatever the route and outcome (failed attempts included). */
export interface ConnectorRequest {
  method: string;
  path: string;
  status: number;
}

export interface CreatedConversation {
  id: string;
  parameters: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

export interface TeamsMember {
  id: string;
  name: string;
  aadObjectId?: string;
  givenName?: string;
  surname?: string;
  email?: string;
  userPrincipalName?: string;
  tenantId?: string;
  userRole?: string;
}

export const DEFAULT_MEMBERS: TeamsMember[] = [
  {
    id: '29:1alice',
    name: 'Alice',
    aadObjectId: '00000000-0000-0000-0000-0000000a11ce',
    givenName: 'Alice',
    surname: 'Anders',
    email: 'alice@example.com',
    userPrincipalName: 'alice@example.com',
    tenantId: '00000000-0000-0000-0000-000000007e47',
    userRole: 'user',
  },
  {
    id: '29:1bob',
    name: 'Bob',
    aadObjectId: '00000000-0000-0000-0000-000000000b0b',
    givenName: 'Bob',
    surname: 'Berg',
    email: 'bob@example.com',
    userPrincipalName: 'bob@example.com',
    tenantId: '00000000-0000-0000-0000-000000007e47',
    userRole: 'user',
  },
];

/** What Teams accepts in a bot's Adaptive Card (and what whosejob may use). */
export const TEAMS_CARD_RULES = {
  version: '1.5',
  maxActions: 6,
  maxBytes: 28 * 1024,
  elements: new Set(['TextBlock', 'Container', 'ColumnSet', 'Column', 'FactSet', 'Image', 'ActionSet', 'Table']),
  actions: new Set(['Action.Submit', 'Action.OpenUrl', 'Action.Execute', 'Action.ShowCard']),
} as const;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Checks one Adaptive Card against TEAMS_CARD_RULES: type AdaptiveCard, version 1.5, known element and action
 * types only (recursively through Container/ColumnSet/Column/ActionSet), at most 6 actions in total, at most 28 KB
 * of JSON. Returns the problems found (empty = fine). Exported so tests can check renderCard output directly.
 */
export function validateAdaptiveCard(card: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(card)) return ['card is not an object'];
  if (card.type !== 'AdaptiveCard') problems.push(`type is ${JSON.stringify(card.type)}, expected "AdaptiveCard"`);
  if (card.version !== TEAMS_CARD_RULES.version) problems.push(`version is ${JSON.stringify(card.version)}, expected "1.5"`);
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes > TEAMS_CARD_RULES.maxBytes) problems.push(`card is ${bytes} bytes (max ${TEAMS_CARD_RULES.maxBytes})`);
  let actionCount = 0;
  const checkAction = (action: unknown, where: string): void => {
    actionCount += 1;
    if (!isObject(action) || typeof action.type !== 'string') {
      problems.push(`${where} has no type`);
      return;
    }
    if (!TEAMS_CARD_RULES.actions.has(action.type)) problems.push(`${where} is ${action.type}, not an allowed action`);
    if (typeof action.title !== 'string' || action.title === '') problems.push(`${where} has no title`);
    if (action.type === 'Action.OpenUrl' && typeof action.url !== 'string') problems.push(`${where} has no url`);
    // Universal Actions: Teams routes an Action.Execute to the bot by its verb.
    if (action.type === 'Action.Execute' && (typeof action.verb !== 'string' || action.verb === '')) problems.push(`${where} is Action.Execute without a verb`);
    // A folded part of the card: a card of its own, held to the same rules.
    if (action.type === 'Action.ShowCard') {
      const inner = action.card;
      if (!isObject(inner) || inner.type !== 'AdaptiveCard') problems.push(`${where} is Action.ShowCard without a card`);
      else checkElements(inner.body, `${where}.card.body`);
    }
  };
  const checkElements = (elements: unknown, where: string): void => {
    if (elements === undefined) return;
    if (!Array.isArray(elements)) {
      problems.push(`${where} is not an array`);
      return;
    }
    elements.forEach((element: unknown, i) => {
      const at = `${where}[${i}]`;
      if (!isObject(element) || typeof element.type !== 'string') {
        problems.push(`${at} has no type`);
        return;
      }
      if (!TEAMS_CARD_RULES.elements.has(element.type)) problems.push(`${at} is ${element.type}, not an allowed element`);
      switch (element.type) {
        case 'TextBlock':
          if (typeof element.text !== 'string') problems.push(`${at}.text is not a string`);
          break;
        case 'Container':
        case 'Column':
          checkElements(element.items, `${at}.items`);
          break;
        case 'ColumnSet':
          checkElements(element.columns, `${at}.columns`);
          break;
        case 'Table': {
          // Adaptive Cards 1.5: rows of TableRow, each of TableCell holding elements, one cell per column.
          const columns = Array.isArray(element.columns) ? element.columns.length : 0;
          if (columns === 0) problems.push(`${at}.columns is empty`);
          if (!Array.isArray(element.rows)) problems.push(`${at}.rows is not an array`);
          else
            element.rows.forEach((row: unknown, r) => {
              if (!isObject(row) || row.type !== 'TableRow' || !Array.isArray(row.cells)) {
                problems.push(`${at}.rows[${r}] is not a TableRow with cells`);
                return;
              }
              if (row.cells.length !== columns) problems.push(`${at}.rows[${r}] has ${row.cells.length} cells for ${columns} columns`);
              row.cells.forEach((cell: unknown, c) => {
                if (!isObject(cell) || cell.type !== 'TableCell') problems.push(`${at}.rows[${r}].cells[${c}] is not a TableCell`);
                else checkElements(cell.items, `${at}.rows[${r}].cells[${c}].items`);
              });
            });
          break;
        }
        case 'ActionSet':
          if (Array.isArray(element.actions)) element.actions.forEach((a: unknown, j) => checkAction(a, `${at}.actions[${j}]`));
          break;
        default:
          break;
      }
    });
  };
  if (!Array.isArray(card.body)) problems.push('body is not an array');
  else checkElements(card.body, 'body');
  if (card.actions !== undefined) {
    if (!Array.isArray(card.actions)) problems.push('actions is not an array');
    else card.actions.forEach((a: unknown, j) => checkAction(a, `actions[${j}]`));
  }
  if (actionCount > TEAMS_CARD_RULES.maxActions) problems.push(`${actionCount} actions (max ${TEAMS_CARD_RULES.maxActions})`);
  return problems;
}

/** The Adaptive Cards attached to an activity (content only). */
export function adaptiveCardsOf(activity: ConnectorActivity): unknown[] {
  return (activity.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD).map((a) => a.content);
}

interface Waiter {
  ready: () => boolean;
  resolve: () => void;
}

interface Fault {
  status: number;
}

const CODES: Record<number, string> = {
  400: 'BadArgument',
  401: 'Unauthorized',
  403: 'BotNotInConversationRoster',
  404: 'ConversationNotFound',
  429: 'Throttled',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

const errorBody = (status: number, message: string): { error: { code: string; message: string } } => ({
  error: { code: CODES[status] ?? 'Error', message },
});

export class TeamsConnectorStandIn {
  /** Activities accepted on the reply, send and update routes, in arrival order. */
  readonly received: ReceivedActivity[] = [];
  /** Every request, failed attempts included. */
  readonly requests: ConnectorRequest[] = [];
  /** POST /v3/conversations bodies. */
  readonly created: CreatedConversation[] = [];
  /** DELETE …/activities/{id}: `{ conversationId, activityId }`. */
  readonly deleted: Array<{ conversationId: string; activityId: string }> = [];
  /** Who GET …/members answers with; replace or push to change it. */
  members: TeamsMember[] = DEFAULT_MEMBERS.map((m) => ({ ...m }));
  /**
   * The most members one page of GET …/pagedmembers holds, whatever the bot asks for (Teams may answer with fewer
   * than the requested pageSize). Unset: the requested pageSize, or all members when none is given.
   */
  maxPageSize: number | undefined = undefined;
  /** Artificial delay before each answer (ms), e.g. to model a slow connector. */
  latencyMs = 0;
  /** Check every Adaptive Card received (cardProblems). A benchmark turns this off to keep its cost out of the figures. */
  validateCards = true;

  private server: Server | undefined;
  private baseUrl: string | undefined;
  private readonly faults: Fault[] = [];
  private readonly waiters: Waiter[] = [];
  private idCounter = 0;

  /** `http://127.0.0.1:PORT/` — use as the activities' serviceUrl. Throws before start(). */
  get url(): string {
    if (this.baseUrl === undefined) throw new Error('TeamsConnectorStandIn is not started');
    return `${this.baseUrl}/`;
  }

  async start(): Promise<{ url: string }> {
    if (this.server !== undefined) throw new Error('TeamsConnectorStandIn is already started');
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, errorBody(500, `stand-in error: ${String(err)}`));
        else res.end();
      });
    });
    server.keepAliveTimeout = 60_000;
    this.baseUrl = await listenLocal(server);
    this.server = server;
    return { url: this.url };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    this.baseUrl = undefined;
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
    await closeLocal(server);
  }

  activitiesOfType(type: string): ReceivedActivity[] {
    return this.received.filter((r) => r.activity.type === type);
  }

  /** Received activities whose Adaptive Cards failed validateAdaptiveCard: assert this stays empty. */
  invalidCards(): ReceivedActivity[] {
    return this.received.filter((r) => r.cardProblems.length > 0);
  }

  /**
   * Resolves with the received activities matching `predicate` (all when omitted) once at least `count` of them
   * have arrived; rejects after `timeoutMs` with what did arrive.
   */
  waitFor(count = 1, predicate: (r: ReceivedActivity) => boolean = () => true, timeoutMs = 5000): Promise<ReceivedActivity[]> {
    const matching = (): ReceivedActivity[] => this.received.filter(predicate);
    if (matching().length >= count) return Promise.resolve(matching());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        ready: () => matching().length >= count,
        resolve: () => {
          clearTimeout(timer);
          resolve(matching());
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        const seen = this.received.map((r) => `${r.activity.type}@${r.conversationId}`).join(', ');
        reject(new Error(`waitFor(${count}) timed out after ${timeoutMs} ms: ${matching().length} matching; received [${seen}]`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Forgets everything recorded and any pending faults. Ids keep increasing. */
  clear(): void {
    this.received.length = 0;
    this.requests.length = 0;
    this.created.length = 0;
    this.deleted.length = 0;
    this.faults.length = 0;
  }

  /** The next `times` requests (any route) answer `status` (e.g. 503, 403) with a Bot Framework error body. */
  failNext(status: number, times = 1): void {
    for (let i = 0; i < times; i += 1) this.faults.push({ status });
  }

  /** Faults still queued (a retried request consumes one per attempt). */
  get pendingFaults(): number {
    return this.faults.length;
  }

  // ------------------------------------------------------------------------------------------------------------

  private nextId(prefix = ''): string {
    this.idCounter += 1;
    return `${prefix}${1800000000000 + this.idCounter}`;
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.ready()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  /** One page of members for GET …/pagedmembers?pageSize=&continuationToken= (the token is the next offset here). */
  private page(req: IncomingMessage): { members: TeamsMember[]; continuationToken?: string } {
    const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
    const asked = Number(query.get('pageSize'));
    const sizes = [asked > 0 ? asked : this.members.length, this.maxPageSize ?? Infinity];
    const size = Math.max(1, Math.min(...sizes));
    const from = Number(query.get('continuationToken') ?? 0) || 0;
    const members = this.members.slice(from, from + size);
    const next = from + members.length;
    return next < this.members.length ? { members, continuationToken: String(next) } : { members };
  }

  private answer(res: ServerResponse, req: IncomingMessage, path: string, status: number, body: unknown): void {
    this.requests.push({ method: req.method ?? '', path, status });
    sendJson(res, status, body);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const raw = await readBody(req);
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const method = req.method ?? 'GET';

    const fault = this.faults.shift();
    if (fault !== undefined) {
      this.answer(res, req, path, fault.status, errorBody(fault.status, `injected failure (${fault.status})`));
      this.notify();
      return;
    }

    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8')) as unknown;
      } catch {
        this.answer(res, req, path, 400, errorBody(400, 'body is not JSON'));
        return;
      }
    }

    // Path segments stay percent-encoded until split, so ids containing "/" or ";" survive intact.
    const segments = path.split('/').filter((s) => s !== '').map(decodeURIComponent);
    const [v3, kind, id, sub, subId, extra] = segments;
    if (v3 !== 'v3' || extra !== undefined) {
      this.answer(res, req, path, 404, errorBody(404, `no route for ${method} ${path}`));
      return;
    }

    if (kind === 'conversations') {
      if (id === undefined) {
        if (method !== 'POST') return this.answer(res, req, path, 405, errorBody(405, 'method not allowed'));
        const parameters = isObject(body) ? body : {};
        const conversationId = this.nextId('a:created-');
        this.created.push({ id: conversationId, parameters, headers: req.headers });
        this.answer(res, req, path, 200, { id: conversationId, activityId: this.nextId(), serviceUrl: this.url });
        this.notify();
        return;
      }
      if (sub === 'activities') {
        if (method === 'DELETE' && subId !== undefined) {
          this.deleted.push({ conversationId: id, activityId: subId });
          this.answer(res, req, path, 200, {});
          this.notify();
          return;
        }
        const route = method === 'POST' ? (subId === undefined ? 'send' : 'reply') : method === 'PUT' && subId !== undefined ? 'update' : undefined;
        if (route === undefined) return this.answer(res, req, path, 405, errorBody(405, 'method not allowed'));
        if (!isObject(body) || typeof body.type !== 'string') return this.answer(res, req, path, 400, errorBody(400, 'expected an activity'));
        const activity = body as ConnectorActivity;
        const answeredId = route === 'update' ? (subId ?? this.nextId()) : this.nextId();
        const cardProblems = !this.validateCards
          ? []
          : adaptiveCardsOf(activity).flatMap((card, i) => validateAdaptiveCard(card).map((p) => `card ${i}: ${p}`));
        this.received.push({ route, conversationId: id, replyToId: subId, activity, headers: req.headers, id: answeredId, cardProblems });
        this.answer(res, req, path, 200, { id: answeredId });
        this.notify();
        return;
      }
      if (method !== 'GET') return this.answer(res, req, path, 405, errorBody(405, 'method not allowed'));
      if (sub === 'members' && subId === undefined) return this.answer(res, req, path, 200, this.members);
      if (sub === 'members' && subId !== undefined) {
        const member = this.members.find((m) => m.id === subId || m.aadObjectId === subId);
        if (member) return this.answer(res, req, path, 200, member);
        return this.answer(res, req, path, 404, { error: { code: 'MemberNotFoundInConversation', message: `no member ${subId}` } });
      }
      if (sub === 'pagedmembers' && subId === undefined) return this.answer(res, req, path, 200, this.page(req));
    }

    if (kind === 'teams' && id !== undefined && method === 'GET' && subId === undefined) {
      if (sub === undefined) return this.answer(res, req, path, 200, { id, name: 'Fake Team', aadGroupId: '00000000-0000-0000-0000-0000000a7ea7' });
      if (sub === 'conversations')
        return this.answer(res, req, path, 200, { conversations: [{ id, name: null }, { id: '19:second@thread.tacv2', name: 'Second' }] });
    }

    this.answer(res, req, path, 404, errorBody(404, `no route for ${method} ${path}`));
  }
}
