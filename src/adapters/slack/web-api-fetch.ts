// The transport under Slack's WebClient: plain node:http(s) over keep-alive sockets for the Web API's
// form-encoded POSTs, instead of WHATWG fetch. Measured with `npm run bench:slack`, WHATWG fetch (its
// Request, Headers and web streams) was the largest single cost of posting a reply; this path does the
// same HTTP exchange for a fraction of the CPU. WebClient's `fetch` option is the documented place for it.
// Everything else (a FormData upload, a call that follows redirects, such as Bolt's respond() to a
// response_url) goes to the standard fetch unchanged.
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { webApi } from '@slack/bolt';

type FetchFunction = webApi.FetchFunction;
type FetchRequestInit = NonNullable<Parameters<FetchFunction>[1]>;
type FetchResponse = Awaited<ReturnType<FetchFunction>>;
type FetchHeaders = FetchResponse['headers'];

/** Response headers as fetch shows them: case-insensitive, repeated headers joined with ", ". */
class ResponseHeaders implements FetchHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  *entries(): Iterable<[string, string]> {
    for (const [name, value] of Object.entries(this.raw)) {
      if (value !== undefined) yield [name, Array.isArray(value) ? value.join(', ') : value];
    }
  }
}

function bodyStream(res: IncomingMessage): NodeJS.ReadableStream {
  switch (res.headers['content-encoding']) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(createGunzip());
    case 'deflate':
      return res.pipe(createInflate());
    case 'br':
      return res.pipe(createBrotliDecompress());
    default:
      return res;
  }
}

function readBody(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stream = bodyStream(res);
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    stream.on('error', reject);
    if (stream !== res) res.on('error', reject); // a connection lost mid-body (piping does not pass it on)
  });
}

function response(url: string, res: IncomingMessage, body: Buffer): FetchResponse {
  const status = res.statusCode ?? 0;
  const text = (): string => body.toString('utf8');
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: res.statusMessage ?? '',
    url,
    headers: new ResponseHeaders(res.headers),
    arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    text: async () => text(),
    json: async (): Promise<unknown> => JSON.parse(text()),
  };
}

export interface WebApiFetchOptions {
  /** Sockets per host; Slack's rate limits, not sockets, bound how fast a bot may post. */
  maxSockets?: number;
  /** How long an idle keep-alive socket is kept (shorter when the server announces less). */
  idleSocketMs?: number;
  /** Falls back here for what this transport leaves alone; globalThis.fetch by default. */
  fallback?: FetchFunction;
}

/** A server closed a kept-alive socket just as we reused it: the request never reached it. */
const reuseRace = (req: ClientRequest, err: NodeJS.ErrnoException): boolean => req.reusedSocket && err.code === 'ECONNRESET';

export function createWebApiFetch(options: WebApiFetchOptions = {}): FetchFunction {
  // Node's agent only honours a server's "Keep-Alive: timeout=N" (minus a second) when it has a timeout
  // of its own; without one an idle socket lives until the server drops it, which invites the race above.
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 32, timeout: options.idleSocketMs ?? 4000, scheduling: 'lifo' as const };
  const agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };
  const fallback: FetchFunction = options.fallback ?? ((url, init) => globalThis.fetch(url, init));

  const send = (url: URL, init: FetchRequestInit, body: string | undefined, retried: boolean): Promise<FetchResponse> =>
    new Promise<FetchResponse>((resolve, reject) => {
      const secure = url.protocol === 'https:';
      const headers: Record<string, string | number> = { ...init.headers };
      if (body !== undefined) headers['Content-Length'] = Buffer.byteLength(body);
      const req = (secure ? httpsRequest : httpRequest)(
        url,
        { method: init.method ?? 'GET', headers, agent: secure ? agents.https : agents.http, signal: init.signal },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status >= 300 && status < 400 && res.headers.location !== undefined) {
            res.resume();
            // What fetch does with redirect: 'error'.
            reject(new TypeError(`fetch failed: redirected to ${res.headers.location}`));
            return;
          }
          readBody(res).then((buf) => resolve(response(url.href, res, buf)), reject);
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (init.signal?.aborted) reject(init.signal.reason as unknown);
        // Node's documented remedy for that race: send once more, on a new connection.
        else if (!retried && reuseRace(req, err)) send(url, init, body, true).then(resolve, reject);
        else reject(err);
      });
      req.end(body);
    });

  return (input: string | URL, init: FetchRequestInit = {}): Promise<FetchResponse> => {
    const body = init.body;
    // WebClient always asks for redirect: 'error'; anything else keeps fetch's full semantics.
    if (init.redirect !== 'error' || (body !== undefined && typeof body !== 'string')) return fallback(input, init);
    const url = typeof input === 'string' ? new URL(input) : input;
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return fallback(input, init);
    return send(url, init, body, false);
  };
}
