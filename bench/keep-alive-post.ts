// The load generators' one HTTP call: a POST over a kept-alive node:http socket. Lighter than fetch, so
// that the load generator's own CPU and GC pauses, on the core it shares, weigh less in what it measures.
import { Agent, request } from 'node:http';

/** An agent that keeps up to `sockets` connections open between requests. */
export function keepAliveAgent(sockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: sockets });
}

/** Resolves with the status once the whole response has been read. */
export function post(agent: Agent, url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
