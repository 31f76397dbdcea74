// Messages nobody asked for (the daily quiz, a reveal, a reminder) go through an Outbox, which each
// platform implements: Slack through the Web API, Teams through stored conversation references.
import type { Reply } from './reply';

/** Where to post: a channel or conversation id, and optionally a thread in it. */
export interface PostTarget {
  channel: string;
  thread?: string;
}

/** A posted message, to edit later: its channel and the platform's id for it (Slack ts, Teams activity id). */
export interface PostRef {
  channel: string;
  id: string;
}

export type OutboxFailure =
  | 'gone' // the bot was removed, the channel archived or unknown: retrying will not help
  | 'rate-limited' // the platform asked us to slow down (see retryAfterMs)
  | 'failed'; // anything else: worth a later retry

export class OutboxError extends Error {
  constructor(
    readonly failure: OutboxFailure,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'OutboxError';
  }
}

export interface Outbox {
  readonly platform: 'slack' | 'teams';
  post(target: PostTarget, reply: Reply): Promise<PostRef>;
  update(ref: PostRef, reply: Reply): Promise<void>;
  /**
   * A direct message to one person. `via` is a conversation the bot shares with them (a channel), for
   * platforms that need one to start a chat with someone who never wrote to the bot (Teams).
   */
  dm(user: string, reply: Reply, via?: string): Promise<PostRef>;
  /** The people (not bots) in a channel: platform user ids and, where known, their names. */
  members(channel: string): Promise<Array<{ id: string; name?: string }>>;
}
