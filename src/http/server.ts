// The one HTTP server: POST /slack/events, POST /api/messages, GET /healthz.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Logger } from '../log';

export interface Routes {
  slack?: RequestListener;
  teams?: RequestListener;
}

/** GET /healthz answers 200 only when this resolves: the store answers, so a load balancer sends no
 * traffic to a replica that cannot keep state. */
export type HealthCheck = () => Promise<void>;

export function createHttpServer(routes: Routes, log: Logger, health: HealthCheck = async () => undefined): Server {
  const send = (res: Parameters<RequestListener>[1], status: number, body: object): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = path === '/slack/events' ? routes.slack : path === '/api/messages' ? routes.teams : undefined;
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') send(res, 405, { error: 'method not allowed' });
      else
        health().then(
          () => send(res, 200, { status: 'ok', slack: Boolean(routes.slack), teams: Boolean(routes.teams) }),
          (err: unknown) => {
            log.error('health check failed', { error: err instanceof Error ? err.message : String(err) });
            send(res, 503, { status: 'unavailable', error: 'store unreachable' });
          },
        );
      return;
    }
    if (!route) {
      send(res, 404, { error: 'not found' });
      return;
    }
    if (req.method !== 'POST') {
      send(res, 405, { error: 'method not allowed' });
      return;
    }
    try {
      const result = route(req, res) as unknown;
      if (result instanceof Promise) result.catch((err: unknown) => fail(err));
    } catch (err) {
      fail(err);
    }
    function fail(err: unknown): void {
      log.error('request handler failed', { path, error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
    }
  });
}
