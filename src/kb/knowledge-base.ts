// The validated facts, indexed for look-up, after every cross-reference has been checked. How people
// name them is the matcher's business: names that collide are checked in src/nlu/names.ts.
import { checkExam } from './exam-check';
import type { ExamFile } from './exam-schema';
import { checkLessons } from './lesson-check';
import type { DataFiles, Problem } from './load';
import type {
  Category,
  CategoryInfo,
  Concept,
  Lesson,
  NotApplicable,
  QuizQuestion,
  Service,
  ServiceException,
  Task,
  TaskDefaults,
  Variant,
} from './schema';

export interface Facts {
  services: Service[];
  servicesById: Map<string, Service>;
  categories: Map<Category, CategoryInfo>;
  tasks: Task[];
  tasksById: Map<string, Task>;
  terms: Record<string, string[]>;
  weakTerms: ReadonlySet<string>;
  defaults: Map<string, TaskDefaults>;
  exceptions: Map<string, ServiceException>; // key: `${service}/${task}`
  /** Cells where the task has no object on the service; key: `${service}/${task}`. */
  notApplicable: Map<string, NotApplicable>;
  variants: Map<string, Variant>;
  concepts: Concept[];
  conceptsById: Map<string, Concept>;
  quiz: QuizQuestion[];
  lessons: Lesson[];
  /** The tasks a comparison of services lines up (data/tasks.yaml `compare`). */
  compareTasks: string[];
  /** The tasks generated quiz questions ask about on each category's first example (`quiz`). */
  quizTasks: string[];
  /** What practice-exam items test beyond the cells: duties, statements, tools (data/exam.yaml). */
  exam: ExamFile;
}

export const exceptionKey = (service: string, task: string): string => `${service}/${task}`;


/** Records a problem unless it only repeats one already reported: an entry that failed validation is not "unknown" too. */
export type Need = (ok: boolean, file: string, path: string, message: string) => void;

export function needing(skipped: readonly string[], problems: Problem[]): Need {
  const skip = new Set(skipped);
  return (ok, file, path, message) => {
    const about = /"([^"]+)"/.exec(message)?.[1];
    if (!ok && !(message.startsWith('unknown') && about !== undefined && skip.has(about))) problems.push({ file, path, message });
  };
}

function indexById<T extends { id: string }>(items: T[], file: string, list: string, problems: Problem[]): Map<string, T> {
  const map = new Map<string, T>();
  items.forEach((item, i) => {
    if (map.has(item.id)) problems.push({ file, path: `${list}[${i}].id`, message: `duplicate id "${item.id}"` });
    else map.set(item.id, item);
  });
  return map;
}

/** Cross-checks ids between data files, then builds the look-up maps. */
export function buildFacts(raw: DataFiles, problems: Problem[]): Facts {
  const DATA = (name: string): string => `${raw.dataLabel}/${name}.yaml`;
  const servicesById = indexById(raw.services.services, DATA('services'), 'services', problems);
  const tasksById = indexById(raw.tasks.tasks, DATA('tasks'), 'tasks', problems);
  const conceptsById = indexById(raw.concepts.concepts, DATA('concepts'), 'concepts', problems);
  const quizById = indexById(raw.quiz.questions, DATA('quiz'), 'questions', problems);

  const need = needing(raw.skipped, problems);
  const knownTasks = (ids: readonly string[], file: string, path: string): void =>
    ids.forEach((id, i) => need(tasksById.has(id), file, `${path}[${i}]`, `unknown task "${id}"`));

  const categories = new Map<Category, CategoryInfo>();
  raw.categories.categories.forEach((c, i) => {
    need(!categories.has(c.id), DATA('categories'), `categories[${i}].id`, `duplicate category "${c.id}"`);
    categories.set(c.id, c);
    c.examples.forEach((s, j) =>
      need(servicesById.has(s), DATA('categories'), `categories[${i}].examples[${j}]`, `unknown service "${s}"`),
    );
    knownTasks(c.overview, DATA('categories'), `categories[${i}].overview`);
  });
  raw.services.services.forEach((s, i) => knownTasks(s.overview, DATA('services'), `services[${i}].overview`));
  knownTasks(raw.tasks.compare, DATA('tasks'), 'compare');
  knownTasks(raw.tasks.quiz, DATA('tasks'), 'quiz');

  raw.tasks.weakTerms.forEach((term, i) =>
    need(term in raw.tasks.terms, DATA('tasks'), `weakTerms[${i}]`, `unknown term "${term}"`),
  );
  raw.tasks.tasks.forEach((t, i) => {
    t.when.forEach((rule, j) =>
      rule.forEach((term, k) =>
        need(term in raw.tasks.terms, DATA('tasks'), `tasks[${i}].when[${j}][${k}]`, `unknown term "${term}"`),
      ),
    );
    need(t.when.length > 0 || t.phrases.length > 0, DATA('tasks'), `tasks[${i}]`, 'a task needs phrases or when-rules to be recognised');
    t.related.forEach((r, j) => need(tasksById.has(r), DATA('tasks'), `tasks[${i}].related[${j}]`, `unknown task "${r}"`));
    t.absorbs.forEach((id, j) => need(servicesById.has(id), DATA('tasks'), `tasks[${i}].absorbs[${j}]`, `unknown service "${id}"`));
    if (t.concept) need(conceptsById.has(t.concept), DATA('tasks'), `tasks[${i}].concept`, `unknown concept "${t.concept}"`);
  });

  const defaults = new Map<string, TaskDefaults>();
  raw.responsibilities.defaults.forEach((d, i) => {
    const file = DATA('responsibilities');
    need(tasksById.has(d.task), file, `defaults[${i}].task`, `unknown task "${d.task}"`);
    need(!defaults.has(d.task), file, `defaults[${i}].task`, `second defaults entry for "${d.task}"`);
    defaults.set(d.task, d);
  });
  raw.tasks.tasks.forEach((t, i) =>
    need(defaults.has(t.id), DATA('tasks'), `tasks[${i}]`, `task "${t.id}" has no defaults entry in data/responsibilities.yaml`),
  );

  const exceptions = new Map<string, ServiceException>();
  raw.responsibilities.exceptions.forEach((e, i) => {
    const file = DATA('responsibilities');
    need(servicesById.has(e.service), file, `exceptions[${i}].service`, `unknown service "${e.service}"`);
    need(tasksById.has(e.task), file, `exceptions[${i}].task`, `unknown task "${e.task}"`);
    const key = exceptionKey(e.service, e.task);
    need(!exceptions.has(key), file, `exceptions[${i}]`, `second exception for ${key}`);
    exceptions.set(key, e);
  });

  const variants = indexById(raw.variants.variants, DATA('variants'), 'variants', problems);
  const checkVariants = (fact: { variants?: Array<{ variant: string }> }, file: string, path: string): void =>
    fact.variants?.forEach((v, j) => need(variants.has(v.variant), file, `${path}.variants[${j}].variant`, `unknown variant "${v.variant}"`));
  raw.responsibilities.defaults.forEach((d, i) => {
    checkVariants(d.general, DATA('responsibilities'), `defaults[${i}].general`);
    for (const c of ['infrastructure', 'container', 'abstracted'] as const)
      if (d[c]) checkVariants(d[c], DATA('responsibilities'), `defaults[${i}].${c}`);
  });
  raw.responsibilities.exceptions.forEach((e, i) => checkVariants(e, DATA('responsibilities'), `exceptions[${i}]`));
  const notApplicable = indexNotApplicable(raw, servicesById, tasksById, exceptions, need, DATA('responsibilities'));

  raw.concepts.concepts.forEach((c, i) =>
    c.related.forEach((r, j) => need(conceptsById.has(r), DATA('concepts'), `concepts[${i}].related[${j}]`, `unknown concept "${r}"`)),
  );
  raw.quiz.questions.forEach((q, i) => {
    const file = DATA('quiz');
    if (q.service) need(servicesById.has(q.service), file, `questions[${i}].service`, `unknown service "${q.service}"`);
    if (q.task) need(tasksById.has(q.task), file, `questions[${i}].task`, `unknown task "${q.task}"`);
    if (q.concept) need(conceptsById.has(q.concept), file, `questions[${i}].concept`, `unknown concept "${q.concept}"`);
  });
  checkLessons(raw.lessons.lessons, new Set(quizById.keys()), DATA('lessons'), problems, raw.skipped);
  checkExam(raw.exam, DATA('exam'), problems);

  return {
    services: raw.services.services,
    servicesById,
    categories,
    tasks: raw.tasks.tasks,
    tasksById,
    terms: raw.tasks.terms,
    weakTerms: new Set(raw.tasks.weakTerms),
    defaults,
    exceptions,
    notApplicable,
    variants,
    concepts: raw.concepts.concepts,
    conceptsById,
    quiz: raw.quiz.questions,
    lessons: raw.lessons.lessons,
    compareTasks: raw.tasks.compare,
    quizTasks: raw.tasks.quiz,
    exam: raw.exam,
  };
}

/**
 * Spreads the does-not-apply entries over their cells. A service entry wins over everything; a
 * category entry yields to a service's own exception (Lambda has an OS, and AWS patches it).
 */
function indexNotApplicable(
  raw: DataFiles,
  servicesById: Map<string, Service>,
  tasksById: Map<string, Task>,
  exceptions: Map<string, ServiceException>,
  need: Need,
  file: string,
): Map<string, NotApplicable> {
  const cells = new Map<string, NotApplicable>();
  const entries = raw.responsibilities.notApplicable;
  entries.forEach((n, i) => {
    n.tasks.forEach((t, j) => need(tasksById.has(t), file, `notApplicable[${i}].tasks[${j}]`, `unknown task "${t}"`));
    if (n.service) need(servicesById.has(n.service), file, `notApplicable[${i}].service`, `unknown service "${n.service}"`);
    n.except.forEach((s, j) => need(servicesById.has(s), file, `notApplicable[${i}].except[${j}]`, `unknown service "${s}"`));
    if (!n.service) return;
    for (const t of n.tasks) {
      const key = exceptionKey(n.service!, t);
      need(!exceptions.has(key), file, `notApplicable[${i}]`, `${key} has an exception and is also marked as not applying`);
      need(!cells.has(key), file, `notApplicable[${i}]`, `${key} is marked as not applying twice`);
      cells.set(key, n);
    }
  });
  // Category entries after every service entry, so a service's own entry always wins.
  for (const n of entries)
    for (const s of servicesById.values()) {
      if (n.category === undefined || s.category !== n.category || n.except.includes(s.id)) continue;
      for (const t of n.tasks) {
        const key = exceptionKey(s.id, t);
        if (!exceptions.has(key) && !cells.has(key)) cells.set(key, n);
      }
    }
  return cells;
}
