// What whosejob keeps between restarts and shares between replicas, one interface per area. The
// rules live in the database (unique keys, ON CONFLICT DO NOTHING … RETURNING), so two replicas
// racing on the same fact agree without talking to each other.
export type Vote = 'up' | 'down';

export interface FeedbackInput {
  platform: string;
  user: string;
  conversation: string;
  question: string;
  intent: string;
  vote: Vote;
}

export interface FeedbackRecord extends FeedbackInput {
  id: number;
  at: string; // ISO 8601
}

/** Where the bot can post later without being asked (a Teams conversation reference, as JSON). */
export interface ConversationRef {
  platform: string;
  conversation: string;
  reference: string;
  updatedAt: string;
}

export interface FeedbackStore {
  recordFeedback(feedback: FeedbackInput): Promise<FeedbackRecord>;
  latestFeedback(limit: number): Promise<FeedbackRecord[]>;
}

export interface ConversationRefStore {
  saveConversationRef(platform: string, conversation: string, reference: string): Promise<void>;
  getConversationRef(platform: string, conversation: string): Promise<ConversationRef | undefined>;
}

/** Key → JSON text: the state a turn loads and saves. */
export interface StateStore {
  getState(key: string): Promise<string | undefined>;
  putState(key: string, data: string): Promise<void>;
}

/**
 * Work that must happen once (answering a Slack event): the first claimant gets true and every later
 * one false, unless `leaseMs` is given and the claim is older than that without being finished, which
 * means its process died mid-way: then the later claimant takes it over, so nothing is lost.
 */
export interface OnceStore {
  claimOnce(scope: string, id: string, leaseMs?: number): Promise<boolean>;
  /** Marks claimed work as done, so no retry ever takes it over. */
  finishOnce(scope: string, id: string): Promise<void>;
}

export interface QuizSchedule {
  platform: string;
  channel: string;
  time: string;
  timeZone: string;
  weekdays: boolean;
  nextRunAt: string; // ISO 8601
  /** "HH:MM": the answer is revealed that day at this time, instead of with the next question. */
  reveal?: string;
  /** Why posting stopped (the bot was removed from the channel); undefined while running. */
  pausedReason?: string;
}

export interface QuizPost {
  id: number;
  platform: string;
  channel: string;
  localDate: string;
  questionId: string;
  claimedAt: string;
  sentAt?: string;
  messageId?: string;
  revealedAt?: string;
}

export interface QuizAnswer {
  postId: number;
  user: string;
  choice: number;
  correct: boolean;
  at: string;
}

/** One person's answers in a channel, with the post each belongs to: scores and streaks are read from these. */
export interface ChannelAnswer extends QuizAnswer {
  localDate: string;
}

export interface QuizStore {
  saveSchedule(s: QuizSchedule): Promise<void>;
  getSchedule(platform: string, channel: string): Promise<QuizSchedule | undefined>;
  deleteSchedule(platform: string, channel: string): Promise<boolean>;
  /** Running schedules that reveal at a set hour. */
  revealingSchedules(limit: number): Promise<QuizSchedule[]>;
  /** Running schedules whose next run is at or before `now`, soonest first. */
  dueSchedules(now: string, limit: number): Promise<QuizSchedule[]>;
  /** Moves the next run forward, only if it still is `from` (another replica may have moved it). */
  advanceSchedule(platform: string, channel: string, from: string, to: string): Promise<boolean>;
  pauseSchedule(platform: string, channel: string, reason: string): Promise<void>;
  /**
   * Claims the channel's post for its local date. The first claimant gets the new row; a later one
   * gets it only if it was claimed more than `leaseMs` ago and never sent (its sender died). Undefined
   * otherwise: the day's post is someone else's, or done.
   */
  claimPost(p: { platform: string; channel: string; localDate: string; questionId: string }, leaseMs: number): Promise<QuizPost | undefined>;
  markPostSent(id: number, messageId: string): Promise<void>;
  /** Posts claimed before `claimedBefore` and never sent, oldest first. */
  unsentPosts(claimedBefore: string, limit: number): Promise<QuizPost[]>;
  getPost(id: number): Promise<QuizPost | undefined>;
  /** Posts of a channel, newest local date first. */
  channelPosts(platform: string, channel: string, limit: number): Promise<QuizPost[]>;
  markRevealed(id: number): Promise<boolean>;
  /** Records a person's answer once: later clicks get the answer already recorded. */
  recordAnswer(a: QuizAnswer): Promise<{ recorded: true } | { recorded: false; existing: QuizAnswer }>;
  answersTo(postId: number): Promise<QuizAnswer[]>;
  /** Channels where the person answered a daily question, most recent first. */
  channelsOf(platform: string, user: string, limit: number): Promise<string[]>;
  /** One person's answers in a channel, oldest first. */
  userChannelAnswers(platform: string, channel: string, user: string): Promise<ChannelAnswer[]>;
  /** Every answer in a channel since `since` (a local date, inclusive), or all. */
  channelAnswers(platform: string, channel: string, since?: string): Promise<ChannelAnswer[]>;
  getCard(platform: string, user: string, questionId: string): Promise<string | undefined>;
  putCard(platform: string, user: string, questionId: string, card: string, due: string): Promise<void>;
  /** A person's cards due at or before `now`, soonest first: question ids. */
  dueCards(platform: string, user: string, now: string, limit: number): Promise<string[]>;
  /** Every question id the person has a card for. */
  cardIds(platform: string, user: string): Promise<string[]>;
}

/** A person's way through the onboarding lessons. */
export interface Progress {
  platform: string;
  user: string;
  /** Where the person talks with the bot one to one. */
  dm: string;
  lesson: number;
  step: number;
  finishedAt?: string;
  pace: 'self' | 'daily';
  timeZone: string;
  /** When the next lesson is due (daily pace), ISO 8601. */
  nextAt?: string;
  startedAt: string;
  /** The last time the person moved on: reminders count from here. */
  movedAt: string;
  reminders: number;
  /** When the last reminder went out: the next waits as long again. */
  remindedAt?: string;
  remindersOff: boolean;
  /** Lessons whose checkpoint was answered right first time, and lessons to revisit. */
  passed: string[];
  missed: string[];
  version: number;
}

export interface OnboardingStore {
  getProgress(platform: string, user: string): Promise<Progress | undefined>;
  /** Starts a person's progress; false when they have one already (then it is left as it is). */
  startProgress(p: Omit<Progress, 'version'>): Promise<boolean>;
  /** Saves a change made from `p.version`; false when someone else changed it first (a double click). */
  updateProgress(p: Progress): Promise<boolean>;
  progressOf(platform: string, users: readonly string[]): Promise<Progress[]>;
  /** Daily-pace progress whose next lesson is due at or before `now`. */
  dueLessons(now: string, limit: number): Promise<Progress[]>;
  /** Unfinished progress that has not moved, nor been reminded, since `before`, with reminders left and not turned off. */
  stalled(before: string, maxReminders: number, limit: number): Promise<Progress[]>;
  /** True the first time a person is welcomed on a platform, false every later time. */
  claimWelcome(platform: string, user: string): Promise<boolean>;
}

/** Practice-exam items as pasted, named by a digest of their text: "show why" and a person's review deck read them back. */
export interface ExamItemStore {
  /** Keeps the item's text under its id; saving the same id again changes nothing. */
  saveExamItem(id: string, text: string): Promise<void>;
  getExamItem(id: string): Promise<string | undefined>;
}

export interface Store extends FeedbackStore, ConversationRefStore, StateStore, OnceStore, QuizStore, OnboardingStore, ExamItemStore {
  readonly engine: 'sqlite' | 'postgres';
  /** Whether the database answers: for GET /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Questions are stored bounded: a vote needs the question, not a pasted log file. */
export const MAX_STORED_QUESTION = 1000;
/** State and keys are bounded too: a forged id or a runaway state must not fill the disk. */
export const MAX_KEY = 500;
/** A pasted item longer than this is answered but not kept (the matcher reads 2,000 characters). */
export const MAX_EXAM_ITEM = 8000;
export const MAX_STATE = 64 * 1024;
