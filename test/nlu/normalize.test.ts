import fc from 'fast-check';
import type { KnowledgeBase } from '../../src/nlu/knowledge-base';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import { INTENTS } from '../../src/reply/reply';
import { Interpreter } from '../../src/nlu/interpret';
import { MAX_INPUT_CHARS, MAX_TOKENS, stem, stripMarkup, tokenize } from '../../src/nlu/normalize';

const WORD = /^[a-z0-9]{1,40}$/;

describe('markup is stripped, the words stay', () => {
  test.each([
    ['Slack user mention', '<@U123ABC> who patches rds?'],
    ['Slack user mention with a name', '<@U123ABC|alice> who patches rds?'],
    ['Slack @channel', '<!channel> who patches rds?'],
    ['Slack @here', '<!here> who patches rds?'],
    ['Slack user group', '<!subteam^S012AB|@security> who patches rds?'],
    ['Teams mention', '<at>whosejob</at> who patches rds?'],
    ['Teams HTML', '<p>who <b>patches</b> rds?</p>'],
    ['emoji shortcodes', ':thinking_face: who patches rds? :+1:'],
    ['non-breaking spaces', 'who&nbsp;patches&nbsp;rds?'],
    ['a bare Slack link', 'who patches rds? <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/>'],
    ['a plain URL', 'who patches rds? https://example.com/some/page?x=1'],
  ])('%s → who patches rds', (_label, text) => {
    expect(tokenize(text)).toEqual(['who', 'patches', 'rds']);
  });

  test('a Slack channel reference keeps the channel name', () => {
    expect(tokenize('ask in <#C1|general> please')).toEqual(['ask', 'in', 'general', 'please']);
  });

  test('a labelled Slack link keeps its label and drops the address', () => {
    expect(tokenize('see <https://x.example/page|the docs>')).toEqual(['see', 'the', 'docs']);
  });

  test('&amp; decodes to & and splits words', () => {
    expect(stripMarkup('S3 &amp; EBS')).toBe('S3 & EBS');
    expect(tokenize('S3 &amp; EBS')).toEqual(['s3', 'ebs']);
  });

  test('&lt; &gt; &quot; &#39; decode', () => {
    expect(stripMarkup('&lt;x&gt; &quot;y&quot; it&#39;s')).toBe('<x> "y" it\'s');
  });

  test('an unknown entity is left as it is', () => {
    expect(stripMarkup('fish &chips; here')).toBe('fish &chips; here');
  });

  test('markup is cut to MAX_INPUT_CHARS before any work', () => {
    expect(stripMarkup('x'.repeat(MAX_INPUT_CHARS * 3)).length).toBe(MAX_INPUT_CHARS);
  });
});

describe('tokenize', () => {
  test('lowercases and drops punctuation', () => {
    expect(tokenize('Who PATCHES RDS?!')).toEqual(['who', 'patches', 'rds']);
  });

  test.each([
    ["who's on the hook", ['who', 'is', 'on', 'the', 'hook']],
    ["it's ours", ['it', 'is', 'ours']],
    ["we're new", ['we', 'are', 'new']],
    ["I'm new", ['i', 'am', 'new']],
    ["we've got rds", ['we', 'have', 'got', 'rds']],
    ["you'll patch", ['you', 'will', 'patch']],
    ["we'd rather not", ['we', 'would', 'rather', 'not']],
    ["don't patch", ['do', 'not', 'patch']],
    ["can't patch", ['can', 'not', 'patch']],
    ["won't patch", ['will', 'not', 'patch']],
    ["let's start", ['let', 'us', 'start']],
    ["isn't it", ['is', 'not', 'it']],
    ["aws's job", ['aws', 'job']],
    ['who’s responsible', ['who', 'is', 'responsible']], // typographic apostrophe from a phone
  ])('contraction: %s', (text, words) => {
    expect(tokenize(text)).toEqual(words);
  });

  test('accents are folded: "sécurité" → "securite"', () => {
    expect(tokenize('sécurité du réseau')).toEqual(['securite', 'du', 'reseau']);
  });

  test('a run of more than 40 letters is not a word', () => {
    expect(tokenize(`who patches ${'a'.repeat(41)} rds`)).toEqual(['who', 'patches', 'rds']);
    expect(tokenize(`who patches ${'a'.repeat(40)}`)).toHaveLength(3);
  });

  test('the empty string and pure punctuation give no words', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('?!... ---')).toEqual([]);
  });

  test('a huge message is cut to MAX_TOKENS words, plain or with markup', () => {
    expect(tokenize('patch '.repeat(100_000))).toHaveLength(MAX_TOKENS);
    expect(tokenize('Patch, '.repeat(100_000)).length).toBeLessThanOrEqual(MAX_TOKENS);
    expect(tokenize('<@U1> '.repeat(100_000))).toEqual([]);
  });

  test('a 1 MB message is tokenized quickly', () => {
    const started = Date.now();
    tokenize('who patches rds? '.repeat(60_000));
    tokenize('a '.repeat(500_000));
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('stem', () => {
  test.each([
    ['patches', 'patching', 'patched', 'patch'],
    ['encrypts', 'encrypting', 'encrypted', 'encryption'],
    ['buckets', 'bucket'],
    ['policies', 'policy'],
    ['snapshots', 'snapshot'],
  ].map((words) => [words.join(', '), words] as const))('%s share a stem', (_names, words) => {
    expect(new Set(words.map(stem)).size).toBe(1);
  });

  test('"certificate" and "certification" differ', () => {
    expect(stem('certificate')).not.toBe(stem('certification'));
    expect(stem('certificates')).toBe(stem('certificate'));
  });

  test.each(['access', 'status', 'analysis'])('"%s" is not a plural', (word) => {
    expect(stem(word)).toBe(word);
  });

  test.each(['aws', 'rds', 'sqs', 'ecs', 'eks', 's3'])('short word "%s" is left alone', (word) => {
    expect(stem(word)).toBe(word);
  });

  test('words starting with a digit are left alone', () => {
    expect(stem('2fa')).toBe('2fa');
    expect(stem('365days')).toBe('365days');
  });
});

describe('properties: any string', () => {
  let kb: KnowledgeBase;
  let interpreter: Interpreter;
  let vocabulary: string[];

  beforeAll(() => {
    kb = loadKnowledgeBase();
    interpreter = new Interpreter(kb);
    // Words the matcher knows, so that random messages reach its entity and context paths too.
    vocabulary = [
      ...kb.services.flatMap((s) => [s.name, ...s.aliases]),
      ...Object.values(kb.terms).flat(),
      ...kb.concepts.map((c) => c.name),
      ...kb.intents.flatMap((f) => f.cues),
      ...kb.context.followUp,
      ...kb.context.why,
      'who', 'and', 'vs', '?', "'s", "n't", '<@U1>', '<at>', '</at>', '&amp;', ':x:', '<#C1|g>', '<https://a|b>', '{service}',
    ];
  });

  // fast-check 4: `unit: 'grapheme'` draws from all of Unicode (emoji, combining marks, RTL…),
  // `unit: 'binary'` from any code point.
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 300 }),
  );
  const markupSoup = fc
    .array(fc.constantFrom('<', '>', '|', '@', '!', '#', ':', '&', ';', "'", '’', ' ', 'at', '/at', 'amp', 'nbsp', 'https://', 'who', 'RDS', 'é', '\u0301', '\n', '\t'), { maxLength: 200 })
    .map((parts) => parts.join(''));
  const wordSoup = (): fc.Arbitrary<string> =>
    fc.array(fc.constantFrom(...vocabulary), { minLength: 0, maxLength: 40 }).map((w) => w.join(' '));

  test('tokenize never throws and returns at most MAX_TOKENS lowercase words', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, markupSoup), (text) => {
        const words = tokenize(text);
        expect(words.length).toBeLessThanOrEqual(MAX_TOKENS);
        for (const w of words) expect(w).toMatch(WORD);
      }),
      { numRuns: 500 },
    );
  });

  test('stripMarkup never throws and never makes a text longer (nor longer than MAX_INPUT_CHARS)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, markupSoup), (text) => {
        expect(stripMarkup(text).length).toBeLessThanOrEqual(Math.min(text.length, MAX_INPUT_CHARS));
      }),
      { numRuns: 300 },
    );
  });

  test('stem never throws and never lengthens a word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (w) => {
        expect(stem(w).length).toBeLessThanOrEqual(w.length);
      }),
    );
  });

  test('interpret never throws and returns a well-formed, bounded interpretation', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, markupSoup, wordSoup()), (text) => {
        const i = interpreter.interpret(text);
        expect(INTENTS).toContain(i.intent);
        expect(i.confidence).toBeGreaterThanOrEqual(0);
        expect(i.confidence).toBeLessThanOrEqual(1);
        expect(i.services.length).toBeLessThanOrEqual(MAX_TOKENS);
        expect(i.concepts.length).toBeLessThanOrEqual(MAX_TOKENS);
        expect(i.categories.length).toBeLessThanOrEqual(3);
        expect(typeof i.followUp).toBe('boolean');
        expect(typeof i.why).toBe('boolean');
      }),
      { numRuns: 400 },
    );
  });

  test('interpret stays fast on long messages of known words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { minLength: 200, maxLength: 400 }), (words) => {
        const started = Date.now();
        interpreter.interpret(words.join(' '));
        expect(Date.now() - started).toBeLessThan(250);
      }),
      { numRuns: 30 },
    );
  });
});
