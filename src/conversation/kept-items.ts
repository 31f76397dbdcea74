// Pasted practice-exam items kept in the store, so a later click ("Show why", "Add to my quiz") on any
// replica, after any restart, finds the item it was about. An item is named by a digest of its text: the
// same paste is kept once, and a button carries a short id instead of the whole item.
import { createHash } from 'node:crypto';
import { parseExamItem, type ExamItem } from '../exam/parse';
import { answerItem } from '../exam/reason';
import type { Interpreter } from '../nlu/interpret';
import type { KnowledgeBase } from '../nlu/knowledge-base';
import { EXAM_QUIZ_PREFIX, examQuizItem } from '../quiz/from-exam';
import type { QuizItem } from '../quiz/questions';
import { MAX_EXAM_ITEM, type ExamItemStore } from '../store/store';

export class KeptItems {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly interpreter: Interpreter,
    private readonly store: ExamItemStore,
  ) {}

  /** Whether a message of this length can be kept (a longer one is answered in full at once). */
  fits(text: string): boolean {
    return text.length <= MAX_EXAM_ITEM;
  }

  idOf(text: string): string {
    return createHash('sha256').update(text.trim()).digest('base64url').slice(0, 24);
  }

  async keep(text: string): Promise<void> {
    await this.store.saveExamItem(this.idOf(text), text.trim());
  }

  /** A kept item, read again; undefined when it is gone or no longer reads as an item. */
  async item(id: string): Promise<ExamItem | undefined> {
    const text = await this.store.getExamItem(id);
    return text === undefined ? undefined : parseExamItem(text);
  }

  /** A kept item as a quiz question (quiz id `x:<id>`), answered as the bot answers it: answers are deterministic. */
  async question(quizId: string): Promise<QuizItem | undefined> {
    if (!quizId.startsWith(EXAM_QUIZ_PREFIX)) return undefined;
    const id = quizId.slice(EXAM_QUIZ_PREFIX.length);
    const item = await this.item(id);
    return item && examQuizItem(id, item, answerItem(this.kb, this.interpreter, item));
  }
}
