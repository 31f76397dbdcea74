// What the bot runs on: the facts of data/ (src/kb) and the phrasing of intents/, each validated by
// its own schemas and cross-checked, plus the check that every name leads to one thing.
import { readCache } from '../kb/cache';
import { buildFacts, needing, type Facts } from '../kb/knowledge-base';
import { checkQuiz } from '../kb/quiz-check';
import {
  CACHE_FILE,
  defaultSources,
  KnowledgeBaseError,
  readDataFiles,
  readIntentsFiles,
  shownPath,
  type KnowledgeFiles,
  type Problem,
  type Sources,
} from '../kb/load';
import { checkNames } from './names';
import { checkPhrasing, readPhrasing, type Phrasing } from './phrasing';

export type KnowledgeBase = Facts & Phrasing;

/** Every file read and validated on its own, before the cross-file checks. */
export interface RawKnowledge extends KnowledgeFiles {
  phrasing: Phrasing;
}

function withPhrasing(files: KnowledgeFiles, problems: Problem[]): RawKnowledge | undefined {
  const phrasing = readPhrasing(files.intentsFiles, files.intentsLabel, problems);
  return phrasing && { ...files, phrasing };
}

/**
 * Reads and validates every file of both folders. Problems are collected, not thrown; the result is
 * undefined only when some file could not be used at all, so that cross-file checks run whenever they can.
 */
export function readKnowledge(sources: Sources = defaultSources(), problems: Problem[] = []): RawKnowledge | undefined {
  const data = readDataFiles(sources.dataDir, problems);
  const intentsFiles = readIntentsFiles(sources.intentsDir, problems);
  const intentsLabel = shownPath(sources.intentsDir);
  // The phrasing is validated even when a data file is unusable, so its problems are listed too.
  const phrasing = intentsFiles && readPhrasing(intentsFiles, intentsLabel, problems);
  return data && intentsFiles && phrasing ? { ...data, intentsFiles, intentsLabel, phrasing } : undefined;
}

/** Cross-checks ids and names between files, then builds the look-up maps. */
export function buildKnowledgeBase(raw: RawKnowledge, problems: Problem[]): KnowledgeBase {
  const facts = buildFacts(raw, problems);
  checkQuiz(facts, `${raw.dataLabel}/quiz.yaml`, problems);
  checkNames(raw, problems);
  checkPhrasing(raw.phrasing, new Set(facts.servicesById.keys()), raw.intentsLabel, needing(raw.skipped, problems), problems);
  return { ...facts, ...raw.phrasing };
}

// The package's own knowledge, once per process: the bot and the replies not handed one share it.
let packaged: KnowledgeBase | undefined;

/**
 * Loads, validates, cross-checks and indexes; throws KnowledgeBaseError listing every problem.
 * Without sources it is the package's own data/ and intents/, read once per process.
 */
export function loadKnowledgeBase(sources?: Sources, cacheFile: string | null = CACHE_FILE): KnowledgeBase {
  const own = sources === undefined && cacheFile === CACHE_FILE;
  if (own && packaged) return packaged;
  const from = sources ?? defaultSources();
  const problems: Problem[] = [];
  const cached = cacheFile ? readCache(cacheFile, from) : undefined;
  const raw = cached ? withPhrasing(cached, problems) : readKnowledge(from, problems);
  if (!raw) throw new KnowledgeBaseError(problems);
  // Cross-checks run on the entries that passed, so the error lists what kb check lists.
  const kb = buildKnowledgeBase(raw, problems);
  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  if (own) packaged = kb;
  return kb;
}

/** The package's own knowledge base, for callers that are not handed one. */
export const packagedKnowledgeBase = (): KnowledgeBase => loadKnowledgeBase();
