// Build step: validate the package's data/ and intents/ and write the compiled copy next to the code.
import { writeCache } from './cache';
import { buildKnowledgeBase } from './knowledge-base';
import { CACHE_FILE, defaultSources, formatProblem, readKnowledge, type Problem } from './load';

const problems: Problem[] = [];
const sources = defaultSources();
const raw = readKnowledge(sources, problems);
if (raw) buildKnowledgeBase(raw, problems);
if (!raw || problems.length > 0) {
  process.stderr.write(`whosejob: the knowledge base has problems:\n${problems.map(formatProblem).join('\n')}\n`);
  process.exitCode = 1;
} else {
  writeCache(CACHE_FILE, sources, raw);
}
