// The Bot Framework SDK is in maintenance; moving to its successor must touch src/adapters/teams/ alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', '..', 'src');
const TEAMS = join(SRC, 'adapters', 'teams');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

test('no file outside src/adapters/teams imports botbuilder or another Bot Framework package', () => {
  const sdk = /from ['"](botbuilder[^'"]*|botframework-[^'"]+)['"]|require\(['"](botbuilder|botframework-)/;
  const outside = sources(SRC).filter((f) => !f.startsWith(TEAMS + '/') && sdk.test(readFileSync(f, 'utf8')));
  expect(outside.map((f) => relative(SRC, f))).toEqual([]);
  // …and the folder does use it, so the check above is looking at the right thing.
  expect(sources(TEAMS).some((f) => sdk.test(readFileSync(f, 'utf8')))).toBe(true);
});
