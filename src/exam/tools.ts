// "Which AWS service…?" items: the options are names of services and features, the stem says what
// one is for. Each option is read as a tool of data/exam.yaml by its name, and each tool is scored by
// how much of what it is for the stem says (its cues, then the words of its purpose). The best is
// picked only when it stands clear of the rest; a tie or a stem that says too little abstains.
import type { ExamFile, ExamTool } from '../kb/exam-schema';
import { contentWords, hasAll, shared, wordSet } from './words';

export interface ToolReading {
  tool?: ExamTool;
  score: number;
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[.,;:!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();

const names = new WeakMap<ExamFile, Map<string, ExamTool>>();

function nameIndex(exam: ExamFile): Map<string, ExamTool> {
  let m = names.get(exam);
  if (!m) {
    m = new Map();
    for (const t of exam.tools) for (const n of [t.name, ...t.aliases]) m.set(norm(n), t);
    names.set(exam, m);
  }
  return m;
}

/** The tool an option names: its whole text is the tool's name or an alias ("AWS Shield Standard", "IAM"). */
export function toolOf(exam: ExamFile, option: string): ExamTool | undefined {
  const index = nameIndex(exam);
  const s = norm(option);
  return index.get(s) ?? index.get(s.replace(/\s*\([^)]*\)$/, '')) ?? index.get(s.replace(/^(the|an?) /, ''));
}

/** Words every tool's purpose shares with any stem, which tell nothing apart. */
const GENERIC = new Set(contentWords('aws amazon service services customer customers company resources account use using help helps which'));

/** How much of what the tool is for the stem says: 2 per cue it holds whole, 1 per other shared word of its purpose. */
export function toolScore(tool: ExamTool, stem: string): number {
  const words = wordSet(stem);
  for (const g of GENERIC) words.delete(g);
  const cues = tool.cues.map(contentWords).filter((c) => c.length > 0 && !c.every((w) => GENERIC.has(w)));
  const hits = cues.filter((c) => hasAll(words, c));
  const cueWords = new Set(hits.flat());
  const does = wordSet(tool.does);
  for (const w of [...cueWords, ...GENERIC]) does.delete(w);
  return 2 * hits.length + shared(words, does);
}
