// Sending to many channels at once without being throttled into losing posts: a bounded number in
// flight; a 429 pauses every sender for the Retry-After the platform asked for (Slack's limits are per
// method and workspace, not per message), transient failures back off with jitter, and nothing is
// dropped: a send is retried until it works or the channel is gone.
import type { Logger } from '../log';
import { OutboxError } from '../reply/outbox';

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SendQueueOptions {
  concurrency: number;
  sleep?: Sleep;
  log: Logger;
  /** Retries of one send before it is reported as failed (its post stays claimed and is retried by a later tick). */
  maxAttempts?: number;
  /** Jitter source, 0–1; tests fix it. */
  random?: () => number;
}

export class SendQueue {
  private readonly sleep: Sleep;
  private readonly maxAttempts: number;
  private readonly random: () => number;
  /** While a 429's wait runs, every sender waits for it before its next call. */
  private cooling: Promise<void> | undefined;

  constructor(private readonly options: SendQueueOptions) {
    this.sleep = options.sleep ?? realSleep;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.random = options.random ?? Math.random;
  }

  /** Runs `work` for every item, `concurrency` at a time; one item's failure does not stop the others. */
  async run<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        try {
          await work(items[i]!);
        } catch (err) {
          this.options.log.error('queued work failed', { error: err instanceof Error ? err.message : String(err) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, items.length) }, worker));
  }

  /** One call to a platform, retried through rate limits and transient failures; "gone" is not retried. */
  async send<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      while (this.cooling) await this.cooling;
      try {
        return await call();
      } catch (err) {
        const failure = err instanceof OutboxError ? err.failure : 'failed';
        if (failure === 'gone' || attempt >= this.maxAttempts) throw err;
        if (failure === 'rate-limited') {
          const wait = (err as OutboxError).retryAfterMs ?? 1000;
          this.options.log.warn('rate limited; every sender waits', { retryAfterMs: wait });
          if (!this.cooling) this.cooling = this.sleep(wait).finally(() => (this.cooling = undefined));
          continue;
        }
        // 5xx, 412 and friends: exponential backoff with full jitter.
        await this.sleep(Math.round(this.random() * Math.min(30_000, 250 * 2 ** attempt)));
      }
    }
  }
}
