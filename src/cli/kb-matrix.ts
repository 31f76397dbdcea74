// whosejob kb matrix: the responsibility matrix as Markdown (for reviews) or CSV (for spreadsheets).
import { loadKnowledgeBase, type KnowledgeBase } from '../nlu/knowledge-base';
import { buildMatrix, cellLabel, MATRIX_LEGEND, servicesNamed } from '../kb/matrix';
import { noPositionals, parseCommandArgs } from './args';
import type { Io } from './io';
import { UsageError, usageOf } from './usage';

const csvField = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const mdField = (s: string): string => s.replace(/\|/g, '\\|');

export function formatMatrix(kb: KnowledgeBase, serviceList: string | undefined, format: string): string {
  if (format !== 'md' && format !== 'csv') throw new UsageError(`--format is md or csv (got "${format}")`);
  let services = kb.services;
  if (serviceList !== undefined) {
    const named = servicesNamed(kb, serviceList.split(','));
    if (named.unknown.length > 0) throw new UsageError(`unknown service${named.unknown.length > 1 ? 's' : ''}: ${named.unknown.join(', ')}`);
    if (named.services.length === 0) throw new UsageError('--services needs at least one service id, e.g. --services ec2,rds,s3');
    services = named.services;
  }
  const m = buildMatrix(kb, services);
  if (format === 'csv') {
    const head = ['task', ...m.services.map((s) => s.id)].map(csvField).join(',');
    const rows = m.tasks.map((t, i) => [t.id, ...m.cells[i]!.map((c) => (c.owner === null ? 'n/a' : `${c.owner}${c.exception ? '*' : ''}`))].map(csvField).join(','));
    return `${[head, ...rows].join('\n')}\n`;
  }
  const head = `| Task | ${m.services.map((s) => mdField(s.name)).join(' | ')} |`;
  const rule = `|---|${m.services.map(() => '---').join('|')}|`;
  const rows = m.tasks.map((t, i) => `| ${mdField(t.name)} | ${m.cells[i]!.map(cellLabel).join(' | ')} |`);
  return `${[head, rule, ...rows].join('\n')}\n\n${MATRIX_LEGEND}\n`;
}

/** `whosejob kb matrix [--services a,b] [--format md|csv]`. */
export async function kbMatrixCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals, help } = parseCommandArgs('kb matrix', args, { services: { type: 'string' }, format: { type: 'string' } });
  if (help) {
    io.stdout.write(usageOf('kb matrix'));
    return 0;
  }
  noPositionals('kb matrix', positionals);
  io.stdout.write(formatMatrix(loadKnowledgeBase(), values.services, values.format ?? 'md'));
  return 0;
}
