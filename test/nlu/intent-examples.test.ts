// Every example in intents/*.yaml, with its slots filled by real names, is read as its own intent.
// Different `pick` values put different services, tasks and concepts into the slots.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fillSlots } from '../../src/cli/kb-check';
import type { KnowledgeBase } from '../../src/nlu/knowledge-base';
import { defaultSources } from '../../src/kb/load';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import type { IntentName } from '../../src/nlu/intent-schema';
import { Interpreter } from '../../src/nlu/interpret';

// The table is read straight from the YAML, so each example gets its own named test.
const intentsDir = defaultSources().intentsDir;
const examples: Array<{ intent: IntentName; example: string }> = readdirSync(intentsDir)
  .filter((f) => f.endsWith('.yaml') && f !== 'context.yaml' && f !== 'scope.yaml')
  .sort()
  .flatMap((f) => {
    const file = parse(readFileSync(join(intentsDir, f), 'utf8')) as { intent: IntentName; examples: string[] };
    return file.examples.map((example) => ({ intent: file.intent, example }));
  });

let kb: KnowledgeBase;
let interpreter: Interpreter;
beforeAll(() => {
  kb = loadKnowledgeBase();
  interpreter = new Interpreter(kb);
});

test('the examples were found', () => {
  expect(examples.length).toBeGreaterThanOrEqual(50);
  expect(new Set(examples.map((e) => e.intent)).size).toBe(10);
  expect(examples.length).toBe(kb.intents.reduce((n, f) => n + f.examples.length, 0));
});

// pick 2 is left out on purpose: it fills {service} with "Amazon EC2 Auto Scaling", which the
// matcher reads as two services (see the failing test at the end of this file).
describe.each([0, 1, 3])('slots filled with pick %i', (pick) => {
  test.each(examples)('$intent: $example', ({ intent, example }) => {
    const text = fillSlots(example, kb, pick);
    expect({ text, intent: interpreter.interpret(text).intent }).toEqual({ text, intent });
  });
});

describe('the same examples shouted, with a question mark', () => {
  test.each(examples)('$intent: $example', ({ intent, example }) => {
    const text = `${fillSlots(example, kb, 1).toUpperCase()}?`;
    expect({ text, intent: interpreter.interpret(text).intent }).toEqual({ text, intent });
  });
});

// Regression guard (src/nlu/entities.ts, repairWords): "auto" + "scaling" are glued into the one-word alias
// "autoscaling" before names are looked up, so the service's own official name "Amazon EC2 Auto
// Scaling" no longer matches and reads as "Amazon EC2" plus "autoscaling": two services, a compare.
test('service examples naming "Amazon EC2 Auto Scaling" are read as one service', () => {
  const misread = examples
    .filter((e) => e.intent === 'service' && e.example.includes('{service}'))
    .map((e) => e.example.replace('{service}', 'Amazon EC2 Auto Scaling'))
    .map((text) => ({ text, got: interpreter.interpret(text) }))
    .filter(({ got }) => got.intent !== 'service' || got.services.map((s) => s.id).join() !== 'autoscaling')
    .map(({ text, got }) => `${text} → ${got.intent} [${got.services.map((s) => s.id).join(', ')}]`);
  expect(misread).toEqual([]);
});
