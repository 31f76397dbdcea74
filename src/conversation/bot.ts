// The conversation core: a platform-neutral message in, one Reply out. Adapters call handle() and
// render what comes back; nothing here knows which platform it serves.
import type { KnowledgeBase } from '../kb/knowledge-base';
import type { IntentName } from '../kb/schema';
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
import { outOfScopeReply } from './answers/out-of-scope';
import { answerService } from './answers/service';
import { helpReply, smalltalkReply, unknownReply } from './answers/small';
import { ConversationMemory, type ConversationState } from './context';
import type { Reply } from './reply';

export type Platform = 'slack' | 'teams' | 'console' | 'cli';

export interface Message {
  text: string;
  user: string;
  conversation: string;
  platform: Platform;
}

export interface Turn {
  reply: Reply;
  /** True when the reply explains the previous one ("why?"), which stays the one to explain. */
  explainsLast?: boolean;
  /** What the bot understood, after context was applied ("and for S3?" carries the last task). */
  interpretation: Interpretation;
}

const WHY_LABELS = new Set(['Keep in mind', 'Category', 'By category']);

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export class Bot {
  readonly interpreter: Interpreter;
  private readonly pool: QuizItem[];

  constructor(
    readonly kb: KnowledgeBase,
    private readonly memory: ConversationMemory = new ConversationMemory(),
  ) {
    this.interpreter = new Interpreter(kb);
    this.pool = quizPool(kb);
  }

  /** One question with no conversation around it (the CLI's batch mode): nothing is remembered. */
  answerOnce(text: string): Turn {
    const state: ConversationState = { lastServiceIds: [], quizCount: 0, touched: 0 };
    return this.respond(text, state, `once:${text.length}`);
  }

  handle(message: Message): Turn {
    const key = `${message.platform}:${message.conversation}`;
    const state = this.memory.get(key);
    const turn = this.respond(message.text, state, key);
    if (turn.reply.facts.task || turn.reply.facts.service) {
      state.lastTaskId = turn.reply.facts.task?.id;
      state.lastServiceIds = turn.interpretation.services.map((s) => s.id);
    }
    if (!turn.explainsLast && turn.reply.intent !== 'unknown')
      state.lastExplainable = turn.reply.sources.length > 0 && turn.reply.restated ? turn.reply.restated : undefined;
    this.memory.set(key, state);
    return turn;
  }

  private respond(text: string, state: ConversationState, key: string): Turn {
    let interp = this.interpreter.interpret(text);
    if (state.pendingQuiz) {
      const item = state.pendingQuiz;
      // "do we patch rds?" while a question is pending is a new question, not the answer "You".
      const asksSomething = interp.task !== undefined || interp.services.length > 0 || interp.concepts.length > 0;
      const chosen = asksSomething ? undefined : readAnswer(item, text);
      if (chosen !== undefined) {
        state.pendingQuiz = undefined;
        return { reply: verdictReply(item, chosen), interpretation: synthetic(interp, 'quiz') };
      }
    }
    if (interp.why && state.lastExplainable) {
      const last = this.answerOnce(state.lastExplainable).reply;
      return { reply: whyReply(last), interpretation: interp, explainsLast: true };
    }
    interp = this.withContext(interp, state);
    return { reply: this.route(interp, text, state, key), interpretation: interp };
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

  private route(interp: Interpretation, text: string, state: ConversationState, key: string): Reply {
    const kb = this.kb;
    switch (interp.intent) {
      case 'responsibility':
        return interp.task ? answerResponsibility(kb, interp) : unknownReply();
      case 'service':
        return interp.services[0] ? answerService(kb, interp.services[0]) : unknownReply();
      case 'concept':
        if (interp.concepts[0]) return answerConcept(kb, interp.concepts[0]);
        if (interp.categories[0]) return answerCategory(kb, interp.categories[0]);
        return unknownReply();
      case 'compare': {
        const services = interp.servicesInOrder.length >= 2 ? interp.servicesInOrder : interp.services;
        const [a, b] = services;
        if (a && b) return compareServices(kb, services, interp.task);
        const [ca, cb] = interp.categories;
        if (ca && cb) return compareCategories(kb, ca, cb);
        return a ? answerService(kb, a) : unknownReply();
      }
      case 'quiz': {
        const item = pickQuestion(this.pool, hash(key), state.quizCount);
        state.quizCount++;
        state.pendingQuiz = item;
        return questionReply(item);
      }
      case 'onboarding': {
        const words = text.toLowerCase();
        const next = /\b(next|continue|go on)\b/.test(words) && state.lesson !== undefined;
        state.lesson = /\b(restart|again|from the start)\b/.test(words) ? 0 : next ? state.lesson! + 1 : (state.lesson ?? 0);
        if (state.lesson > kb.lessons.length) state.lesson = kb.lessons.length;
        return lessonReply(kb, state.lesson);
      }
      case 'matrix':
        return answerMatrix(kb, interp.servicesInOrder);
      case 'help':
        return helpReply();
      case 'smalltalk':
        return smalltalkReply(text);
      case 'unknown':
        return interp.outOfScope ? outOfScopeReply(interp.outOfScope, interp.services[0]) : unknownReply();
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
