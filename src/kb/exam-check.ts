// Cross-entry checks of data/exam.yaml that its schema cannot make: each id once per list, and each
// tool name or alias naming one tool only (an option is read as the tool its words name).
import type { ExamFile } from './exam-schema';
import type { Problem } from './load';

export function checkExam(exam: ExamFile, file: string, problems: Problem[]): void {
  for (const list of ['duties', 'statements', 'tools'] as const) {
    const seen = new Set<string>();
    exam[list].forEach((entry, i) => {
      if (seen.has(entry.id)) problems.push({ file, path: `${list}[${i}].id`, message: `duplicate id "${entry.id}"` });
      seen.add(entry.id);
    });
  }
  const names = new Map<string, string>();
  exam.tools.forEach((tool, i) =>
    [tool.name, ...tool.aliases].forEach((name, j) => {
      const key = name.toLowerCase();
      const other = names.get(key);
      if (other !== undefined && other !== tool.id)
        problems.push({ file, path: j === 0 ? `tools[${i}].name` : `tools[${i}].aliases[${j - 1}]`, message: `"${name}" already names tool "${other}"` });
      names.set(key, tool.id);
    }),
  );
}
