// Pasted practice-exam items in the ways people paste them, and messages that are not items.
import { parseExamItem } from '../../src/exam/parse';

const stem = "Which of the following are the customer's responsibility? (Select TWO.)";
const texts = ['Physical security', 'Patching the guest OS', 'Hypervisor', 'Security group rules', 'Disposal of disks'];

test.each([
  ['A. on lines', `${stem}\n${texts.map((t, i) => `${'ABCDE'[i]}. ${t}`).join('\n')}`],
  ['A) on lines', `${stem}\n${texts.map((t, i) => `${'ABCDE'[i]}) ${t}`).join('\n')}`],
  ['(A) on lines', `${stem}\n${texts.map((t, i) => `(${'ABCDE'[i]}) ${t}`).join('\n')}`],
  ['a. on lines', `${stem}\n${texts.map((t, i) => `${'abcde'[i]}. ${t}`).join('\n')}`],
  ['1. on lines', `${stem}\n${texts.map((t, i) => `${i + 1}. ${t}`).join('\n')}`],
  ['- A. on lines', `${stem}\n${texts.map((t, i) => `- ${'ABCDE'[i]}. ${t}`).join('\n')}`],
  ['bullets', `${stem}\n${texts.map((t) => `• ${t}`).join('\n')}`],
  ['all on one line', `${stem} ${texts.map((t, i) => `${'ABCDE'[i]}. ${t}`).join(' ')}`],
  ['one line with A)', `${stem} ${texts.map((t, i) => `${'ABCDE'[i]}) ${t}`).join(' ')}`],
])('%s', (_format, text) => {
  const item = parseExamItem(text);
  expect(item).toBeDefined();
  expect(item!.stem).toBe(stem);
  expect(item!.options).toEqual(texts.map((t, i) => ({ letter: 'ABCDE'[i], text: t })));
  expect(item!.pick).toBe(2);
});

test.each([
  ['Choose 2', 2],
  ['(Select THREE.)', 3],
  ['select three', 3],
  ['(Choose two)', 2],
  ['', 1],
])('"%s" asks for %i', (hint, n) => {
  const item = parseExamItem(`Which are AWS responsibilities? ${hint}\nA. a\nB. b\nC. c\nD. d\nE. e`);
  expect(item!.pick).toBe(n);
});

test.each([
  ["Which TWO of the following are NOT the company's responsibilities?", 2],
  ['Which three tasks does AWS perform for Amazon RDS?', 3],
  ['Which 2 statements are true?', 2],
  // A number that counts something else is not how many to pick.
  ['Which two Availability Zones does a Multi-AZ deployment use by default?', 1],
  ['Which is true of a service that runs in two Regions?', 1],
])('the stem "%s" asks for %i', (stem, n) => {
  expect(parseExamItem(`${stem}\nA. a\nB. b\nC. c\nD. d\nE. e`)!.pick).toBe(n);
});

test('an option that wraps onto a second line stays one option', () => {
  const item = parseExamItem('Which is the customer’s responsibility?\nA. Patching the guest\n   operating system\nB. Physical security\nC. Hypervisor');
  expect(item!.options[0]!.text).toBe('Patching the guest operating system');
});

test.each([
  ['a question', 'who patches rds?'],
  ['a comparison', 'compare ec2 and lambda'],
  ['two "options" only', 'we use A. ec2 and B. rds, who patches them?'],
  ['a list, not a question', 'Lessons:\n1. one\n2. two\n3. three'],
  ['20,000 characters of nothing', 'x'.repeat(20_000)],
])('not an item: %s', (_what, text) => {
  expect(parseExamItem(text)).toBeUndefined();
});
