// Reads data/ and intents/: every data file validated with its schema, every intents file parsed.
// What the intents files mean is the matcher's business (src/nlu/): facts know nothing of phrasing.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, basename, relative, dirname } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  CategoriesFile,
  CategoryInfo,
  Concept,
  ConceptsFile,
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
import { ExamDuty, ExamFile, ExamStatement, ExamTool } from './exam-schema';

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
      // The path names the line and column; the message's own copy of them would say it twice.
      const message = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '') || 'YAML syntax error';
      problems.push({ file: shownAs, path: at ? `line ${at.line}, column ${at.col}` : '', message });
    }
    return undefined;
  }
  return doc.toJS();
}

export function validate<T extends z.ZodType>(schema: T, value: unknown, shownAs: string, problems: Problem[]): z.infer<T> | undefined {
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push({ file: shownAs, path: formatPath(issue.path), message: issue.message });
  return undefined;
}

/** One file of intents/, parsed but not yet validated; `value` is undefined when it could not be read. */
export interface IntentsFile {
  name: string; // the file name without .yaml: "help", "context"
  file: string; // as problems name it
  value: unknown;
}

export interface DataFiles {
  services: z.infer<typeof ServicesFile>;
  categories: z.infer<typeof CategoriesFile>;
  tasks: z.infer<typeof TasksFile>;
  responsibilities: z.infer<typeof ResponsibilitiesFile>;
  variants: z.infer<typeof VariantsFile>;
  concepts: z.infer<typeof ConceptsFile>;
  quiz: z.infer<typeof QuizFile>;
  lessons: z.infer<typeof LessonsFile>;
  exam: z.infer<typeof ExamFile>;
  /** How the data folder is named in messages ("data", "../tmp/whosejob-kb-x/data"). */
  dataLabel: string;
  /** Ids of list items that failed validation: cross-checks must not call them unknown as well. */
  skipped: string[];
}

/** Both folders as the build compiles them: the data validated, intents/*.yaml parsed, in name order. */
export interface KnowledgeFiles extends DataFiles {
  intentsFiles: IntentsFile[];
  intentsLabel: string;
}

/** A file as problems name it: relative to the working directory. */
export const shownPath = (file: string): string => relative(process.cwd(), file) || file;

const DATA_FILES = {
  services: ServicesFile,
  categories: CategoriesFile,
  tasks: TasksFile,
  responsibilities: ResponsibilitiesFile,
  variants: VariantsFile,
  concepts: ConceptsFile,
  quiz: QuizFile,
  lessons: LessonsFile,
  exam: ExamFile,
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
  exam: { duties: ExamDuty, statements: ExamStatement, tools: ExamTool },
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
 * Reads and validates every data file. Problems are collected, not thrown; the result is undefined
 * only when some file could not be used at all, so that cross-file checks run whenever they can.
 */
export function readDataFiles(dataDir: string, problems: Problem[]): DataFiles | undefined {
  const raw: Partial<Record<keyof typeof DATA_FILES, unknown>> = {};
  const skipped: string[] = [];
  for (const [name, schema] of Object.entries(DATA_FILES) as [keyof typeof DATA_FILES, z.ZodType][]) {
    const file = join(dataDir, `${name}.yaml`);
    const value = readYaml(file, shownPath(file), problems);
    raw[name] = validate(schema, value, shownPath(file), problems) ?? salvage(schema, value, LIST_ITEMS[name], skipped);
  }
  if (Object.values(raw).some((v) => v === undefined)) return undefined;
  return { ...(raw as Pick<DataFiles, keyof typeof DATA_FILES>), dataLabel: shownPath(dataDir), skipped };
}

/** Parses every intents/*.yaml; what each means is for the matcher to validate (src/nlu/phrasing.ts). */
export function readIntentsFiles(intentsDir: string, problems: Problem[]): IntentsFile[] | undefined {
  if (!existsSync(intentsDir)) {
    problems.push({ file: shownPath(intentsDir), path: '', message: 'folder not found' });
    return undefined;
  }
  return readdirSync(intentsDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const file = shownPath(join(intentsDir, name));
      return { name: basename(name, '.yaml'), file, value: readYaml(join(intentsDir, name), file, problems) };
    });
}

/** Both folders, for the compiled copy; undefined when some file could not be used at all. */
export function readKnowledgeFiles(sources: Sources = defaultSources(), problems: Problem[] = []): KnowledgeFiles | undefined {
  const data = readDataFiles(sources.dataDir, problems);
  const intentsFiles = readIntentsFiles(sources.intentsDir, problems);
  return data && intentsFiles ? { ...data, intentsFiles, intentsLabel: shownPath(sources.intentsDir) } : undefined;
}

/** Where the build writes the compiled knowledge of the package's own data/ and intents/. */
export const CACHE_FILE = join(PACKAGE_ROOT, 'dist', 'knowledge.json');
