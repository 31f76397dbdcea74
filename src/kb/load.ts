// Reads data/ and intents/, validates each file with its schema and indexes the result.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, basename, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  CategoriesFile,
  ConceptsFile,
  ContextCuesFile,
  IntentFile,
  LessonsFile,
  QuizFile,
  ResponsibilitiesFile,
  ServicesFile,
  TasksFile,
} from './schema';
import { readCache } from './cache';
import { buildKnowledgeBase, type KnowledgeBase } from './knowledge-base';

/** One thing wrong with the data, told as `file: path: message`. */
export interface Problem {
  file: string;
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.path || '(top)'}: ${p.message}`;
}

/** The data could not be used; every problem found is listed, not just the first. */
export class KnowledgeBaseError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'KnowledgeBaseError';
  }
}

/** The package's own data/ and intents/, wherever the code runs from (src/ in tests, dist/ when built). */
export const PACKAGE_ROOT = resolve(__dirname, '..', '..');

export interface Sources {
  dataDir: string;
  intentsDir: string;
}

export const defaultSources = (): Sources => ({
  dataDir: join(PACKAGE_ROOT, 'data'),
  intentsDir: join(PACKAGE_ROOT, 'intents'),
});

/** `services[3].aliases[0]` from zod's path array. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function readYaml(file: string, shownAs: string, problems: Problem[]): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    problems.push({ file: shownAs, path: '', message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
    return undefined;
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const at = e.linePos?.[0];
      problems.push({ file: shownAs, path: at ? `line ${at.line}, column ${at.col}` : '', message: e.message.split('\n')[0] ?? 'YAML syntax error' });
    }
    return undefined;
  }
  return doc.toJS();
}

function validate<T extends z.ZodType>(schema: T, value: unknown, shownAs: string, problems: Problem[]): z.infer<T> | undefined {
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push({ file: shownAs, path: formatPath(issue.path), message: issue.message });
  return undefined;
}

export interface RawKnowledge {
  services: z.infer<typeof ServicesFile>;
  categories: z.infer<typeof CategoriesFile>;
  tasks: z.infer<typeof TasksFile>;
  responsibilities: z.infer<typeof ResponsibilitiesFile>;
  concepts: z.infer<typeof ConceptsFile>;
  quiz: z.infer<typeof QuizFile>;
  lessons: z.infer<typeof LessonsFile>;
  intents: IntentFile[];
  context: ContextCuesFile;
}

const DATA_FILES = {
  services: ServicesFile,
  categories: CategoriesFile,
  tasks: TasksFile,
  responsibilities: ResponsibilitiesFile,
  concepts: ConceptsFile,
  quiz: QuizFile,
  lessons: LessonsFile,
} as const;

/** Reads and validates every file; collects all problems before giving up. */
export function readKnowledge(sources: Sources = defaultSources(), problems: Problem[] = []): RawKnowledge | undefined {
  const shown = (file: string): string => relative(process.cwd(), file) || file;
  const raw: Partial<Record<keyof typeof DATA_FILES, unknown>> = {};
  for (const [name, schema] of Object.entries(DATA_FILES) as [keyof typeof DATA_FILES, z.ZodType][]) {
    const file = join(sources.dataDir, `${name}.yaml`);
    raw[name] = validate(schema, readYaml(file, shown(file), problems), shown(file), problems);
  }

  const intents: IntentFile[] = [];
  let context: ContextCuesFile | undefined;
  if (!existsSync(sources.intentsDir)) {
    problems.push({ file: shown(sources.intentsDir), path: '', message: 'folder not found' });
  } else {
    for (const name of readdirSync(sources.intentsDir).filter((f) => f.endsWith('.yaml')).sort()) {
      const file = join(sources.intentsDir, name);
      const value = readYaml(file, shown(file), problems);
      if (basename(name, '.yaml') === 'context') {
        context = validate(ContextCuesFile, value, shown(file), problems);
        continue;
      }
      const parsed = validate(IntentFile, value, shown(file), problems);
      if (!parsed) continue;
      if (basename(name, '.yaml') !== parsed.intent)
        problems.push({ file: shown(file), path: 'intent', message: `"${parsed.intent}" must match the file name` });
      intents.push(parsed);
    }
    if (!context) problems.push({ file: shown(join(sources.intentsDir, 'context.yaml')), path: '', message: 'missing' });
  }
  if (problems.length > 0) return undefined;
  return { ...(raw as Omit<RawKnowledge, 'intents' | 'context'>), intents, context: context! };
}

/** Where the build writes the compiled knowledge of the package's own data/ and intents/. */
export const CACHE_FILE = join(PACKAGE_ROOT, 'dist', 'knowledge.json');

/** Loads, validates, cross-checks and indexes; throws KnowledgeBaseError listing every problem. */
export function loadKnowledgeBase(sources: Sources = defaultSources(), cacheFile: string | null = CACHE_FILE): KnowledgeBase {
  const problems: Problem[] = [];
  const raw = (cacheFile ? readCache(cacheFile, sources) : undefined) ?? readKnowledge(sources, problems);
  if (!raw) throw new KnowledgeBaseError(problems);
  const kb = buildKnowledgeBase(raw, problems);
  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  return kb;
}
