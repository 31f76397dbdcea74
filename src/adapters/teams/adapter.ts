// Teams through the Bot Framework: a CloudAdapter behind our HTTP server's POST /api/messages.
// Every botbuilder import stays in this folder, so a move to the Teams SDK touches nothing else.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ShowTypingMiddleware, type ConversationReference } from 'botbuilder';
import type { Config } from '../../config';
import type { Reply } from '../../reply/reply';
import { cardActivity, WhosejobTeamsBot, type TeamsDeps } from './bot';
import { ReusedClientsAuthentication } from './reused-connectors';
import { teamsOutbox } from './outbox';
import type { Outbox } from '../../reply/outbox';

const MAX_BODY = 256 * 1024;

export interface TeamsAdapter {
  requestListener: RequestListener;
  /** Posts, edits and DMs nobody asked for (the daily quiz, reveals, reminders). */
  outbox: Outbox;
  /** Posts a reply into a conversation the bot was added to earlier; false if it never was. */
  post(conversationId: string, reply: Reply): Promise<boolean>;
}

/** The small Express-like response botbuilder's process() writes to. */
export function responseShim(res: ServerResponse) {
  return {
    socket: res.socket,
    status: (code: number) => {
      res.statusCode = code;
    },
    header: (name: string, value: unknown) => {
      res.setHeader(name, String(value));
    },
    send: (body?: unknown) => {
      if (body === undefined) return;
      if (typeof body === 'object' && !Buffer.isBuffer(body)) {
        if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
        res.write(JSON.stringify(body));
      } else res.write(body as string | Buffer);
    },
    end: () => {
      res.end();
    },
  };
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the 413 reaches the client intact.
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        return;
      }
      try {
        const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        resolve(value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', reject);
  });
}

export interface TeamsOptions {
  /** Show "typing…" when an answer takes longer than this (answers are usually instant). */
  typingDelayMs?: number;
}

export function createTeamsAdapter(config: Config, deps: TeamsDeps, options: TeamsOptions = {}): TeamsAdapter {
  const appId = config.MicrosoftAppId;
  // With no app id the endpoint accepts unsigned activities: only for local clients (TEAMS_ENABLED).
  const auth = new ConfigurationBotFrameworkAuthentication(
    appId
      ? {
          MicrosoftAppId: appId,
          MicrosoftAppPassword: config.MicrosoftAppPassword,
          MicrosoftAppType: config.MicrosoftAppType ?? 'MultiTenant',
          MicrosoftAppTenantId: config.MicrosoftAppTenantId,
        }
      : {},
  );
  const adapter = new CloudAdapter(new ReusedClientsAuthentication(auth));
  // Bot Framework's own middleware: a typing indicator while a reply is being made, repeated every
  // 2 s, and no extra round trip for the answers that are ready at once.
  adapter.use(new ShowTypingMiddleware(options.typingDelayMs ?? 500, 2000));
  adapter.onTurnError = async (context, error) => {
    deps.log.error('teams turn failed', { error: error.message, conversation: context.activity.conversation?.id });
    try {
      await context.sendActivity('Sorry — something went wrong answering that. Please try again.');
    } catch (err) {
      deps.log.error('teams error reply failed', { error: err instanceof Error ? err.message : String(err) });
    }
  };
  const bot = new WhosejobTeamsBot({ ...deps, appId });

  const requestListener: RequestListener = (req, res) => {
    readJson(req).then(
      async (body) => {
        if (!body || typeof body.type !== 'string') {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'expected a JSON activity with a type' }));
          return;
        }
        await adapter.process({ body, headers: req.headers, method: req.method }, responseShim(res), (context) => bot.run(context));
      },
      () => {
        res.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'activity too large' }));
      },
    ).catch((err: unknown) => {
      deps.log.error('teams request failed', { error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) res.writeHead(500).end();
    });
  };

  const outbox = teamsOutbox(adapter, appId ?? '', deps.store);
  return {
    requestListener,
    outbox,
    post: async (conversationId, reply) => {
      const stored = await deps.store.getConversationRef('teams', conversationId);
      if (!stored) return false;
      const reference = JSON.parse(stored.reference) as Partial<ConversationReference>;
      await adapter.continueConversationAsync(appId ?? '', reference, async (context) => {
        await context.sendActivity(cardActivity(reply, '', false));
      });
      return true;
    },
  };
}
