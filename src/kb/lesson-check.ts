// The onboarding course as a whole, beyond each lesson's own shape: enough lessons to cover the
// learning objectives, each short enough to read in a chat message, closed by a checkpoint question
// that exists, with a question to try, and no id twice (progress in the store refers to lesson ids).
import type { Problem } from './load';
import type { Lesson } from './schema';

/** One lesson per learning objective of the model, from "of vs in" to the common mistakes. */
export const MIN_LESSONS = 8;
/** A lesson's goal and step texts together stay under this many words. */
export const MAX_WORDS = 150;

/** Words as a reader counts them: runs of text between spaces. */
export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** What a person reads of a lesson: its goal and the text of its steps (titles and questions to try aside). */
export const lessonWords = (lesson: Pick<Lesson, 'goal' | 'steps'>): number =>
  lesson.steps.reduce((n, step) => n + wordCount(step.text), wordCount(lesson.goal));

/**
 * Problems of the course, as `file: lessons[i].field: message`. `quizIds` are the curated questions a
 * checkpoint may name; `skipped` the ids of entries that failed validation and were reported already
 * (a checkpoint naming such a question is not "unknown" as well).
 */
export function checkLessons(lessons: readonly Lesson[], quizIds: ReadonlySet<string>, file: string, problems: Problem[], skipped: readonly string[] = []): void {
  const report = (path: string, message: string): void => void problems.push({ file, path, message });
  const invalid = new Set(skipped);
  // Lessons that failed their schema were reported and left out: only the valid ones make a course.
  if (lessons.length < MIN_LESSONS) report('lessons', `the course has ${lessons.length} valid lessons; it needs at least ${MIN_LESSONS}, one per learning objective`);
  const seen = new Set<string>();
  lessons.forEach((lesson, i) => {
    const at = `lessons[${i}]`;
    if (seen.has(lesson.id)) report(`${at}.id`, `duplicate id "${lesson.id}"`);
    seen.add(lesson.id);
    const words = lessonWords(lesson);
    if (words >= MAX_WORDS) report(at, `${words} words in its goal and steps; a lesson stays under ${MAX_WORDS}`);
    if (lesson.check === undefined) report(`${at}.check`, 'needs a checkpoint: the id of a question in data/quiz.yaml');
    else if (!quizIds.has(lesson.check) && !invalid.has(lesson.check)) report(`${at}.check`, `unknown quiz question "${lesson.check}"`);
    if (!lesson.steps.some((step) => step.tryAsking.length > 0)) report(`${at}.steps`, 'needs at least one question to try (tryAsking) in one of its steps');
  });
}
