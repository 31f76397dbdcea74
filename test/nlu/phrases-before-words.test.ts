// Phrases before words (issue 9, item 5): when two tasks are each named once, the one named by a
// phrase of several words wins over one named by a single word, wherever each stands; a phrase that
// only modifies another task's word, that frames the question before "who", or that is long only
// because of a service's name or a determiner weighs as a single word.
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import { Interpreter } from '../../src/nlu/interpret';

const interpreter = new Interpreter(loadKnowledgeBase());
const taskOf = (q: string): string | undefined => interpreter.interpret(q).task?.id;

describe('a phrase outranks a single word of another task', () => {
  test.each([
    // "crypto" (encryption) comes first, but "incident response" names the task asked about.
    ['a crypto miner showed up on one box, incident response is whose call?', 'incident-response'],
    // "hsm" (hardware) comes first; "highly available" is what is asked.
    ['is our single hsm kept highly available by aws?', 'high-availability'],
    // "at rest" is two words; "key" beside a service name is one.
    ['are the queue messages encrypted at rest when no kms key is attached', 'encryption-at-rest'],
  ])('%s → %s', (q, task) => expect(taskOf(q)).toBe(task));
});

describe('a phrase weighs as one word when', () => {
  test.each([
    // it modifies the word before its preposition: the firmware is what is replaced
    ['who swaps the firmware on AWS host servers', 'hardware'],
    // the same within a few words of the head
    ['who replicates the table data across availability zones', 'data-durability'],
    // it stands before "who", as the frame of the question
    ['after we patched the control plane last week, who updates the kubelet on the nodes', 'worker-nodes'],
    // its length comes from a service's name ("IAM users")
    ['who handles MFA for IAM users', 'root-account-mfa'],
    // its length comes from a determiner ("our app")
    ['who patches the runtime under our app', 'runtime-patching'],
  ])('%s → %s', (q, task) => expect(taskOf(q)).toBe(task));
});

test('a phrase that modifies the rule’s own word keeps its weight: "encrypted at rest" beside "log groups"', () => {
  expect(taskOf('are the log groups encrypted at rest if no kms key is attached')).toBe('encryption-at-rest');
});

test('"who does that?" names nothing itself, so the words before it still count', () => {
  expect(taskOf('do kms keys need OS patches? who does that')).toBe('guest-os-patching');
});
