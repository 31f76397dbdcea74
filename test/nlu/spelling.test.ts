import fc from 'fast-check';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import { Interpreter } from '../../src/nlu/interpret';
import { allowedDistance, editDistance, SpellingCorrector } from '../../src/nlu/spelling';

/** Optimal string alignment distance, the slow and obvious way, to check the fast one against. */
function referenceDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  test.each([
    ['patches', 'patches', 0],
    ['pathces', 'patches', 1], // neighbours swapped: one edit, not two
    ['lamda', 'lambda', 1], // a letter left out
    ['lambdda', 'lambda', 1], // a letter doubled
    ['lambca', 'lambda', 1], // a letter wrong
    ['gueset', 'guest', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b, 3)).toBe(d);
    expect(editDistance(b, a, 3)).toBe(d);
  });

  test('a transposition counts as one edit', () => {
    expect(editDistance('ab', 'ba', 1)).toBe(1);
    expect(editDistance('encrpytion', 'encryption', 1)).toBe(1);
  });

  test('past the limit it answers "more than max" without finishing', () => {
    expect(editDistance('abc', 'abcdefgh', 2)).toBeGreaterThan(2); // lengths alone rule it out
    expect(editDistance('aaaaaa', 'bbbbbb', 1)).toBeGreaterThan(1);
  });

  test('property: equals the reference distance up to max, and is above max otherwise', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const got = editDistance(a, b, max);
        const want = referenceDistance(a, b);
        if (want <= max) expect(got).toBe(want);
        else expect(got).toBeGreaterThan(max);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('allowedDistance', () => {
  test('short words get no correction, longer words more', () => {
    expect(allowedDistance(3)).toBe(0);
    expect(allowedDistance(4)).toBe(1);
    expect(allowedDistance(7)).toBe(1);
    expect(allowedDistance(8)).toBe(2);
  });
});

describe('SpellingCorrector on a small word list', () => {
  const speller = new SpellingCorrector(['patches', 'lambda', 'guest', 'kubernetes', 'encryption', 'ecs', 'eks', 'patch']);

  test.each([
    ['pathces', 'patches'],
    ['lamda', 'lambda'],
    ['gueset', 'guest'],
    ['kuberentes', 'kubernetes'], // two letters swapped in a long word
    ['kubernetis', 'kubernetes'],
    ['encrpytion', 'encryption'],
  ])('%s → %s', (typo, word) => {
    expect(speller.correct(typo)).toBe(word);
  });

  test('a known word is its own correction', () => {
    expect(speller.correct('lambda')).toBe('lambda');
  });

  test.each(['ecz', 'eck', 'ekz'])('short word "%s" is not corrected', (word) => {
    expect(speller.correct(word)).toBeNull();
  });

  test.each(['banana', 'weather', 'xylophone', 'zzzzzzzz'])('unrelated word "%s" is not corrected', (word) => {
    expect(speller.correct(word)).toBeNull();
  });

  test('a changed first letter on a short word is taken as a different word ("gatch" is not "patch")', () => {
    expect(speller.correct('gatch')).toBeNull();
  });

  test('words with digits are never corrected', () => {
    expect(speller.correct('lamb3a')).toBeNull();
  });

  test('addKnown makes a word known without making it a target', () => {
    const s = new SpellingCorrector(['movies']);
    s.addKnown('moves');
    expect(s.isKnown('moves')).toBe(true);
    expect(s.correct('moves')).toBe('moves');
    expect(new SpellingCorrector(['lambda']).correct('lambdas')).toBe('lambda'); // without addKnown it would be fixed
  });
});

describe("SpellingCorrector with the bot's own vocabulary", () => {
  let speller: SpellingCorrector;
  beforeAll(() => {
    speller = new Interpreter(loadKnowledgeBase()).lexicon.speller;
  });

  test.each([
    ['pathces', 'patches'],
    ['lamda', 'lambda'],
    ['lamdba', 'lambda'],
    ['gueset', 'guest'],
    ['hypervisr', 'hypervisor'],
    ['dynamdb', 'dynamodb'],
    ['fargte', 'fargate'],
    ['cloudtrial', 'cloudtrail'],
    ['sequrity', 'security'],
    ['pasword', 'password'],
  ])('%s → %s', (typo, word) => {
    expect(speller.correct(typo)).toBe(word);
  });

  test.each(['ecz', 'rdz', 'sqz'])('short word "%s" is not corrected', (word) => {
    expect(speller.correct(word)).toBeNull();
  });

  test.each(['banana', 'xylophone', 'weathr', 'giraffe', 'spaghetti'])('unrelated word "%s" is not corrected', (word) => {
    expect(speller.correct(word)).toBeNull();
  });

  test('everyday words are known, not corrected towards AWS terms', () => {
    for (const w of ['game', 'night', 'weather', 'morning']) expect(speller.correct(w)).toBe(w);
  });
});
