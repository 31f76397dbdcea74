// The conversation core: a platform-neutral message in, one Reply out. Adapters call handle() and
// render what comes back; nothing here knows which platform it serves.
import type { KnowledgeBase } from '../nlu/knowledge-base';
import type { IntentName } from '../nlu/intent-schema';
import type { Interpretation } from '../nlu/interpret';
import { Interpreter } from '../nlu/interpret';
import { lessonReply } from '../onboarding/tour';
import { readAnswer } from '../quiz/answer-check';
import { pickQuestion, quizPool, type QuizItem } from '../quiz/questions';
import { questionReply, verdictReply } from '../quiz/quiz-replies';
import { compareCategories, compareServices } from './answers/compare';
import { answerCategory, answerConcept } from './answers/concept';
import { answerResponsibility } from './answers/responsibility';
import { answerMatrix } from './answers/matrix';
import { answerExam, type ExamReplyOptions } from './answers/exam';
import { parseExamItem } from '../exam/parse';
import { EXAM_QUIZ_PREFIX } from '../quiz/from-exam';
import { KeptItems } from './kept-items';
import { outOfScopeReply } from './answers/out-of-scope';
import { answerService } from './answers/service';
import { helpReply, smalltalkReply, unknownReply } from './answers/small';
import type { Action } from '../reply/action';
import { FEEDBACK_THANKS, notice, type Reply } from '../reply/reply';
import type { FeedbackInput } from '../store/store';
import { ConversationStates, MemoryStateStore, type ConversationState, type PersonState, type StateOptions, type StateStore } from './state';
import { FINISHED } from '../onboarding/tour';
import { readQuizCommand, runQuizCommand } from '../quiz/commands';
import type { DailyQuiz } from '../quiz/daily';
import { PersonalQuiz } from '../quiz/personal';
import type { Course } from '../onboarding/course';
import { readOnboardingCommand, type OnboardingCommand } from '../onboarding/commands';
import type { ExamItemStore, QuizStore } from '../store/store';

export type Platform = 'slack' | 'teams' | 'console' | 'cli';

/** Who is talking, where: what a turn's state is keyed by. */
export interface Speaker {
  user: string;
  conversation: string;
  platform: Platform;
}

export interface Message extends Speaker {
  text: string;
  /** The platform's id of the channel or chat, for what is scheduled there (the daily quiz). */
  channel?: string;
  /** The person's time zone, where the platform says. */
  timeZone?: string;
  /** True in a one-to-one chat with the bot. */
  direct?: boolean;
  /** People the message mentions (besides the bot), where the platform lists them. */
  mentions?: string[];
}

export interface Turn {
  reply: Reply;
  /** True when the reply explains the previous one ("why?"), which stays the one to explain. */
  explainsLast?: boolean;
  /** What the bot understood, after context was applied ("and for S3?" carries the last task). */
  interpretation: Interpretation;
}

export interface BotOptions extends StateOptions {
  /** Where turns keep their state; in this process only unless a database store is given. */
  state?: StateStore;
  /** Where 👍 / 👎 votes go; without it a vote is thanked and dropped. */
  feedback?: { recordFeedback(f: FeedbackInput): Promise<unknown> };
  /** The channels' daily quiz; without it `quiz daily …` explains where it runs. */
  daily?: DailyQuiz;
  /** Where each person's spaced-repetition cards live; without it "quiz me" walks the pool in a fixed order. */
  cards?: QuizStore;
  /** Onboarding with progress in the store; without it "onboard me" walks the lessons in this conversation only. */
  course?: Course;
  /** Where pasted practice-exam items are kept, for "Show why" and "Add to my quiz"; without it the reasons come at once. */
  exams?: ExamItemStore;
}


const WHY_LABELS = new Set(['Keep in mind', 'Category', 'By category']);
/** Typed words that move on within a quiz or a lesson ("next", "another", "skip"). */
const NEXT_WORDS = /^\s*(next|next one|next question|another|another one|skip|skip it|pass|more|continue|go on)\s*[.!?]*\s*$/i;
/** "I don't know" to a quiz question: show the answer rather than read it as a guess. */
const GIVE_UP = /^\s*(idk|i\s*(do ?n['’]?t|dunno) know|dunno|no idea|not sure|give up|i give up|tell me)\s*[.!?]*\s*$/i;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The person in a message or a click, as the course keys them. */
const learner = (m: Speaker & { channel?: string; timeZone?: string; direct?: boolean }) => ({
  platform: m.platform,
  user: m.user,
  dm: m.direct ? m.channel : undefined,
  timeZone: m.timeZone,
});

const stateKey = (s: Speaker): string => `${s.platform}:${s.conversation}:${s.user}`;
const personKey = (s: Speaker): string => `${s.platform}:${s.user}`;

export class Bot {
  readonly interpreter: Interpreter;
  private readonly pool: QuizItem[];
  private readonly poolById: Map<string, QuizItem>;
  private readonly states: ConversationStates;
  private readonly personal?: PersonalQuiz;
  private readonly kept?: KeptItems;

  constructor(
    readonly kb: KnowledgeBase,
    private readonly options: BotOptions = {},
  ) {
    this.interpreter = new Interpreter(kb);
    this.pool = quizPool(kb);
    this.poolById = new Map(this.pool.map((q) => [q.id, q]));
    this.states = new ConversationStates(options.state ?? new MemoryStateStore(), options);
    if (options.exams) this.kept = new KeptItems(kb, this.interpreter, options.exams);
    if (options.cards)
      this.personal = new PersonalQuiz(options.cards, this.pool, options.now ? () => new Date(options.now!()) : undefined, async (id) => this.kept?.question(id));
  }

  /** One question with no conversation around it (the CLI's batch mode): nothing is remembered. */
  answerOnce(text: string): Turn {
    const state: ConversationState = { lastServiceIds: [], touched: 0 };
    return this.respond(text, state);
  }

  /** A typed message: its state is loaded, the reply made, the state saved. */
  async handle(message: Message): Promise<Turn> {
    const command = readQuizCommand(message.text);
    if (command) {
      const reply = await runQuizCommand(this.options.daily, command, { ...message, channel: message.channel });
      return this.plain(reply);
    }
    const course = this.options.course;
    const onboarding = course && readOnboardingCommand(message.text, message.mentions);
    if (course && onboarding) return this.plain(await this.onboardingCommand(course, onboarding, message));
    const key = stateKey(message);
    const state = await this.states.conversation(key);
    const text = message.text;
    // In a quiz: "next", "skip" and "idk" move on or reveal; anything else is read as usual.
    if (state.pendingQuizId || state.mode === 'quiz') {
      const quiz = await this.quizWords(message, state, text);
      if (quiz) {
        await this.states.saveConversation(key, state);
        return quiz;
      }
    }
    if (state.mode === 'lesson' && NEXT_WORDS.test(text) && state.lesson !== undefined) {
      const turn = this.lessonTurn(state, state.lesson + 1, text);
      await this.states.saveConversation(key, state);
      return turn;
    }
    const keep = this.kept?.fits(text) === true;
    const turn = this.respond(text, state, keep);
    if (turn.reply.kind === 'exam' && keep) {
      // Kept before the reply goes out, so its "Show why" and "Add to my quiz" find it.
      await this.kept!.keep(text);
      this.remember(state, turn);
      await this.states.saveConversation(key, state);
      return turn;
    }
    if (turn.reply.kind === 'quiz-question' || turn.reply.intent === 'quiz') {
      // "quiz me": the person's own place in the pool, so two people see different questions.
      const reply = await this.nextQuestion(message, state);
      await this.states.saveConversation(key, state);
      return { ...turn, reply };
    }
    if (turn.reply.intent === 'onboarding' && course) {
      // "onboard me": the person's own course, started or carried on, in a direct message.
      const reply = await course.start(learner(message));
      if (message.direct !== false) return { ...turn, reply };
      const sent = await course.sendTo(message.platform, message.user, reply);
      return this.plain(sent ? notice("I've sent you the first lesson in a direct message.") : reply);
    }
    if (turn.reply.intent === 'onboarding') {
      const onboarding = this.onboardingTurn(state, text, turn);
      await this.states.saveConversation(key, state);
      return onboarding;
    }
    this.remember(state, turn);
    await this.states.saveConversation(key, state);
    return turn;
  }

  private async onboardingCommand(course: Course, command: OnboardingCommand, message: Message): Promise<Reply> {
    const who = learner(message);
    switch (command.kind) {
      case 'resume':
        return course.resume(who);
      case 'pace':
        return course.setPace(who, command.pace);
      case 'stop-reminders':
        return course.stopReminders(who);
      case 'status':
        if (message.direct || !message.channel || (message.platform !== 'slack' && message.platform !== 'teams'))
          return notice('Ask "onboarding status" in a channel: I list the progress of its members.');
        return course.statusIn(message.platform, message.channel);
      case 'invite':
        if (message.platform !== 'slack' && message.platform !== 'teams') return notice('Invitations go out in Slack and Teams.');
        if (command.users.length === 0) return notice('Name the people to invite: "onboarding invite @ana @ben".');
        return course.invite(message.platform, command.users, undefined, message.channel);
    }
  }

  /** Someone new joined: one invitation to the lessons, never twice for the same person. */
  async welcomeNewcomer(platform: Platform, user: string): Promise<boolean> {
    if (!this.options.course || (platform !== 'slack' && platform !== 'teams')) return false;
    return this.options.course.welcome(platform, user);
  }

  /** A person's daily-quiz figures per channel, where the daily quiz runs. */
  async quizStats(platform: Platform, user: string): Promise<Awaited<ReturnType<DailyQuiz['personalStats']>>> {
    if (!this.options.daily || (platform !== 'slack' && platform !== 'teams')) return [];
    return this.options.daily.personalStats(platform, user);
  }

  /** A button: the action it carries, for the person who clicked it. */
  async act(action: Action, speaker: Speaker): Promise<Turn> {
    const key = stateKey(speaker);
    switch (action.kind) {
      case 'ask':
      case 'share':
        return this.handle({ ...speaker, text: action.question });
      case 'quiz-answer': {
        if (action.postId !== undefined && this.options.daily) {
          // A channel's daily question: recorded once, the verdict for the clicker alone.
          const outcome = await this.options.daily.answer(Number(action.postId), speaker.user, action.choice);
          if (outcome.recorded && outcome.post) {
            await this.grade(speaker, action.questionId, outcome.right === true);
            // The post's "N answered", in the background: the verdict must not wait for an edit's retries.
            void this.options.daily.refreshCount(outcome.post).catch(() => undefined);
          }
          return this.plain(outcome.reply);
        }
        // A lesson's checkpoint, when the person is at it.
        const checkpoint = await this.options.course?.answer(learner(speaker), action.questionId, action.choice);
        if (checkpoint) return this.plain(checkpoint);
        const item = await this.quizItem(action.questionId);
        if (!item || action.choice >= item.choices.length) return this.plain(notice('That quiz question is no longer in the bank. Say "quiz me" for a new one.'));
        const state = await this.states.conversation(key);
        if (state.pendingQuizId === item.id) state.pendingQuizId = undefined;
        state.mode = 'quiz';
        await this.states.saveConversation(key, state);
        await this.grade(speaker, item.id, action.choice === item.answer);
        return this.plain(verdictReply(item, action.choice));
      }
      case 'quiz-view':
        return this.plain(this.options.daily ? await this.options.daily.view(Number(action.postId), speaker.user) : notice('The daily quiz is not running here.'));
      case 'quiz-next': {
        const state = await this.states.conversation(key);
        const reply = await this.nextQuestion(speaker, state);
        await this.states.saveConversation(key, state);
        return this.plain(reply);
      }
      case 'lesson': {
        if (this.options.course) return this.plain(await this.options.course.go(learner(speaker), action.lessonId, action.step));
        const state = await this.states.conversation(key);
        const index = action.lessonId === FINISHED ? this.kb.lessons.length : this.kb.lessons.findIndex((l) => l.id === action.lessonId);
        const turn = this.lessonTurn(state, index < 0 ? 0 : index, 'lesson');
        await this.states.saveConversation(key, state);
        return turn;
      }
      case 'exam-why': {
        const item = await this.kept?.item(action.itemId);
        if (!item) return this.plain(notice('I no longer have that practice question: paste it again.'));
        return this.plain(answerExam(this.kb, this.interpreter, item, { itemId: action.itemId, canSave: this.personal !== undefined, expanded: true }));
      }
      case 'exam-save': {
        if (!this.personal) return this.plain(notice('Saving questions needs the quiz store, which is not set up here.'));
        const question = await this.kept?.question(`${EXAM_QUIZ_PREFIX}${action.itemId}`);
        if (!question) return this.plain(notice("I can't add that one: I no longer have it, or I was not sure of its answer, or it has too many combinations of answers for a quiz."));
        const added = await this.personal.add(speaker.platform, speaker.user, question.id);
        return this.plain(
          notice(added ? 'Added to your quiz. Say "quiz me" to practise it; a miss brings it back sooner.' : 'It is in your quiz already. Say "quiz me" to practise.'),
        );
      }
      case 'feedback': {
        const vote = action.vote;
        await this.options.feedback?.recordFeedback({ platform: speaker.platform, user: speaker.user, conversation: speaker.conversation, question: action.question, intent: action.intent, vote });
        return this.plain(notice(FEEDBACK_THANKS[vote]));
      }
    }
  }

  /** A quiz question by id: the bank's, or a saved exam item. */
  private async quizItem(id: string): Promise<QuizItem | undefined> {
    return this.poolById.get(id) ?? (this.personal ? this.personal.item(id) : undefined);
  }

  private plain(reply: Reply): Turn {
    return { reply, interpretation: synthetic(this.interpreter.interpret(''), reply.intent) };
  }

  /** Spaced repetition: how the person did on a question decides when it comes back. */
  private async grade(speaker: Speaker, questionId: string, right: boolean): Promise<void> {
    await this.personal?.grade(speaker.platform, speaker.user, questionId, right);
  }

  private async nextQuestion(speaker: Speaker, state: ConversationState): Promise<Reply> {
    let item: QuizItem;
    if (this.personal) item = await this.personal.next(speaker.platform, speaker.user, state.pendingQuizId);
    else {
      const person = await this.states.person(personKey(speaker));
      item = pickQuestion(this.pool, hash(personKey(speaker)), person.quizCount);
      await this.states.savePerson(personKey(speaker), { ...person, quizCount: person.quizCount + 1 } satisfies PersonState);
    }
    state.pendingQuizId = item.id;
    state.mode = 'quiz';
    return questionReply(item);
  }

  /** Typed words inside a quiz: an answer to the pending question, "next", "idk"; else undefined. */
  private async quizWords(speaker: Speaker, state: ConversationState, text: string): Promise<Turn | undefined> {
    const item = state.pendingQuizId ? await this.quizItem(state.pendingQuizId) : undefined;
    if (NEXT_WORDS.test(text)) return this.plain(await this.nextQuestion(speaker, state));
    if (!item) return undefined;
    if (GIVE_UP.test(text)) {
      state.pendingQuizId = undefined;
      await this.grade(speaker, item.id, false);
      return this.plain(verdictReply(item, undefined));
    }
    // "do we patch rds?" while a question is pending is a new question, not the answer "You".
    const interp = this.interpreter.interpret(text);
    // …and "quiz me" or "help" is a request, not the answer "me".
    const asksSomething =
      interp.task !== undefined || interp.services.length > 0 || interp.concepts.length > 0 || ['quiz', 'onboarding', 'help'].includes(interp.intent);
    const chosen = asksSomething ? undefined : readAnswer(item, text);
    if (chosen === undefined) return undefined;
    state.pendingQuizId = undefined;
    await this.grade(speaker, item.id, chosen === item.answer);
    return { reply: verdictReply(item, chosen), interpretation: synthetic(interp, 'quiz') };
  }

  private onboardingTurn(state: ConversationState, text: string, turn: Turn): Turn {
    const words = text.toLowerCase();
    const restart = /\b(restart|again|from the start)\b/.test(words);
    const next = /\b(next|continue|go on)\b/.test(words) && state.lesson !== undefined;
    const index = restart ? 0 : next ? state.lesson! + 1 : (state.lesson ?? 0);
    return { ...this.lessonTurn(state, index, text), interpretation: turn.interpretation };
  }

  private lessonTurn(state: ConversationState, index: number, text: string): Turn {
    const at = Math.min(index, this.kb.lessons.length);
    state.lesson = at;
    state.mode = at < this.kb.lessons.length ? 'lesson' : undefined;
    state.pendingQuizId = undefined;
    const reply = lessonReply(this.kb, at);
    return { reply, interpretation: synthetic(this.interpreter.interpret(text), 'onboarding') };
  }

  /** What a follow-up needs from this turn: the task and services, and the question "why?" explains. */
  private remember(state: ConversationState, turn: Turn): void {
    if (turn.reply.facts.task || turn.reply.facts.service) {
      state.lastTaskId = turn.reply.facts.task?.id;
      state.lastServiceIds = turn.interpretation.services.map((s) => s.id);
    }
    if (!turn.explainsLast && turn.reply.intent !== 'unknown')
      state.lastExplainable = turn.reply.sources.length > 0 && turn.reply.restated ? turn.reply.restated : undefined;
    // A new question ends a quiz or a lesson: "next" now means nothing special.
    state.mode = undefined;
    state.pendingQuizId = undefined;
  }

  private respond(text: string, state: ConversationState, keepExam = false): Turn {
    // A pasted practice-exam item is read as a whole, before any single question in it.
    const item = parseExamItem(text);
    if (item) {
      const exam: ExamReplyOptions = keepExam && this.kept ? { itemId: this.kept.idOf(text), canSave: this.personal !== undefined } : {};
      return { reply: answerExam(this.kb, this.interpreter, item, exam), interpretation: synthetic(this.interpreter.interpret(''), 'exam') };
    }
    let interp = this.interpreter.interpret(text);
    if (interp.why && state.lastExplainable) {
      const last = this.answerOnce(state.lastExplainable).reply;
      return { reply: whyReply(last), interpretation: interp, explainsLast: true };
    }
    interp = this.withContext(interp, state);
    return { reply: this.route(interp, text), interpretation: interp };
  }

  /** "and for S3?" after "who patches RDS?": borrow the task or the service from the last question. */
  private withContext(interp: Interpretation, state: ConversationState): Interpretation {
    if (!interp.followUp || interp.intent === 'compare') return interp;
    const lastTask = state.lastTaskId ? this.kb.tasksById.get(state.lastTaskId) : undefined;
    const lastServices = state.lastServiceIds.map((id) => this.kb.servicesById.get(id)!).filter(Boolean);
    if (!interp.task && lastTask && interp.services.length > 0)
      return { ...interp, intent: 'responsibility', task: lastTask, confidence: Math.max(interp.confidence, 0.85), rule: 'follow-up: last task' };
    if (interp.task && interp.services.length === 0 && lastServices.length > 0)
      return { ...interp, intent: 'responsibility', services: lastServices, confidence: Math.max(interp.confidence, 0.85), rule: 'follow-up: last service' };
    return interp;
  }

  /** The reply for what was understood. Quiz and onboarding replies here are stateless first looks;
   * handle() gives them the person's place in the quiz or the tour. */
  private route(interp: Interpretation, text: string): Reply {
    const kb = this.kb;
    switch (interp.intent) {
      case 'responsibility':
        return interp.task ? answerResponsibility(kb, interp) : unknownReply(kb);
      case 'service':
        return interp.services[0] ? answerService(kb, interp.services[0]) : unknownReply(kb);
      case 'concept':
        if (interp.concepts[0]) return answerConcept(kb, interp.concepts[0]);
        if (interp.categories[0]) return answerCategory(kb, interp.categories[0]);
        return unknownReply(kb);
      case 'compare': {
        const services = interp.servicesInOrder.length >= 2 ? interp.servicesInOrder : interp.services;
        const [a, b] = services;
        if (a && b) return compareServices(kb, services, interp.task);
        const [ca, cb] = interp.categories;
        if (ca && cb) return compareCategories(kb, ca, cb);
        return a ? answerService(kb, a) : unknownReply(kb);
      }
      case 'quiz':
        return questionReply(pickQuestion(this.pool, hash(text), 0));
      case 'onboarding':
        return lessonReply(kb, 0);
      case 'matrix':
        return answerMatrix(kb, interp.servicesInOrder);
      case 'exam': // only from parseExamItem, before routing
        return unknownReply(kb);
      case 'help':
        return helpReply(kb);
      case 'smalltalk':
        return smalltalkReply(text, kb);
      case 'unknown':
        return interp.outOfScope ? outOfScopeReply(interp.outOfScope, interp.services[0]) : unknownReply(kb);
    }
  }
}

function synthetic(interp: Interpretation, intent: IntentName): Interpretation {
  return { ...interp, intent, confidence: 1, rule: 'quiz answer', services: [], servicesInOrder: [], task: undefined };
}

/** "why?": the reasoning and sources of the last answer, without repeating all of it. */
function whyReply(last: Reply): Reply {
  const sections = last.sections.filter((s) => WHY_LABELS.has(s.label) || s.label.startsWith('Why '));
  return {
    ...last,
    title: `Why: ${last.title}`,
    summary: sections.length
      ? `Here is the reasoning behind that answer. ${last.summary}`
      : `That answer comes straight from the AWS documentation linked below. ${last.summary}`,
    sections,
  };
}
