// The one HTTP server's own routes: /healthz reports whether the store answers, so a load balancer
// stops sending requests to a replica that cannot keep state.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../src/http/server';
import { createLogger } from '../src/log';
import { openStore } from '../src/store/open';

async function serve(health: () => Promise<void>): Promise<{ base: string; server: Server; log: string[] }> {
  const log: string[] = [];
  const server = createHttpServer({}, createLogger('debug', (l) => log.push(l)), health);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, log };
}

const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

test('healthz is 200 while the store answers and 503 once it is closed', async () => {
  const store = await openStore({ DATABASE_PATH: ':memory:' });
  const { base, server, log } = await serve(() => store.ping());
  try {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await store.close();
    const down = await fetch(`${base}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', error: 'store unreachable' });
    expect(log.some((l) => l.includes('health check failed'))).toBe(true);
  } finally {
    await close(server);
  }
});

test('healthz refuses methods other than GET and HEAD', async () => {
  const { base, server } = await serve(async () => undefined);
  try {
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base}/healthz`, { method: 'HEAD' })).status).toBe(200);
  } finally {
    await close(server);
  }
});
