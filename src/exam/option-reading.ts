// Reads one option (or a clause of one) as work and its owner: the task matcher and the cell of the
// facts first, the duties of data/exam.yaml for work the matcher does not know. An option often names
// no service when the stem already did ("A company runs Lambda functions. Which…?").
import { lookupFact } from '../kb/lookup';
import type { Service } from '../kb/schema';
import type { Interpreter } from '../nlu/interpret';
import type { KnowledgeBase } from '../nlu/knowledge-base';
import type { Owner } from '../reply/reply';
import { dutyOf } from './duties';

export interface Reading {
  owner?: Owner;
  taskId?: string;
  /** A control the customer inherits whole from AWS (physical and environmental, the hypervisor…). */
  inherited?: boolean;
  /** The owner in the usual set-up, when the owner depends on a set-up the option does not name. */
  usualOwner?: Owner;
  /** The task has no object on the service (no guest OS on S3): nothing there for the customer to do. */
  notApplicable?: boolean;
  reason: string;
  sources: string[];
}

export type ReadOption = (text: string) => Reading;

export const NAMES: Record<Owner, string> = { aws: 'AWS', customer: 'the customer', shared: 'AWS and the customer together' };

/** Tasks whose controls a customer inherits whole from AWS (the model's "inherited controls"). */
const INHERITED = new Set(['physical-security', 'hardware', 'media-disposal', 'global-infrastructure', 'hypervisor', 'host-os-patching']);

/**
 * The one service a stem is about, when it names exactly one. A service named only as what the other
 * replaces ("DynamoDB instead of a database on EC2") is not the one the item is about.
 */
export function stemService(interpreter: Interpreter, stem: string): Service | undefined {
  const services = interpreter.interpret(stem).services;
  if (services.length === 1) return services[0];
  const about = stem.replace(/\b(?:instead of|rather than|compared (?:with|to)|versus|vs\.?)\s.*$/i, '');
  if (services.length !== 2 || about === stem) return undefined;
  const left = interpreter.interpret(about).services;
  return left.length === 1 ? left[0] : undefined;
}

/**
 * Does the task have this owner on every kind of service? "Which responsibility stays with the
 * customer no matter which service it uses?" asks for one that does (its data), not one that moves
 * with the service (the guest OS). Checked on each category's first example service.
 */
export function ownerEverywhere(kb: KnowledgeBase, taskId: string, owner: Owner): boolean {
  for (const category of kb.categories.values()) {
    const cell = lookupFact(kb, taskId, category.examples[0]);
    if (!cell.applies || cell.owner !== owner) return false;
  }
  return true;
}

/**
 * The stem's one service is the setting of every option that names none of its own: "Which task does
 * AWS perform for Lambda functions? … Maintaining the operating system" is about Lambda's OS, not the
 * general rule's. (Read alone first instead, such options were judged by the default of the task.)
 */
export function optionReader(kb: KnowledgeBase, interpreter: Interpreter, setting?: Service): ReadOption {
  return (text) => {
    const cell = readCell(kb, interpreter, text, setting);
    const duty = dutyOf(kb.exam, text);
    if (!duty) return cell;
    const fromDuty: Reading = { owner: duty.owner, inherited: duty.duty.inherited, reason: duty.duty.why, sources: [duty.duty.source] };
    if (!cell.owner) return fromDuty;
    if (cell.owner === duty.owner) return { ...cell, inherited: cell.inherited || duty.duty.inherited };
    // A shared task has a part on each side; an option that names whose part ("training AWS staff") is that side's.
    if (cell.owner === 'shared') return fromDuty;
    // Data centers, hardware and the hypervisor hold no work of the customer's: an option that names them
    // ("controlling who can physically enter the data center") is about AWS's layer, whatever task its verb suggests.
    if (duty.duty.inherited && duty.owner === 'aws') return fromDuty;
    return { reason: `${cell.reason} It also names work that is ${NAMES[duty.owner]}'s, so the option is unclear.`, sources: cell.sources };
  };
}

function readCell(kb: KnowledgeBase, interpreter: Interpreter, text: string, setting?: Service): Reading {
  const interp = interpreter.interpret(text);
  const task = interp.task;
  if (!task || interp.outOfScope || interp.confidence < 0.6) return { reason: 'Outside what I know: no security task of the model that I can place.', sources: [] };
  const service = interp.services[0] ?? setting;
  const cell = lookupFact(kb, task.id, service?.id);
  if (!cell.applies) return { reason: `${task.name} does not apply to ${cell.service.name}.`, sources: [cell.source], taskId: task.id, notApplicable: true };
  const on = service ? ` on ${service.name}` : '';
  const owner = cell.variants.length > 0 && !interp.variants.length ? undefined : cell.owner;
  if (!owner)
    return { reason: `${task.name}${on} depends on how it is set up, so the option alone does not settle who owns it.`, sources: [cell.source], taskId: task.id, usualOwner: cell.owner };
  return {
    owner,
    taskId: task.id,
    inherited: owner === 'aws' && INHERITED.has(task.id),
    reason: `${task.name}${on}: ${NAMES[owner]}${owner === 'shared' ? '' : ' is responsible'}.`,
    sources: [cell.source],
  };
}
