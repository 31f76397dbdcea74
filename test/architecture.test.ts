// The house rules, checked on every import in src/: facts know nothing of phrasing, the core knows
// nothing of platforms, adapters know nothing of each other, and each chat SDK stays in its adapter
// (the Bot Framework SDK is in maintenance; moving to its successor must touch src/adapters/teams/ alone).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

interface Import {
  from: string; // src-relative file
  to: string; // src-relative path of a local import, or the package name
  local: boolean;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    const local = spec.startsWith('.');
    out.push({ from: relative(SRC, file), to: local ? relative(SRC, resolve(dirname(file), spec)) : spec, local });
  }
  return out;
}

export const ALL = sources(SRC).flatMap(importsOf);

/** Imports from files under `from` that reach into `to` (folders relative to src). */
export function crossing(imports: Import[], from: string, to: string): string[] {
  return imports.filter((i) => i.local && i.from.startsWith(`${from}/`) && (i.to === to || i.to.startsWith(`${to}/`))).map((i) => `${i.from} → ${i.to}`);
}

const RULES: Array<[string, string, string]> = [
  ['kb', 'nlu', 'facts must know nothing of phrasing'],
  ['kb', 'conversation', 'facts know nothing of answers'],
  ['kb', 'adapters', 'facts know nothing of platforms'],
  ['nlu', 'conversation', 'the matcher knows nothing of answers'],
  ['nlu', 'adapters', 'the matcher knows nothing of platforms'],
  ['conversation', 'adapters', 'the core knows nothing of platforms'],
  ['quiz', 'adapters', 'the core knows nothing of platforms'],
  ['onboarding', 'adapters', 'the core knows nothing of platforms'],
  ['store', 'conversation', 'the store keeps text, not the core’s types'],
  ['store', 'adapters', 'the store knows nothing of platforms'],
  ['adapters/slack', 'adapters/teams', 'adapters never import each other'],
  ['adapters/teams', 'adapters/slack', 'adapters never import each other'],
  ['adapters/console', 'adapters/slack', 'adapters never import each other'],
  ['adapters/console', 'adapters/teams', 'adapters never import each other'],
  ['adapters/slack', 'adapters/console', 'adapters never import each other'],
  ['adapters/teams', 'adapters/console', 'adapters never import each other'],
];

test.each(RULES)('%s never imports %s (%s)', (from, to) => {
  expect(crossing(ALL, from, to)).toEqual([]);
});

test('src/reply imports nothing else of whosejob: it is the vocabulary everyone shares', () => {
  const out = ALL.filter((i) => i.local && i.from.startsWith('reply/') && !i.to.startsWith('reply/'));
  expect(out.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
});

test.each([
  ['botbuilder or another Bot Framework package', /^(botbuilder|botframework-)/, 'adapters/teams/'],
  ['a Slack SDK package', /^@slack\//, 'adapters/slack/'],
])('no file outside its adapter imports %s', (_what, pkg, home) => {
  const outside = ALL.filter((i) => !i.local && pkg.test(i.to) && !i.from.startsWith(home));
  expect(outside.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  // …and the adapter does use it, so the check above is looking at the right thing.
  expect(ALL.some((i) => !i.local && pkg.test(i.to) && i.from.startsWith(home))).toBe(true);
});

test('the rules catch a violation (checked on a made-up import, so the checker itself cannot go blind)', () => {
  const fake: Import[] = [
    { from: 'kb/knowledge-base.ts', to: 'nlu/normalize', local: true },
    { from: 'conversation/bot.ts', to: 'adapters/slack/blocks', local: true },
  ];
  expect(crossing(fake, 'kb', 'nlu')).toEqual(['kb/knowledge-base.ts → nlu/normalize']);
  expect(crossing(fake, 'conversation', 'adapters')).toEqual(['conversation/bot.ts → adapters/slack/blocks']);
  expect(crossing(fake, 'kb', 'conversation')).toEqual([]);
});
