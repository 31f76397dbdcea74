// Build step: validate the package's data/ and intents/ together, as the bot loads them (facts, the
// phrasing, and the checks across both), then write the compiled copy next to the code.
import { writeCache } from '../kb/cache';
import { CACHE_FILE, defaultSources, formatProblem, readKnowledgeFiles, type Problem } from '../kb/load';
import { buildKnowledgeBase, readKnowledge } from './knowledge-base';

const problems: Problem[] = [];
const sources = defaultSources();
const raw = readKnowledge(sources, problems);
if (raw) buildKnowledgeBase(raw, problems);
const files = problems.length === 0 ? readKnowledgeFiles(sources, problems) : undefined;
if (!files || problems.length > 0) {
  process.stderr.write(`whosejob: the knowledge base has problems:\n${problems.map(formatProblem).join('\n')}\n`);
  process.exitCode = 1;
} else {
  writeCache(CACHE_FILE, sources, files);
}
