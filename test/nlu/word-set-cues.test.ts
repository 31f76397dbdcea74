// Set-ups named by word sets: every part present, in any order, within a few words.
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import { Interpreter } from '../../src/nlu/interpret';
import { isWordSet, matchWordSets, parseWordSet, WORD_SET_WINDOW } from '../../src/nlu/word-set-cues';
import { stem, tokenize } from '../../src/nlu/normalize';

const stems = (text: string): string[] => tokenize(text).map(stem);
const cue = parseWordSet('managed-password', 'rds manage + master password', () => undefined);

describe('matchWordSets', () => {
  test('only a cue with + is a word set', () => {
    expect(isWordSet('rds manage + master password')).toBe(true);
    expect(isWordSet('managed master password')).toBe(false);
  });
  test.each([
    ['we let RDS manage the master password', true],
    ['the master password that RDS manages for us', true], // other order, other form of the verb
    ['who manages the RDS master password', false], // "RDS manage" is not said: the asker manages
    ['RDS manages backups; the master password is ours', true],
    ['the master password', false],
  ])('%s → %s', (text, found) => {
    expect(matchWordSets([cue], stems(text))).toEqual(found ? ['managed-password'] : []);
  });
  test('parts further apart than the window do not match', () => {
    const far = `rds manage ${'x '.repeat(WORD_SET_WINDOW)} master password`;
    expect(matchWordSets([cue], stems(far))).toEqual([]);
  });
});

describe('in the interpreter', () => {
  const interpreter = new Interpreter(loadKnowledgeBase());
  test('a master password RDS manages is read as that set-up', () => {
    expect(interpreter.interpret('we let RDS manage the master password for us. who rotates it now?').variants).toContain('managed-password');
  });
  test('"who manages the RDS master password" names no set-up', () => {
    expect(interpreter.interpret('who manages the RDS master password').variants).not.toContain('managed-password');
  });
});
