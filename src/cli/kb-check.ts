// `whosejob kb check`: every problem in data/ and intents/, or a one-line summary when all is well.
import { buildKnowledgeBase } from '../kb/knowledge-base';
import { readKnowledge, type Problem, type Sources } from '../kb/load';
import { Interpreter } from '../nlu/interpret';

export interface CheckResult {
  problems: Problem[];
  summary: string;
}

export function checkKnowledge(sources: Sources): CheckResult {
  const problems: Problem[] = [];
  const raw = readKnowledge(sources, problems);
  if (!raw) return { problems, summary: '' };
  const kb = buildKnowledgeBase(raw, problems);
  if (problems.length > 0) return { problems, summary: '' };
  // Every example must be read as the intent it stands for, or the data teaches the wrong thing.
  const interpreter = new Interpreter(kb);
  for (const file of kb.intents) {
    file.examples.forEach((ex, i) => {
      const got = interpreter.interpret(fillSlots(ex, kb)).intent;
      if (got !== file.intent)
        problems.push({ file: `${raw.intentsLabel}/${file.intent}.yaml`, path: `examples[${i}]`, message: `"${ex}" is read as ${got}` });
    });
  }
  const summary = `ok: ${kb.services.length} services, ${kb.tasks.length} tasks, ${kb.exceptions.size} service exceptions, ${kb.concepts.length} concepts, ${kb.quiz.length} quiz questions, ${kb.lessons.length} lessons, ${kb.intents.reduce((n, f) => n + f.examples.length, 0)} intent examples`;
  return { problems, summary };
}

/** An example with its slots filled by real names, the way a person would type it. */
export function fillSlots(example: string, kb: { services: { name: string }[]; tasks: { name: string }[]; concepts: { name: string }[] }, pick = 0): string {
  let n = pick;
  return example.replace(/\{(service|task|concept|category)\}/g, (_m, slot: string) => {
    n++;
    switch (slot) {
      case 'service':
        return kb.services[n % kb.services.length]!.name;
      case 'task':
        return kb.tasks[n % kb.tasks.length]!.name.toLowerCase();
      case 'concept':
        return kb.concepts[n % kb.concepts.length]!.name.toLowerCase();
      default:
        return ['infrastructure services', 'abstracted services', 'container services'][n % 3]!;
    }
  });
}
