// Reads data/ and intents/, validates each file with its schema and indexes the result.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, basename, relative, dirname } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  CategoriesFile,
  CategoryInfo,
  Concept,
  ConceptsFile,
  ContextCuesFile,
  ScopeFile,
  IntentFile,
  Lesson,
  LessonsFile,
  NotApplicable,
  QuizFile,
  QuizQuestion,
  ResponsibilitiesFile,
  Service,
  ServiceException,
  ServicesFile,
  Task,
  TaskDefaults,
  TasksFile,
  Variant,
  VariantsFile,
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

/** The package root: the nearest folder above this file with a package.json (src/, dist/ or a bench build). */
function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(start, '..', '..');
  }
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);

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
  const doc = parseDocument(text, { prettyErrors: true });
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
  variants: z.infer<typeof VariantsFile>;
  concepts: z.infer<typeof ConceptsFile>;
  quiz: z.infer<typeof QuizFile>;
  lessons: z.infer<typeof LessonsFile>;
  intents: IntentFile[];
  context: ContextCuesFile;
  scope: ScopeFile;
  /** How the data and intents folders are named in messages ("data", "test/fixtures/broken-kb/data"). */
  dataLabel: string;
  intentsLabel: string;
  /** Ids of list items that failed validation: cross-checks must not call them unknown as well. */
  skipped: string[];
}

const DATA_FILES = {
  services: ServicesFile,
  categories: CategoriesFile,
  tasks: TasksFile,
  responsibilities: ResponsibilitiesFile,
  variants: VariantsFile,
  concepts: ConceptsFile,
  quiz: QuizFile,
  lessons: LessonsFile,
} as const;

/** The lists inside each data file, so one bad entry does not hide the problems of the others. */
const LIST_ITEMS: Record<keyof typeof DATA_FILES, Record<string, z.ZodType>> = {
  services: { services: Service },
  categories: { categories: CategoryInfo },
  tasks: { tasks: Task },
  responsibilities: { defaults: TaskDefaults, exceptions: ServiceException, notApplicable: NotApplicable },
  variants: { variants: Variant },
  concepts: { concepts: Concept },
  quiz: { questions: QuizQuestion },
  lessons: { lessons: Lesson },
};

/**
 * After a file fails validation (its problems already recorded), keeps the entries that are valid
 * so the cross-file checks can still run on them and report their own problems.
 */
function salvage(schema: z.ZodType, value: unknown, lists: Record<string, z.ZodType>, skipped: string[]): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, item] of Object.entries(lists)) {
    const list = copy[key];
    if (!Array.isArray(list)) continue;
    copy[key] = list.filter((entry: unknown) => {
      if (item.safeParse(entry).success) return true;
      if (entry && typeof entry === 'object')
        for (const field of ['id', 'service', 'task']) {
          const v = (entry as Record<string, unknown>)[field];
          if (typeof v === 'string') skipped.push(v);
        }
      return false;
    });
  }
  const result = schema.safeParse(copy);
  return result.success ? result.data : undefined;
}

/**
 * Reads and validates every file. Problems are collected, not thrown; the result is undefined only
 * when some file could not be used at all, so that cross-file checks run whenever they can.
 */
export function readKnowledge(sources: Sources = defaultSources(), problems: Problem[] = []): RawKnowledge | undefined {
  const shown = (file: string): string => relative(process.cwd(), file) || file;
  const raw: Partial<Record<keyof typeof DATA_FILES, unknown>> = {};
  const skipped: string[] = [];
  for (const [name, schema] of Object.entries(DATA_FILES) as [keyof typeof DATA_FILES, z.ZodType][]) {
    const file = join(sources.dataDir, `${name}.yaml`);
    const value = readYaml(file, shown(file), problems);
    raw[name] = validate(schema, value, shown(file), problems) ?? salvage(schema, value, LIST_ITEMS[name], skipped);
  }

  const intents: IntentFile[] = [];
  let context: ContextCuesFile | undefined;
  let scope: ScopeFile | undefined;
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
      if (basename(name, '.yaml') === 'scope') {
        scope = validate(ScopeFile, value, shown(file), problems);
        continue;
      }
      const parsed = validate(IntentFile, value, shown(file), problems);
      if (!parsed) continue;
      if (basename(name, '.yaml') !== parsed.intent)
        problems.push({ file: shown(file), path: 'intent', message: `"${parsed.intent}" must match the file name` });
      intents.push(parsed);
    }
    if (!context) problems.push({ file: shown(join(sources.intentsDir, 'context.yaml')), path: '', message: 'missing' });
    if (!scope) problems.push({ file: shown(join(sources.intentsDir, 'scope.yaml')), path: '', message: 'missing' });
  }
  if (!context || !scope || Object.values(raw).some((v) => v === undefined)) return undefined;
  return {
    ...(raw as Pick<RawKnowledge, keyof typeof DATA_FILES>),
    intents,
    context,
    scope,
    dataLabel: shown(sources.dataDir),
    intentsLabel: shown(sources.intentsDir),
    skipped,
  };
}

/** Where the build writes the compiled knowledge of the package's own data/ and intents/. */
export const CACHE_FILE = join(PACKAGE_ROOT, 'dist', 'knowledge.json');

/** Loads, validates, cross-checks and indexes; throws KnowledgeBaseError listing every problem. */
export function loadKnowledgeBase(sources: Sources = defaultSources(), cacheFile: string | null = CACHE_FILE): KnowledgeBase {
  const problems: Problem[] = [];
  const raw = (cacheFile ? readCache(cacheFile, sources) : undefined) ?? readKnowledge(sources, problems);
  if (!raw || problems.length > 0) throw new KnowledgeBaseError(problems);
  const kb = buildKnowledgeBase(raw, problems);
  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  return kb;
}
