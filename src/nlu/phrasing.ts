// The phrasing of intents/: each file validated with its schema, then checked against the facts it
// names (services in scope.yaml and context.yaml, slots in examples).
import type { Need } from '../kb/knowledge-base';
import { validate, type IntentsFile, type Problem } from '../kb/load';
import { ContextCuesFile, IntentFile, ScopeFile } from './intent-schema';

export interface Phrasing {
  intents: IntentFile[];
  context: ContextCuesFile;
  scope: ScopeFile;
  /** The questions offered to try, in help, greetings, the Slack Home tab and the Teams welcome (help.yaml). */
  showcase: string[];
}

/**
 * Validates every intents file; undefined when context.yaml or scope.yaml is unusable. A help.yaml
 * without questions to try is reported and read as none, so the cross-checks still run.
 */
export function readPhrasing(files: readonly IntentsFile[], intentsLabel: string, problems: Problem[]): Phrasing | undefined {
  const intents: IntentFile[] = [];
  let context: ContextCuesFile | undefined;
  let scope: ScopeFile | undefined;
  let showcase: string[] | undefined;
  for (const { name, file, value } of files) {
    if (name === 'context') {
      context = validate(ContextCuesFile, value, file, problems);
      continue;
    }
    if (name === 'scope') {
      scope = validate(ScopeFile, value, file, problems);
      continue;
    }
    const parsed = validate(IntentFile, value, file, problems);
    if (!parsed) continue;
    if (name !== parsed.intent) problems.push({ file, path: 'intent', message: `"${parsed.intent}" must match the file name` });
    if (parsed.showcase && parsed.intent !== 'help') problems.push({ file, path: 'showcase', message: 'only help.yaml lists the questions to try' });
    if (parsed.intent === 'help') {
      showcase = parsed.showcase;
      if (!showcase) problems.push({ file, path: 'showcase', message: 'missing: the questions offered to try' });
    }
    intents.push(parsed);
  }
  if (!context) problems.push({ file: `${intentsLabel}/context.yaml`, path: '', message: 'missing' });
  if (!scope) problems.push({ file: `${intentsLabel}/scope.yaml`, path: '', message: 'missing' });
  // A help.yaml that failed validation has already said why; one that is not there says so here.
  if (!files.some((f) => f.name === 'help')) problems.push({ file: `${intentsLabel}/help.yaml`, path: '', message: 'missing' });
  return context && scope ? { intents, context, scope, showcase: showcase ?? [] } : undefined;
}

const SLOT = /\{([a-z]+)\}/g;
const SLOTS = new Set(['service', 'task', 'concept', 'category']);

/** Checks the phrasing against the facts: services it names exist; examples use known slots and belong to one intent. */
export function checkPhrasing(phrasing: Phrasing, services: ReadonlySet<string>, intentsLabel: string, need: Need, problems: Problem[]): void {
  phrasing.scope.hybridServices.forEach((id, i) =>
    need(services.has(id), `${intentsLabel}/scope.yaml`, `hybridServices[${i}]`, `unknown service "${id}"`),
  );
  phrasing.context.supportingServices.forEach((id, i) =>
    need(services.has(id), `${intentsLabel}/context.yaml`, `supportingServices[${i}]`, `unknown service "${id}"`),
  );
  const seen = new Map<string, string>();
  for (const file of phrasing.intents) {
    file.examples.forEach((ex, i) => {
      for (const m of ex.matchAll(SLOT))
        if (!SLOTS.has(m[1]!))
          problems.push({ file: `${intentsLabel}/${file.intent}.yaml`, path: `examples[${i}]`, message: `unknown slot {${m[1]}}` });
      const key = ex.toLowerCase().trim();
      const prior = seen.get(key);
      if (prior && prior !== file.intent)
        problems.push({ file: `${intentsLabel}/${file.intent}.yaml`, path: `examples[${i}]`, message: `"${ex}" is also an example of ${prior}` });
      seen.set(key, file.intent);
    });
  }
}
