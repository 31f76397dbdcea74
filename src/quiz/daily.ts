// The daily quiz of a channel: its schedule, the post of the day, private answers, the reveal. Every
// rule that must hold across restarts and replicas is a rule of the store (one post per channel per
// local day, one answer per person per post, a schedule advanced once); this module only orders the
// steps so that a crash between any two of them loses nothing and repeats nothing:
//   claim the day's post → advance the schedule → reveal yesterday's → send → mark sent.
// A claim that was never sent is taken over by a later tick once its lease runs out.
import type { Logger } from '../log';
import { OutboxError, type Outbox, type PostRef } from '../reply/outbox';
import { NO_FACTS, uniqueSources, type Reply } from '../reply/reply';
import type { QuizPost, QuizSchedule, Store } from '../store/store';
import { nextForChannel, type QuizItem } from './questions';
import { describeSchedule, localDate, nextRun, previousRun, type ScheduleSpec } from './schedule';
import { postPoints, standings, streak } from './scores';
import { SendQueue, type Sleep } from './send-queue';

export type Platform = 'slack' | 'teams';
/** Teams refreshes a card for at most 60 named people. */
const MAX_PERSONAL_VIEWS = 60;
export const LETTERS = ['A', 'B', 'C', 'D'];

export interface DailyQuizDeps {
  store: Store;
  outboxes: Partial<Record<Platform, Outbox>>;
  /** Every question a channel may be asked, in the order channels walk through them. */
  bank: readonly QuizItem[];
  now: () => Date;
  log: Logger;
  /** How long a claimed but unsent post waits before another tick takes it over. */
  claimLeaseMs?: number;
  /** Waits between retries; tests pass one that advances their clock instead of sleeping. */
  sleep?: Sleep;
  /** How many posts are sent at once (each channel is still one post a day). */
  concurrency?: number;
}

/** The day's question as a channel post: the buttons answer privately; the count is updated as people answer. */
export function postReply(item: QuizItem, post: Pick<QuizPost, 'id'>, answered: number, answerers: readonly string[] = []): Reply {
  return {
    // Where a platform can show each person their own view (Teams), those who answered see their verdict.
    personalViews: { users: answerers.slice(0, MAX_PERSONAL_VIEWS), action: { kind: 'quiz-view', postId: String(post.id) } },
    kind: 'quiz-post',
    intent: 'quiz',
    title: 'Question of the day',
    summary: item.question,
    sections: [{ label: 'Answers', text: `${answered} answered so far. Your answer is private; the right one is revealed later.` }],
    choicesLabel: 'Your answer',
    choices: item.choices.map((c, i) => ({ label: `${LETTERS[i]}) ${c}`, action: { kind: 'quiz-answer', questionId: item.id, choice: i, postId: String(post.id) } })),
    sources: [],
    facts: NO_FACTS,
  };
}

/** The day's question closed: the right answer, the share of answers per option (never who), why, the source. */
export function revealReply(item: QuizItem, tally: readonly number[]): Reply {
  const total = tally.reduce((a, b) => a + b, 0);
  const share = item.choices
    .map((c, i) => `${LETTERS[i]}) ${c}: ${total ? Math.round((100 * (tally[i] ?? 0)) / total) : 0} %${i === item.answer ? ' ✓' : ''}`)
    .join('\n');
  return {
    kind: 'quiz-reveal',
    intent: 'quiz',
    title: 'Question of the day: the answer',
    summary: `${item.question}\nThe answer is ${LETTERS[item.answer]}) ${item.choices[item.answer]}.`,
    sections: [
      { label: `How the channel answered (${total} ${total === 1 ? 'answer' : 'answers'})`, text: share },
      { label: 'Why', text: item.explanation },
    ],
    choices: [],
    sources: uniqueSources([item.source]),
    facts: NO_FACTS,
  };
}

export interface AnswerOutcome {
  reply: Reply;
  /** Whether the recorded answer was right (undefined when nothing was recorded). */
  right?: boolean;
  /** True when this click recorded the answer (the post's count changed). */
  recorded: boolean;
  post?: QuizPost;
}

export class DailyQuiz {
  private readonly byId: Map<string, QuizItem>;
  private readonly lease: number;
  private readonly queue: SendQueue;
  /** When each post's "N answered" was last updated, so a burst of clicks edits it once in a while. */
  private readonly countShown = new Map<number, number>();

  /** The store the quiz keeps its posts and answers in (leaderboards read it). */
  get store(): Store {
    return this.deps.store;
  }

  /** The quiz's clock (a test's, or the real one). */
  now(): Date {
    return this.deps.now();
  }

  constructor(private readonly deps: DailyQuizDeps) {
    this.byId = new Map(deps.bank.map((q) => [q.id, q]));
    // Longer than a send can take with all its retries (the queue's and the client's), so a slow send
    // is never taken over and posted a second time by another replica.
    this.lease = deps.claimLeaseMs ?? 15 * 60_000;
    this.queue = new SendQueue({ sleep: deps.sleep, concurrency: deps.concurrency ?? 8, log: deps.log });
  }

  // ---- schedules ----

  async schedule(platform: Platform, channel: string, spec: ScheduleSpec): Promise<QuizSchedule> {
    const s: QuizSchedule = { platform, channel, ...spec, nextRunAt: nextRun(spec, this.deps.now()).toISOString() };
    await this.deps.store.saveSchedule(s);
    this.deps.log.info('quiz scheduled', { platform, channel, time: spec.time, timeZone: spec.timeZone, weekdays: spec.weekdays });
    return s;
  }

  async stop(platform: Platform, channel: string): Promise<boolean> {
    return this.deps.store.deleteSchedule(platform, channel);
  }

  /** What `quiz status` says. */
  async status(platform: Platform, channel: string): Promise<string> {
    const s = await this.deps.store.getSchedule(platform, channel);
    if (!s) return 'No daily quiz here. Start one with `quiz daily 09:00 Europe/Berlin weekdays`.';
    const when = describeSchedule(s);
    if (s.pausedReason) return `The daily quiz (${when}) is paused: I could not post here (${s.pausedReason}). Invite me back, then schedule it again.`;
    const [last] = await this.deps.store.channelPosts(platform, channel, 1);
    const next = new Date(s.nextRunAt);
    return `Daily quiz: ${when}. Next question ${next.toISOString().slice(0, 16).replace('T', ' ')} UTC (${localDate(next, s.timeZone)} local).${last ? ` Last posted on ${last.localDate}.` : ''}`;
  }

  // ---- posting ----

  /** One pass of the scheduler: every due channel, and every claimed post that was never sent. */
  async tick(limit = 1000): Promise<void> {
    const now = this.deps.now();
    const due = await this.deps.store.dueSchedules(now.toISOString(), limit);
    await this.queue.run(due, (s) => this.runSchedule(s, now));
    await this.retryUnsent(now, limit);
    await this.revealAtHour(now, limit);
  }

  /** Schedules with a reveal hour: today's post is revealed once that local time has come. */
  private async revealAtHour(now: Date, limit: number): Promise<void> {
    const schedules = await this.deps.store.revealingSchedules(limit);
    await this.queue.run(schedules, async (s) => {
      if (!isPlatform(s.platform) || !s.reveal) return;
      const today = localDate(now, s.timeZone);
      const clock = new Intl.DateTimeFormat('en-GB', { timeZone: s.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
      if (clock < s.reveal) return;
      const [post] = await this.deps.store.channelPosts(s.platform, s.channel, 1);
      if (post && post.localDate === today && !post.revealedAt && post.messageId) await this.revealPost(s.platform, s.channel, post);
    });
  }

  /** Posts claimed but never sent (a crash, a failed send) whose lease ran out: sent now, if still their day. */
  private async retryUnsent(now: Date, limit: number): Promise<void> {
    const stale = await this.deps.store.unsentPosts(new Date(now.getTime() - this.lease).toISOString(), limit);
    await this.queue.run(stale, async (p) => {
      const s = await this.deps.store.getSchedule(p.platform, p.channel);
      const today = localDate(now, s?.timeZone ?? 'UTC');
      if (p.localDate < today) {
        // A day gone by is never posted late: closed (no message to reveal), so it stops crowding this query.
        await this.deps.store.markPostSent(p.id, '');
        return;
      }
      if (!isPlatform(p.platform) || s?.pausedReason || p.localDate !== today) return;
      await this.postDay(p.platform, p.channel, p.localDate);
    });
  }

  /** Posts today's question now if it has not been posted today (`whosejob quiz post`). */
  async postNow(platform: Platform, channel: string, timeZone = 'UTC'): Promise<'posted' | 'already' | 'gone'> {
    const s = await this.deps.store.getSchedule(platform, channel);
    const zone = s?.timeZone ?? timeZone;
    const result = await this.postDay(platform, channel, localDate(this.deps.now(), zone));
    return result === 'sent' ? 'posted' : result === 'taken' ? 'already' : 'gone';
  }

  private async runSchedule(s: QuizSchedule, now: Date): Promise<void> {
    if (!isPlatform(s.platform)) return;
    const today = localDate(now, s.timeZone);
    // Missed while down: a run from an earlier day is not made up; today's, even late, is posted.
    const last = previousRun(s, now);
    const postToday = last !== undefined && localDate(last, s.timeZone) === today;
    // A failed send is logged in postDay and retried by retryUnsent; anything before the claim is logged here.
    if (postToday)
      await this.postDay(s.platform, s.channel, today).catch((err: unknown) =>
        this.deps.log.error('quiz post not made', { platform: s.platform, channel: s.channel, error: err instanceof Error ? err.message : String(err) }),
      );
    const moved = await this.deps.store.advanceSchedule(s.platform, s.channel, s.nextRunAt, nextRun(s, now).toISOString());
    if (!moved) this.deps.log.debug('quiz schedule advanced elsewhere', { channel: s.channel });
  }

  /** Claims, sends and records the channel's post for `day`: 'taken' when it is someone else's or done. */
  private async postDay(platform: Platform, channel: string, day: string): Promise<'sent' | 'taken' | 'gone'> {
    const outbox = this.deps.outboxes[platform];
    if (!outbox) throw new Error(`no outbox for ${platform}`);
    const item = await this.pickFor(platform, channel);
    const post = await this.deps.store.claimPost({ platform, channel, localDate: day, questionId: item.id }, this.lease);
    if (!post) return 'taken';
    const question = this.byId.get(post.questionId) ?? item; // a taken-over claim keeps its question
    await this.revealEarlier(platform, channel, post.id);
    let ref: PostRef;
    try {
      ref = await this.queue.send(() => outbox.post({ channel }, postReply(question, post, 0)));
    } catch (err) {
      if (err instanceof OutboxError && err.failure === 'gone') {
        await this.deps.store.pauseSchedule(platform, channel, err.message);
        this.deps.log.warn('quiz paused: the bot cannot post in this channel', { platform, channel, reason: err.message });
        return 'gone';
      }
      // Left claimed and unsent: the next tick after the lease takes it over and sends it.
      this.deps.log.error('quiz post failed; it will be retried', { platform, channel, error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
    await this.deps.store.markPostSent(post.id, ref.id);
    return 'sent';
  }

  /** The channel's next question: one it has not had until the bank is used up, difficulties taking turns day by day. */
  private async pickFor(platform: Platform, channel: string): Promise<QuizItem> {
    const posts = await this.deps.store.channelPosts(platform, channel, this.deps.bank.length);
    return nextForChannel(this.deps.bank, `${platform}:${channel}`, posts.map((p) => p.questionId));
  }

  /** Edits the earlier posts of the channel that are still open into their reveal. */
  private async revealEarlier(platform: Platform, channel: string, currentId: number): Promise<void> {
    const outbox = this.deps.outboxes[platform]!;
    for (const p of await this.deps.store.channelPosts(platform, channel, 5)) {
      if (p.id === currentId || p.revealedAt || !p.messageId) continue;
      await this.revealPost(platform, channel, p, outbox);
    }
  }

  /**
   * Edits one post into its reveal, then marks it revealed: an edit that failed is tried again by the
   * next pass. Two replicas may both edit it once; the edit is the same, so nobody sees a difference.
   */
  private async revealPost(platform: Platform, channel: string, p: QuizPost, outbox = this.deps.outboxes[platform]!): Promise<void> {
    const item = this.byId.get(p.questionId);
    if (!item || p.revealedAt) return;
    const tally = await this.tally(p.id, item);
    try {
      await this.queue.send(() => outbox.update({ channel, id: p.messageId! }, revealReply(item, tally)));
      await this.deps.store.markRevealed(p.id);
    } catch (err) {
      this.deps.log.warn('quiz reveal could not be edited in; tried again next time', { channel, post: p.id, error: err instanceof Error ? err.message : String(err) });
    }
  }

  private async tally(postId: number, item: QuizItem): Promise<number[]> {
    const counts = item.choices.map(() => 0);
    for (const a of await this.deps.store.answersTo(postId)) if (a.choice < counts.length) counts[a.choice]!++;
    return counts;
  }

  // ---- answers ----

  /** A click on a daily post's button: recorded once; the clicker alone sees the verdict. */
  async answer(postId: number, user: string, choice: number): Promise<AnswerOutcome> {
    const post = await this.deps.store.getPost(postId);
    const item = post && this.byId.get(post.questionId);
    if (!post || !item) return { recorded: false, reply: privateNote('That question is no longer in the quiz.') };
    if (post.revealedAt) return { recorded: false, post, reply: privateNote(`This question is closed: the answer was ${LETTERS[item.answer]}) ${item.choices[item.answer]}.`) };
    if (choice < 0 || choice >= item.choices.length) return { recorded: false, post, reply: privateNote('That is not one of the choices.') };
    const at = this.deps.now().toISOString();
    const result = await this.deps.store.recordAnswer({ postId, user, choice, correct: choice === item.answer, at });
    if (!result.recorded) {
      const prior = result.existing;
      return { recorded: false, post, reply: privateNote(`You already answered ${LETTERS[prior.choice]}) ${item.choices[prior.choice]}. The answer is revealed with the next question.`) };
    }
    const answers = await this.deps.store.answersTo(postId);
    const points = postPoints(answers).get(user) ?? 0;
    // The streak needs the channel's recent posts and this person's own answers, nobody else's.
    const posts = await this.deps.store.channelPosts(post.platform, post.channel, 60);
    const mine = await this.deps.store.userChannelAnswers(post.platform, post.channel, user);
    const run = streak(user, posts, mine);
    const right = choice === item.answer;
    return {
      recorded: true,
      right,
      post,
      reply: {
        kind: 'quiz-verdict',
        intent: 'quiz',
        title: right ? 'Correct!' : 'Not quite',
        summary: right
          ? `Correct: ${LETTERS[item.answer]}) ${item.choices[item.answer]}. +${points} points${run > 1 ? `, a ${run}-day streak` : ''}.`
          : `Not quite: the answer is ${LETTERS[item.answer]}) ${item.choices[item.answer]}. Only you see this; the channel sees the answer tomorrow.`,
        sections: [{ label: 'Why', text: item.explanation }],
        choices: [{ label: 'Next question (just for me)', action: { kind: 'quiz-next' } }],
        sources: uniqueSources([item.source]),
        facts: NO_FACTS,
      },
    };
  }

  /** A person's own figures in the channels where they play (the Slack Home tab, `quiz me stats`). */
  async personalStats(platform: Platform, user: string, limit = 3): Promise<Array<{ channel: string; points: number; right: number; answered: number; streak: number }>> {
    const out = [];
    for (const channel of await this.deps.store.channelsOf(platform, user, limit)) {
      // This season's points (a season is a month): bounded by the month's answers, not all history.
      const season = `${localDate(this.deps.now(), (await this.deps.store.getSchedule(platform, channel))?.timeZone ?? 'UTC').slice(0, 7)}-01`;
      const answers = await this.deps.store.channelAnswers(platform, channel, season);
      const mine = standings(answers).find((r) => r.user === user) ?? { points: 0, right: 0, answered: 0 };
      const posts = await this.deps.store.channelPosts(platform, channel, 60);
      out.push({ channel, points: mine.points, right: mine.right, answered: mine.answered, streak: streak(user, posts, await this.deps.store.userChannelAnswers(platform, channel, user)) });
    }
    return out;
  }

  /** One person's view of a daily post: the verdict on their answer once they gave one, else the question. */
  async view(postId: number, user: string): Promise<Reply> {
    const post = await this.deps.store.getPost(postId);
    const item = post && this.byId.get(post.questionId);
    if (!post || !item) return privateNote('That question is no longer in the quiz.');
    const answers = await this.deps.store.answersTo(postId);
    const mine = answers.find((a) => a.user === user);
    if (post.revealedAt) return revealReply(item, await this.tally(postId, item));
    if (!mine) return postReply(item, post, answers.length, answers.map((a) => a.user));
    return {
      kind: 'quiz-verdict',
      intent: 'quiz',
      title: mine.correct ? 'Correct!' : 'Not quite',
      summary: `You answered ${LETTERS[mine.choice]}) ${item.choices[mine.choice]}: ${mine.correct ? 'right' : `the answer is ${LETTERS[item.answer]}) ${item.choices[item.answer]}`}. ${answers.length} answered so far.`,
      sections: [{ label: 'Why', text: item.explanation }],
      choices: [],
      sources: uniqueSources([item.source]),
      facts: NO_FACTS,
    };
  }

  /** Edits the post's "N answered", at most once per `everyMs` for a post (the reveal shows the final count). */
  async refreshCount(post: QuizPost, everyMs = 5_000): Promise<boolean> {
    const now = this.deps.now().getTime();
    const last = this.countShown.get(post.id);
    if (last !== undefined && now - last < everyMs) return false;
    const item = this.byId.get(post.questionId);
    const outbox = this.deps.outboxes[post.platform as Platform];
    if (!item || !outbox || !post.messageId || post.revealedAt) return false;
    this.countShown.set(post.id, now);
    if (this.countShown.size > 10_000) this.countShown.clear();
    const answers = await this.deps.store.answersTo(post.id);
    await this.queue.send(() => outbox.update({ channel: post.channel, id: post.messageId! }, postReply(item, post, answers.length, answers.map((a) => a.user))));
    return true;
  }
}

const isPlatform = (p: string): p is Platform => p === 'slack' || p === 'teams';

const privateNote = (text: string): Reply => ({ kind: 'notice', intent: 'quiz', title: text, summary: text, sections: [], choices: [], sources: [], facts: NO_FACTS });
