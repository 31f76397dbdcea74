// Build step: validate the package's data/ and write the compiled copy of data/ and intents/ next to
// the code. The intents are validated with the matcher's schemas when the knowledge base is loaded.
import { writeCache } from './cache';
import { buildFacts } from './knowledge-base';
import { CACHE_FILE, defaultSources, formatProblem, readKnowledgeFiles, type Problem } from './load';

const problems: Problem[] = [];
const sources = defaultSources();
const files = readKnowledgeFiles(sources, problems);
if (files) buildFacts(files, problems);
if (!files || problems.length > 0) {
  process.stderr.write(`whosejob: the knowledge base has problems:\n${problems.map(formatProblem).join('\n')}\n`);
  process.exitCode = 1;
} else {
  writeCache(CACHE_FILE, sources, files);
}
