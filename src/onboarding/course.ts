// Onboarding with progress that lasts: the lessons of data/lessons.yaml, each read and then checked
// with its checkpoint question, Next and Back, "where was I?", a finish with the score and what to
// revisit; at one's own pace or one lesson a day in one's own time zone, with at most two gentle
// reminders. Progress lives in the store; a button names the position it leads to (not "one more"),
// and a change applies only to the version it was read at, so two clicks on Next move one step.
import type { Logger } from '../log';
import type { Lesson } from '../kb/schema';
import type { QuizItem } from '../quiz/questions';
import { nextRun } from '../quiz/schedule';
import { OutboxError, type Outbox } from '../reply/outbox';
import { ask, NO_FACTS, uniqueSources, type Choice, type Reply } from '../reply/reply';
import type { OnboardingStore, Progress } from '../store/store';

export type Platform = 'slack' | 'teams';

/** Days without progress before a reminder, and how many reminders at most. */
export const REMIND_AFTER_DAYS = 3;
export const MAX_REMINDERS = 2;
/** When a one-a-day lesson arrives, in the person's own time zone. */
export const DAILY_TIME = '09:00';

const DAY = 24 * 3600 * 1000;
/** The step after reading a lesson: its checkpoint question. */
const CHECK = 1;
/** The id a Finish button leads to: past the last lesson. */
export const FINISHED = 'finished';

export interface CourseDeps {
  store: OnboardingStore;
  lessons: readonly Lesson[];
  bank: readonly QuizItem[];
  now: () => Date;
  log: Logger;
  outboxes?: Partial<Record<Platform, Outbox>>;
}

export interface Learner {
  platform: string;
  user: string;
  /** Where they talk with the bot one to one (a DM channel), when known. */
  dm?: string;
  timeZone?: string;
}

const note = (title: string, summary: string, choices: Choice[] = []): Reply => ({
  kind: 'notice',
  intent: 'onboarding',
  title,
  summary,
  sections: [],
  choices,
  sources: [],
  facts: NO_FACTS,
});

export class Course {
  private readonly items: Map<string, QuizItem>;

  constructor(private readonly deps: CourseDeps) {
    this.items = new Map(deps.bank.map((q) => [q.id, q]));
  }

  private get total(): number {
    return this.deps.lessons.length;
  }

  private checkOf(lesson: Lesson | undefined): QuizItem | undefined {
    return lesson?.check ? this.items.get(lesson.check) : undefined;
  }

  // ---- what a person sees ----

  /** The reply for a position: a lesson to read, its checkpoint, or the finish. */
  view(p: Pick<Progress, 'lesson' | 'step' | 'passed' | 'missed'>): Reply {
    const lesson = this.deps.lessons[p.lesson];
    if (!lesson) return this.finishView(p);
    const check = this.checkOf(lesson);
    if (p.step >= CHECK && check) return this.checkView(p.lesson, lesson, check);
    return this.lessonView(p.lesson, lesson, check !== undefined);
  }

  private forward(index: number): Choice {
    const following = this.deps.lessons[index + 1];
    return following
      ? { label: `Next: ${following.title}`, action: { kind: 'lesson', lessonId: following.id, step: 0 } }
      : { label: 'Finish', action: { kind: 'lesson', lessonId: FINISHED, step: 0 } };
  }

  private lessonView(index: number, lesson: Lesson, hasCheck: boolean): Reply {
    const next: Choice = hasCheck ? { label: 'Next: check yourself', action: { kind: 'lesson', lessonId: lesson.id, step: CHECK } } : this.forward(index);
    const previous = this.deps.lessons[index - 1];
    const back: Choice[] = previous ? [{ label: 'Back', action: { kind: 'lesson', lessonId: previous.id, step: 0 } }] : [];
    const tryAsking = lesson.steps.flatMap((s) => s.tryAsking).slice(0, 1);
    return {
      kind: 'lesson',
      intent: 'onboarding',
      title: `Lesson ${index + 1} of ${this.total}: ${lesson.title}`,
      summary: lesson.goal,
      sections: [...lesson.steps.map((s) => ({ label: s.title, text: s.text })), ...tryAsking.map((q) => ({ label: 'Try asking me', text: q }))],
      choicesLabel: 'Go on',
      choices: [next, ...back, ...tryAsking.map((q) => ask(`Ask: ${q}`, q))],
      sources: uniqueSources([lesson.source]),
      facts: NO_FACTS,
    };
  }

  private checkView(index: number, lesson: Lesson, check: QuizItem): Reply {
    return {
      kind: 'quiz-question',
      intent: 'onboarding',
      title: `Check yourself: lesson ${index + 1} of ${this.total}`,
      summary: check.question,
      sections: [],
      choicesLabel: 'Your answer',
      choices: [
        ...check.choices.map((c, i) => ({ label: `${'ABCD'[i]}) ${c}`, action: { kind: 'quiz-answer' as const, questionId: check.id, choice: i } })),
        { label: 'Back to the lesson', action: { kind: 'lesson', lessonId: lesson.id, step: 0 } },
      ],
      sources: [],
      facts: NO_FACTS,
    };
  }

  private finishView(p: Pick<Progress, 'passed' | 'missed'>): Reply {
    const checked = this.deps.lessons.filter((l) => this.checkOf(l));
    const right = checked.filter((l) => p.passed.includes(l.id)).length;
    const revisit = this.deps.lessons.filter((l) => p.missed.includes(l.id));
    return {
      kind: 'lesson',
      intent: 'onboarding',
      title: 'Onboarding complete',
      summary: `You finished all ${this.total} lessons, with ${right} of ${checked.length} checkpoints right first time.${revisit.length ? ' Worth another look:' : ' Nothing to revisit.'}`,
      sections: revisit.map((l) => ({ label: l.title, text: l.goal })),
      choicesLabel: 'What next',
      choices: [
        ...revisit.slice(0, 2).map((l) => ({ label: `Revisit: ${l.title}`, action: { kind: 'lesson' as const, lessonId: l.id, step: 0 } })),
        ask('Quiz me', 'quiz me'),
      ],
      sources: [],
      facts: NO_FACTS,
    };
  }

  // ---- moving ----

  private fresh(who: Learner): Omit<Progress, 'version'> {
    const at = this.deps.now().toISOString();
    return {
      platform: who.platform,
      user: who.user,
      dm: who.dm ?? who.user,
      lesson: 0,
      step: 0,
      pace: 'self',
      timeZone: who.timeZone ?? 'UTC',
      startedAt: at,
      movedAt: at,
      reminders: 0,
      remindersOff: false,
      passed: [],
      missed: [],
    };
  }

  /** "onboard me": a new person starts at lesson 1; anyone else carries on where they were. */
  async start(who: Learner): Promise<Reply> {
    await this.deps.store.startProgress(this.fresh(who));
    const p = (await this.deps.store.getProgress(who.platform, who.user))!;
    // A finished person asking again starts over (their scores stay in the finish message of the new run).
    if (p.finishedAt) return this.view(await this.move({ ...p, finishedAt: undefined }, 0, 0));
    return this.view(p);
  }

  /** "where was I?" */
  async resume(who: Learner): Promise<Reply> {
    const p = await this.deps.store.getProgress(who.platform, who.user);
    if (!p) return note('Onboarding', 'You have not started the lessons yet. Say "onboard me" to begin.', [ask('Onboard me', 'onboard me')]);
    return this.view(p);
  }

  /** A Next, Back or Revisit button: go to the position it names. */
  async go(who: Learner, lessonId: string, step: number): Promise<Reply> {
    const index = lessonId === FINISHED ? this.total : this.deps.lessons.findIndex((l) => l.id === lessonId);
    if (index < 0) return note('Onboarding', 'That lesson is no longer in the course. Say "where was I?" to carry on.');
    await this.deps.store.startProgress(this.fresh(who));
    const p = (await this.deps.store.getProgress(who.platform, who.user))!;
    return this.view(await this.move(p, index, step));
  }

  /** Moves to a position; if another click moved first, what it moved to is shown instead of moving again. */
  private async move(p: Progress, lesson: number, step: number): Promise<Progress> {
    if (p.lesson === lesson && p.step === step) return p;
    const now = this.deps.now().toISOString();
    const next: Progress = {
      ...p,
      lesson,
      step,
      movedAt: now,
      reminders: 0,
      remindedAt: undefined,
      // Someone who finished stays finished when they go back to a lesson (no reminders, not "stuck").
      finishedAt: lesson >= this.total ? (p.finishedAt ?? now) : p.finishedAt,
    };
    if (await this.deps.store.updateProgress(next)) return { ...next, version: p.version + 1 };
    return (await this.deps.store.getProgress(p.platform, p.user)) ?? p;
  }

  /**
   * Applies `change` to the person's latest progress. A lost race (a double click, the scheduler moving
   * them on) is re-read and the change made again, so what the person was told is what was saved.
   */
  private async change(who: Learner, change: (p: Progress) => Progress | undefined): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const p = await this.deps.store.getProgress(who.platform, who.user);
      const next = p && change(p);
      if (!next || (await this.deps.store.updateProgress(next))) return;
    }
    throw new Error(`onboarding progress of ${who.user} kept changing under an update`);
  }

  /** A checkpoint answer, when the person is at the checkpoint of that question; undefined otherwise. */
  async answer(who: Learner, questionId: string, choice: number): Promise<Reply | undefined> {
    const p = await this.deps.store.getProgress(who.platform, who.user);
    const lesson = p && this.deps.lessons[p.lesson];
    const check = this.checkOf(lesson);
    if (!p || !lesson || !check || check.id !== questionId || p.step < CHECK) return undefined;
    const right = choice === check.answer;
    // The first answer to a checkpoint is the one that counts for the score; a race with another click or
    // the scheduler is re-read, and whichever answer landed first stays.
    await this.change(who, (q) =>
      q.passed.includes(lesson.id) || q.missed.includes(lesson.id)
        ? undefined
        : { ...q, passed: right ? [...q.passed, lesson.id] : q.passed, missed: right ? q.missed : [...q.missed, lesson.id], movedAt: this.deps.now().toISOString() },
    );
    const answer = `${'ABCD'[check.answer]}) ${check.choices[check.answer]}`;
    return {
      kind: 'quiz-verdict',
      intent: 'onboarding',
      title: right ? 'Correct!' : 'Not quite',
      summary: right ? `Correct: ${answer}.` : `Not quite: the answer is ${answer}.`,
      sections: [{ label: 'Why', text: check.explanation }],
      choicesLabel: 'Go on',
      choices: [this.forward(p.lesson), ...(right ? [] : [{ label: 'Read the lesson again', action: { kind: 'lesson' as const, lessonId: lesson.id, step: 0 } }])],
      sources: uniqueSources([check.source]),
      facts: NO_FACTS,
    };
  }

  async setPace(who: Learner, pace: 'self' | 'daily'): Promise<Reply> {
    await this.deps.store.startProgress(this.fresh(who));
    let timeZone = who.timeZone ?? 'UTC';
    await this.change(who, (p) => {
      timeZone = who.timeZone ?? p.timeZone;
      const nextAt = pace === 'daily' ? nextRun({ time: DAILY_TIME, timeZone, weekdays: false }, this.deps.now()).toISOString() : undefined;
      return { ...p, pace, timeZone, nextAt, dm: who.dm ?? p.dm };
    });
    return pace === 'daily'
      ? note('One lesson a day', `I'll send you a lesson every day at ${DAILY_TIME} (${timeZone}). Say "at my own pace" to go back to reading whenever you like.`)
      : note('At your own pace', 'Read on whenever you like: the Next button, or "where was I?" any time.');
  }

  async stopReminders(who: Learner): Promise<Reply> {
    await this.change(who, (p) => ({ ...p, remindersOff: true }));
    return note('No more reminders', 'Understood: no more reminders. "where was I?" picks the lessons up whenever you like.');
  }

  // ---- for the lead ----

  /** `onboarding status`: each member's progress, never their answers. */
  async status(platform: string, members: readonly string[], nameOf: (user: string) => string = (u) => u): Promise<Reply> {
    const progress = new Map((await this.deps.store.progressOf(platform, members)).map((p) => [p.user, p]));
    const now = this.deps.now().getTime();
    const lines = members.map((user) => {
      const p = progress.get(user);
      if (!p) return `${nameOf(user)}: not started`;
      if (p.finishedAt) {
        const checked = this.deps.lessons.filter((l) => this.checkOf(l)).length;
        return `${nameOf(user)}: finished, ${p.passed.length} of ${checked} checkpoints right`;
      }
      const idle = Math.floor((now - Date.parse(p.movedAt)) / DAY);
      const at = `at lesson ${p.lesson + 1} of ${this.total}`;
      return `${nameOf(user)}: ${idle >= REMIND_AFTER_DAYS ? `stuck for ${idle} days, ${at}` : at}`;
    });
    const summary = members.length ? `${members.length} ${members.length === 1 ? 'person' : 'people'} in this channel.` : 'Nobody here yet.';
    return { ...note('Onboarding status', summary), sections: lines.length ? [{ label: 'Progress', text: lines.join('\n') }] : [] };
  }

  /** The invitation a person gets, from a lead or on joining. */
  inviteReply(from?: string): Reply {
    return note(
      'Welcome! A short course on who secures what on AWS',
      `${from ? `${from} invited you to ` : 'Here is '}a short course: ${this.total} lessons of a few minutes each on the AWS Shared Responsibility Model, with a question after each. Start whenever you like.`,
      [ask('Start the lessons', 'onboard me'), ask('One lesson a day', 'one lesson a day')],
    );
  }

  /** Sends each person an invitation by DM; says how many went out and who could not be reached. */
  async invite(platform: Platform, users: readonly string[], from?: string, via?: string): Promise<Reply> {
    const outbox = this.deps.outboxes?.[platform];
    if (!outbox) return note('Onboarding', 'I cannot send invitations from here.');
    const failed: string[] = [];
    for (const user of users)
      await outbox.dm(user, this.inviteReply(from), via).catch((err: unknown) => {
        failed.push(user);
        this.deps.log.warn('onboarding invitation not sent', { user, error: err instanceof Error ? err.message : String(err) });
      });
    const sent = users.length - failed.length;
    return note('Invitations', `Sent ${sent} ${sent === 1 ? 'invitation' : 'invitations'} by direct message.${failed.length ? ` I could not reach ${failed.length}.` : ''}`);
  }

  /** One friendly DM for someone who joined, never twice for the same person. */
  async welcome(platform: Platform, user: string): Promise<boolean> {
    const outbox = this.deps.outboxes?.[platform];
    if (!outbox || !(await this.deps.store.claimWelcome(platform, user))) return false;
    try {
      await outbox.dm(user, this.inviteReply());
      return true;
    } catch (err) {
      this.deps.log.warn('onboarding welcome not sent', { user, error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  }

  /** `onboarding status` in a channel: its members from the platform, their progress from the store. */
  async statusIn(platform: Platform, channel: string): Promise<Reply> {
    const outbox = this.deps.outboxes?.[platform];
    if (!outbox) return note('Onboarding status', 'I cannot list this channel’s members from here.');
    try {
      const members = await outbox.members(channel);
      const names = new Map(members.map((m) => [m.id, m.name ?? m.id]));
      return await this.status(platform, members.map((m) => m.id), (user) => names.get(user) ?? user);
    } catch (err) {
      this.deps.log.warn('channel members not listed', { channel, error: err instanceof Error ? err.message : String(err) });
      return note('Onboarding status', 'I could not list the members of this channel. Am I a member of it?');
    }
  }

  /** Sends a reply to the person by direct message; false when that cannot be done. */
  async sendTo(platform: string, user: string, reply: Reply): Promise<boolean> {
    const outbox = this.deps.outboxes?.[platform as Platform];
    if (!outbox) return false;
    return outbox.dm(user, reply).then(
      () => true,
      () => false,
    );
  }

  // ---- the scheduler's part ----

  /** One pass: today's lesson for those on one a day, and gentle reminders for those who stopped. */
  async tick(limit = 500): Promise<void> {
    const now = this.deps.now();
    for (const p of await this.deps.store.dueLessons(now.toISOString(), limit)) {
      const next = nextRun({ time: DAILY_TIME, timeZone: p.timeZone, weekdays: false }, now).toISOString();
      // Each morning the following lesson: the person has had the one they are at, unless they never
      // moved (an invitation's "one lesson a day" before reading anything): then lesson 1 comes first.
      const fresh = p.lesson === 0 && p.step === 0 && p.movedAt === p.startedAt && p.passed.length + p.missed.length === 0;
      const lesson = fresh ? 0 : Math.min(p.lesson + 1, this.total);
      const moved: Progress = { ...p, nextAt: next, lesson, step: 0, movedAt: now.toISOString(), finishedAt: lesson >= this.total ? now.toISOString() : undefined };
      // The move and the next run are written first: a crash after it skips a day's message, never doubles it.
      if (!(await this.deps.store.updateProgress(moved))) continue;
      await this.send(p, this.view(moved));
    }
    const before = new Date(now.getTime() - REMIND_AFTER_DAYS * DAY).toISOString();
    for (const p of await this.deps.store.stalled(before, MAX_REMINDERS, limit)) {
      if (p.pace === 'daily') continue; // the daily lesson is its own reminder
      if (!(await this.deps.store.updateProgress({ ...p, reminders: p.reminders + 1, remindedAt: now.toISOString() }))) continue;
      const lesson = this.deps.lessons[p.lesson];
      await this.send(
        p,
        note(
          'Shall we go on?',
          `You stopped at lesson ${p.lesson + 1} of ${this.total}${lesson ? `, "${lesson.title}"` : ''}. It takes a few minutes.`,
          [...(lesson ? [{ label: 'Carry on', action: { kind: 'lesson' as const, lessonId: lesson.id, step: 0 } }] : []), ask('Stop reminding me', 'stop reminding me')],
        ),
      );
    }
  }

  private async send(p: Progress, reply: Reply): Promise<void> {
    const outbox = this.deps.outboxes?.[p.platform as Platform];
    if (!outbox) return;
    try {
      await outbox.dm(p.user, reply);
    } catch (err) {
      const gone = err instanceof OutboxError && err.failure === 'gone';
      this.deps.log.warn(gone ? 'onboarding message: the person cannot be reached' : 'onboarding message failed', { user: p.user, error: err instanceof Error ? err.message : String(err) });
    }
  }
}
