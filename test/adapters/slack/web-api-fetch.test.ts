// The Web API transport under WebClient: real HTTP exchanges with a local server, no mocks of node:http.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { webApi } from '@slack/bolt';
import { createWebApiFetch } from '../../../src/adapters/slack/web-api-fetch';
import { closeLocal, listenLocal } from '../../stand-ins/local-server';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

async function serve(handler: Handler): Promise<{ url: string; server: Server }> {
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  return { url: await listenLocal(server), server };
}

const unusedFallback: webApi.FetchFunction = () => Promise.reject(new Error('the fallback was not expected here'));

describe('createWebApiFetch', () => {
  let server: Server | undefined;
  afterEach(async () => {
    if (server) await closeLocal(server);
    server = undefined;
  });

  test('posts a form body and reads status, headers and body as fetch would', async () => {
    let seen: { method?: string; type?: string; length?: string; auth?: string; body?: string } = {};
    const started = await serve((req, body, res) => {
      seen = { method: req.method, type: req.headers['content-type'], length: req.headers['content-length'], auth: req.headers.authorization, body };
      res.writeHead(200, { 'content-type': 'application/json', 'x-oauth-scopes': 'chat:write, im:write' }).end('{"ok":true,"ts":"1.2"}');
    });
    server = started.server;
    const fetch = createWebApiFetch({ fallback: unusedFallback });
    const body = 'channel=C1&text=caf%C3%A9';
    const res = await fetch(`${started.url}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-1' },
      body,
      redirect: 'error',
    });
    expect(seen).toEqual({ method: 'POST', type: 'application/x-www-form-urlencoded', length: String(Buffer.byteLength(body)), auth: 'Bearer xoxb-1', body });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.url).toBe(`${started.url}/api/chat.postMessage`);
    expect(res.headers.get('X-OAuth-Scopes')).toBe('chat:write, im:write');
    expect(res.headers.get('retry-after')).toBeNull();
    expect(new Map(res.headers.entries()).get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ ok: true, ts: '1.2' });
  });

  test('reads a gzip-encoded body and a non-200 status', async () => {
    const started = await serve((_req, _body, res) => {
      res.writeHead(429, { 'content-encoding': 'gzip', 'retry-after': '3' }).end(gzipSync('{"ok":false,"error":"ratelimited"}'));
    });
    server = started.server;
    const res = await createWebApiFetch({ fallback: unusedFallback })(`${started.url}/api/x`, { method: 'POST', body: 'a=1', redirect: 'error' });
    expect(res.status).toBe(429);
    expect(res.ok).toBe(false);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.text()).toBe('{"ok":false,"error":"ratelimited"}');
    expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toBe('{"ok":false,"error":"ratelimited"}');
  });

  test("a redirect is an error, as fetch's redirect: 'error' makes it", async () => {
    const started = await serve((_req, _body, res) => {
      res.writeHead(302, { location: 'https://elsewhere.example/' }).end();
    });
    server = started.server;
    await expect(createWebApiFetch({ fallback: unusedFallback })(`${started.url}/api/x`, { method: 'POST', body: 'a=1', redirect: 'error' })).rejects.toThrow(
      /redirected/,
    );
  });

  test('what it does not handle goes to the standard fetch: redirects followed, FormData uploads', async () => {
    const calls: string[] = [];
    const fallback: webApi.FetchFunction = async (url, init) => {
      calls.push(`${String(url)} ${init?.redirect ?? 'follow'} ${typeof init?.body}`);
      return {
        ok: true,
        status: 200,
        statusText: 'OK',
        url: String(url),
        headers: { get: () => null, entries: () => [] },
        arrayBuffer: async () => new ArrayBuffer(0),
        json: async () => ({}),
        text: async () => '',
      };
    };
    const fetch = createWebApiFetch({ fallback });
    await fetch('https://hooks.example/response', { method: 'POST', body: '{}' });
    const form = new FormData();
    form.append('file', 'x');
    await fetch('https://files.example/upload', { method: 'POST', body: form, redirect: 'error' });
    expect(calls).toEqual(['https://hooks.example/response follow string', 'https://files.example/upload error object']);
  });

  test('an aborted request rejects with the signal’s reason', async () => {
    const started = await serve(() => undefined); // never answers
    server = started.server;
    const controller = new AbortController();
    const pending = createWebApiFetch({ fallback: unusedFallback })(`${started.url}/api/x`, { method: 'POST', body: 'a=1', redirect: 'error', signal: controller.signal });
    controller.abort(new Error('too slow'));
    await expect(pending).rejects.toThrow('too slow');
  });

  test('a refused connection rejects (WebClient turns it into a request error)', async () => {
    const closed = await serve(() => undefined);
    await closeLocal(closed.server);
    await expect(createWebApiFetch({ fallback: unusedFallback })(`${closed.url}/api/x`, { method: 'POST', body: 'a=1', redirect: 'error' })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });

  describe('a kept-alive socket the server dropped as it was reused', () => {
    let tcp: TcpServer | undefined;
    const sockets = new Set<Socket>();
    afterEach(async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (tcp ? tcp.close(() => resolve()) : resolve()));
      tcp = undefined;
    });

    test('is retried once on a new connection', async () => {
      // Each connection answers its first request and drops the connection on the second, unanswered:
      // the race Node's docs describe for keep-alive clients.
      let connections = 0;
      tcp = createTcpServer((socket) => {
        connections++;
        sockets.add(socket);
        let requests = 0;
        socket.on('data', (chunk) => {
          if (!chunk.toString('latin1').startsWith('POST')) return;
          requests++;
          if (requests === 1) socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\nconnection: keep-alive\r\n\r\n{"ok":true}');
          else socket.destroy();
        });
      });
      await new Promise<void>((resolve) => tcp!.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(tcp.address() as AddressInfo).port}/api/chat.postMessage`;
      const fetch = createWebApiFetch({ fallback: unusedFallback });
      const init = { method: 'POST', body: 'a=1', redirect: 'error' as const };
      expect((await fetch(url, init)).status).toBe(200);
      expect((await fetch(url, init)).status).toBe(200); // reused, dropped, sent again on a new connection
      expect(connections).toBe(2);
    });
  });

  test('WebClient posts through it to a local Web API', async () => {
    let form: URLSearchParams | undefined;
    const started = await serve((_req, body, res) => {
      form = new URLSearchParams(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"channel":"C1","ts":"9.9"}');
    });
    server = started.server;
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: `${started.url}/api/`, fetch: createWebApiFetch(), retryConfig: { retries: 0 } });
    const result = await client.apiCall('chat.postMessage', { channel: 'C1', text: 'hi', blocks: JSON.stringify([{ type: 'divider' }]) });
    expect(result.ok).toBe(true);
    expect(form?.get('channel')).toBe('C1');
    expect(JSON.parse(form?.get('blocks') ?? 'null')).toEqual([{ type: 'divider' }]);
  });
});
