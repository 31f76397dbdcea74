// The responsibility matrix: the owner of every task on every service named, read from the same
// cells the answers use, with each cell marked as coming from a service exception or not applying.
import type { Facts } from './knowledge-base';
import { lookupFact } from './lookup';
import type { Owner, Service, Task } from './schema';

export interface MatrixCell {
  owner: Owner | null; // null: the task does not apply
  exception: boolean; // the service's own documentation sets it apart from its category
  source: string;
}

export interface Matrix {
  services: Service[];
  tasks: Task[];
  cells: MatrixCell[][]; // [task][service]
}

export function buildMatrix(kb: Facts, services: readonly Service[], tasks: readonly Task[] = kb.tasks): Matrix {
  const cells = tasks.map((t) =>
    services.map((s): MatrixCell => {
      const cell = lookupFact(kb, t.id, s.id);
      return cell.applies
        ? { owner: cell.owner, exception: cell.scope === 'service', source: cell.source }
        : { owner: null, exception: false, source: cell.source };
    }),
  );
  return { services: [...services], tasks: [...tasks], cells };
}

const LABEL: Record<Owner, string> = { aws: 'AWS', customer: 'You', shared: 'Shared' };

/** A cell as a short label: "AWS", "You*" (an exception), "n/a" (does not apply). */
export const cellLabel = (c: MatrixCell): string => (c.owner === null ? 'n/a' : `${LABEL[c.owner]}${c.exception ? '*' : ''}`);

export const MATRIX_LEGEND = '* the service\'s own documentation differs from its category default · n/a: the task does not apply to the service';

/** Resolves "ec2,rds,s3" to services; unknown names are returned apart so the caller can say so. */
export function servicesNamed(kb: Facts, names: readonly string[]): { services: Service[]; unknown: string[] } {
  const services: Service[] = [];
  const unknown: string[] = [];
  for (const raw of names) {
    const name = raw.trim().toLowerCase();
    if (!name) continue;
    const s = kb.servicesById.get(name) ?? kb.services.find((x) => x.name.toLowerCase() === name || x.aliases.some((a) => a.toLowerCase() === name));
    if (s) {
      if (!services.includes(s)) services.push(s);
    } else unknown.push(raw.trim());
  }
  return { services, unknown };
}
