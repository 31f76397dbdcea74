// `whosejob kb check`: every problem in data/ and intents/, or a one-line summary when all is well.
import { defaultSources, formatProblem, type Problem, type Sources } from '../kb/load';
import { buildKnowledgeBase, readKnowledge } from '../nlu/knowledge-base';
import { Interpreter } from '../nlu/interpret';
import { noPositionals, parseCommandArgs } from './args';
import type { Io } from './io';
import { usageOf } from './usage';

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

/** `whosejob kb check [--data DIR] [--intents DIR]`: exit 1 with every problem, 0 with the summary. */
export async function kbCheckCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals, help } = parseCommandArgs('kb check', args, { data: { type: 'string' }, intents: { type: 'string' } });
  if (help) {
    io.stdout.write(usageOf('kb check'));
    return 0;
  }
  noPositionals('kb check', positionals);
  const defaults = defaultSources();
  const result = checkKnowledge({ ...defaults, dataDir: values.data ?? defaults.dataDir, intentsDir: values.intents ?? defaults.intentsDir });
  if (result.problems.length > 0) {
    io.stdout.write(`${result.problems.map(formatProblem).join('\n')}\n`);
    io.stderr.write(`whosejob: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in the knowledge base\n`);
    return 1;
  }
  io.stdout.write(`${result.summary}\n`);
  return 0;
}
