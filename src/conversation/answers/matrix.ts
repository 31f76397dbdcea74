// "Responsibility matrix for EC2, RDS and S3": a row per task, a column per service, from the same
// cells as `whosejob kb matrix`: a table in Slack and Teams, a line per row in text.
import type { KnowledgeBase } from '../../nlu/knowledge-base';
import { buildMatrix, cellLabel, MATRIX_LEGEND } from '../../kb/matrix';
import type { Service } from '../../kb/schema';
import { ask, uniqueSources, type Reply } from '../../reply/reply';
import { OVERVIEW_TASKS } from './service';

/** Chat stays readable with a handful of columns; the command line prints any number. */
const MAX_SERVICES = 5;

export function answerMatrix(kb: KnowledgeBase, named: readonly Service[]): Reply {
  const fallback = [...kb.categories.values()].map((c) => kb.servicesById.get(c.examples[0]!)!);
  const services = (named.length > 0 ? named : fallback).slice(0, MAX_SERVICES);
  const tasks = OVERVIEW_TASKS.map((id) => kb.tasksById.get(id)).filter((t) => t !== undefined);
  const m = buildMatrix(kb, services, tasks);
  const rows = m.tasks
    .map((t, i) => ({ task: t, cells: m.cells[i]! }))
    .filter((row) => row.cells.some((c) => c.owner !== null))
    .map((row) => [row.task.name, ...row.cells.map(cellLabel)]);
  const table = { columns: ['Task', ...m.services.map((s) => s.name)], rows };
  const sections = [{ label: 'Legend', text: MATRIX_LEGEND }];
  const names = services.map((s) => s.name).join(', ');
  const cut = named.length > MAX_SERVICES ? ` (the first ${MAX_SERVICES} of the ${named.length} you named; whosejob kb matrix prints any number)` : '';
  return {
    kind: 'answer',
    intent: 'matrix',
    title: `Responsibility matrix: ${names}`,
    summary: `Who owns each task on ${names}${cut}.${named.length === 0 ? ' Name services to get theirs.' : ''}`,
    table,
    sections,
    choicesLabel: 'Go deeper',
    choices: services.slice(0, 3).map((s) => ask(`What am I responsible for on ${s.name}?`)),
    sources: uniqueSources(services.map((s) => s.source)),
    restated: `Responsibility matrix for ${names}`,
    facts: { service: null, task: null, owner: null },
  };
}
