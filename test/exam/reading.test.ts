// The mechanisms an exam item is read with, each on its own: words and stems, whose duty an option
// names, a canonical statement (with its party and its "not"), claims of two clauses, tools by purpose,
// and the question a stem asks.
import fc from 'fast-check';
import { readAsk, questionOf } from '../../src/exam/ask';
import { claimedOwner, judgeClaim } from '../../src/exam/claims';
import { dutyOf } from '../../src/exam/duties';
import { optionReader, ownerEverywhere, stemService } from '../../src/exam/option-reading';
import { parseExamItem } from '../../src/exam/parse';
import { answerItem, type ExamAnswer } from '../../src/exam/reason';
import { matchStatement } from '../../src/exam/statements';
import { answerToolItem } from '../../src/exam/tool-item';
import { toolOf } from '../../src/exam/tools';
import { clausesOf, contentWords, negated } from '../../src/exam/words';
import { Interpreter } from '../../src/nlu/interpret';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/nlu/knowledge-base';

let kb: KnowledgeBase;
let interpreter: Interpreter;
beforeAll(() => {
  kb = loadKnowledgeBase();
  interpreter = new Interpreter(kb);
});

describe('words', () => {
  test('the forms of a word meet at one stem, small words are dropped', () => {
    expect(contentWords('patches')).toEqual(contentWords('patching'));
    expect(contentWords('the customer manages its data')).toEqual(['customer', ...contentWords('manages'), 'its', 'data']);
  });
  test.each([
    ['The root user cannot be protected with MFA', true],
    ["AWS doesn't patch guest operating systems", true],
    ['It no longer has to replace failed hardware', false],
    ['The customer keeps control of its content', false],
  ])('%s → negated %s', (text, neg) => expect(negated(text)).toBe(neg));
  test('a claim of two parties splits before the second party', () => {
    expect(clausesOf('AWS provides the feature, and the customer configures the rules')).toEqual(['AWS provides the feature', 'the customer configures the rules']);
    expect(clausesOf('AWS patches the infrastructure; the customer patches its guest OS')).toHaveLength(2);
    expect(clausesOf('Customers inherit controls from AWS')).toHaveLength(1);
  });
});

describe('duties', () => {
  test.each([
    ['Screening AWS employees before they get data center access', 'aws'],
    ['Staffing security guards at AWS facilities', 'aws'],
    ['Registering an MFA device for the root user', 'customer'],
    ["Providing security awareness training to the customer's own employees", 'customer'],
    ['Awareness and training', 'shared'],
    ['Security of the cloud', 'aws'],
    ['Security in the cloud', 'customer'],
  ])('%s → %s', (text, owner) => expect(dutyOf(kb.exam, text)?.owner).toBe(owner));
  test('work named by no cue, or equally by both parties, is left unsettled', () => {
    expect(dutyOf(kb.exam, 'Choosing a colour for the dashboard')).toBeUndefined();
  });
  test('an option naming the data centers is about AWS’s layer, whatever task its verb suggests', () => {
    expect(optionReader(kb, interpreter)('Controlling who can physically enter the data center').owner).toBe('aws');
  });
  test("a shared task's part named by its party is that party's ('training AWS staff' is AWS's)", () => {
    expect(optionReader(kb, interpreter)('Providing security training to AWS employees').owner).toBe('aws');
  });
});

describe('statements', () => {
  test('a misconception is read as false, its opposite (with a "not") as true', () => {
    expect(matchStatement(kb.exam, 'Customers no longer need to protect their own data', claimedOwner)?.holds).toBe(false);
    expect(matchStatement(kb.exam, 'The root user cannot be protected with MFA', claimedOwner)?.holds).toBe(false);
    expect(matchStatement(kb.exam, 'Customers can trade capital expense for variable expense', claimedOwner)?.holds).toBe(true);
  });
  test('the same words about the other party are not the statement', () => {
    const aws = matchStatement(kb.exam, 'AWS is responsible for protecting the data that customers store', claimedOwner);
    expect(aws?.holds).toBe(false);
    expect(matchStatement(kb.exam, 'The customer is responsible for protecting the data that customers store', claimedOwner)?.holds).not.toBe(false);
  });
  test('sharing only the frame ("the customer no longer needs to") is not enough', () => {
    expect(matchStatement(kb.exam, 'The customer no longer needs to protect its AWS credentials', claimedOwner)?.statement.id).not.toBe('aws-guarantees-availability');
  });
});

describe('claims', () => {
  const judge = (text: string, ask: 'statement' | 'benefit' = 'statement'): number => judgeClaim(kb, optionReader(kb, interpreter), ask, text).score;
  test('AWS providing a feature while the customer configures it holds; AWS configuring the customer’s rules does not', () => {
    expect(judge('AWS provides the security group feature, and the customer configures the rules')).toBe(2);
    expect(judge('AWS configures the inbound rules of each security group')).toBe(-1);
  });
  test('each clause of a two-party claim must hold', () => {
    expect(judge('AWS patches and fixes flaws in the infrastructure; the customer patches its guest operating systems and applications')).toBe(2);
    expect(judge("AWS patches the customer's applications; the customer patches the host operating system")).toBe(-1);
  });
  test('what customers inherit is AWS’s to run', () => {
    expect(judge('Customers inherit the physical and environmental controls of AWS')).toBe(2);
    expect(judge('Customers inherit the IAM policies of AWS')).toBe(-1);
  });
  test('"AWS" as a modifier is not AWS as the party that acts', () => {
    expect(judge('Full physical access to AWS data centers', 'benefit')).toBe(0);
  });
  test('a party relieved of work claims the other does it', () => {
    expect(judge('It no longer has to replace failed server hardware', 'benefit')).toBe(2);
    expect(judge('It no longer has to manage user access', 'benefit')).toBe(-1);
  });
});

describe('tools', () => {
  test('an option is a tool by its name or an alias', () => {
    expect(toolOf(kb.exam, 'AWS Artifact')?.id).toBe('artifact');
    expect(toolOf(kb.exam, 'AWS Identity and Access Management (IAM)')?.id).toBe('iam');
    expect(toolOf(kb.exam, 'Network ACLs.')?.id).toBe('network-acls');
  });
  const item = (stem: string, options: string[]) => parseExamItem(`${stem}\n${options.map((o, i) => `${'ABCDE'[i]}. ${o}`).join('\n')}`)!;
  test('the tool whose purpose the stem states is picked', () => {
    const a = answerToolItem(kb.exam, item('An auditor wants the SOC 2 report on AWS controls. Where does the company download it?', ['Amazon Inspector', 'AWS Artifact', 'AWS Budgets', 'Amazon Macie']), 'unknown');
    expect(a?.choices).toEqual(['B']);
    expect(a?.options[1]!.sources[0]).toMatch(/artifact/);
  });
  test('a stem that tells the tools apart by nothing abstains', () => {
    expect(answerToolItem(kb.exam, item('Which AWS service is the best one?', ['Amazon Inspector', 'AWS Artifact', 'AWS Budgets', 'Amazon Macie']), 'unknown')?.choices).toEqual([]);
  });
  test('options that are not tools are left to the other readings', () => {
    expect(answerToolItem(kb.exam, item('Which is the customer’s job?', ['Patching the guest OS', 'Physical security', 'Hypervisor', 'AWS Artifact']), 'customer')).toBeUndefined();
  });
});

describe('the ask', () => {
  test('the last asking sentence decides, without the pick instruction', () => {
    expect(questionOf('Configuration management is a shared control. Which part of it is the customer’s responsibility? (Select TWO.)')).toBe('Which part of it is the customer’s responsibility?');
    expect(readAsk('Configuration management is a shared control. Which part of it is the customer’s responsibility?')).toBe('customer');
    expect(readAsk('Awareness and training is a shared control. How is the responsibility divided?')).toBe('statement');
    expect(readAsk('Which controls are met entirely by AWS and documented in its audit reports?')).toBe('inherited');
    expect(readAsk('Which is a misconception about the AWS shared responsibility model?')).toBe('statement');
    expect(readAsk('Which is an example of a customer-specific control?')).toBe('customer');
  });
});

describe('whole items', () => {
  const answer = (text: string): ExamAnswer => answerItem(kb, interpreter, parseExamItem(text)!);
  test('all options true: the one the stem describes is picked', () => {
    const a = answer(
      'Which advantage of the cloud lets a company deploy its application in several Regions around the world quickly?\nA. Go global in minutes\nB. Trade capital expense for variable expense\nC. Stop guessing capacity\nD. Benefit from massive economies of scale',
    );
    expect(a.choices).toEqual(['A']);
  });
  test('a NOT statement item picks the misconception', () => {
    const a = answer(
      "Which statement about the AWS shared responsibility model is NOT true?\nA. AWS is responsible for the physical security of its data centers\nB. The customer is responsible for configuring its security groups\nC. AWS is responsible for the customer's data classification\nD. The customer manages IAM users in its account",
    );
    expect(a.choices).toEqual(['C']);
  });
  test('a claim about a service the stem names is judged on that service', () => {
    const a = answer(
      'Which benefit of AWS Lambda relates to the shared responsibility model?\nA. The customer has no servers or operating systems to patch\nB. AWS manages the customer’s IAM permissions\nC. AWS writes secure code for the customer\nD. AWS classifies the data that functions process',
    );
    expect(a.choices).toEqual(['A']);
    expect(a.options[0]!.fit).toBeGreaterThan(0);
  });
});

describe('elimination', () => {
  const answer = (text: string): ExamAnswer => answerItem(kb, interpreter, parseExamItem(text)!);
  test('every other option clearly ruled out: the one left is picked, less surely', () => {
    const a = answer(
      "Which of the following is the customer's responsibility?\nA. Screening AWS employees before they get data center access\nB. Staffing security guards at AWS facilities\nC. Maintaining the hypervisor\nD. Writing the onboarding handbook for its new hires",
    );
    expect(a.choices).toEqual(['D']);
    expect(a.confidence).toBeLessThan(0.6);
  });
  test('an option left whose task does not apply to the service never takes the pick', () => {
    const a = answer(
      "A company stores data in Amazon DynamoDB. Which is the company's responsibility?\nA. Patching the DynamoDB servers\nB. Maintaining the DynamoDB hardware\nC. Securing the data center\nD. Maintaining the hypervisor",
    );
    expect(a.choices).toEqual([]);
  });
});

describe('the service an item is about', () => {
  test('a service named only as what the other replaces is not the setting', () => {
    expect(stemService(interpreter, 'Which are benefits of using Amazon DynamoDB instead of running a database on Amazon EC2?')?.id).toBe('dynamodb');
    expect(stemService(interpreter, 'Compare Amazon EC2 and Amazon RDS.')).toBeUndefined();
  });
  test('"no matter which service": a task whose owner moves with the service fits only partly', () => {
    expect(ownerEverywhere(kb, 'guest-os-patching', 'customer')).toBe(false);
    const a = answerItem(
      kb,
      interpreter,
      parseExamItem(
        'Which responsibility stays with the customer regardless of the AWS service it uses?\nA. Patching the guest operating system\nB. Classifying its data and deciding how to protect it\nC. Maintaining the hypervisor\nD. Securing the data centers',
      )!,
    );
    expect(a.choices).toEqual(['B']);
  });
});

describe('on any text', () => {
  // Options are pasted text: every reading must return, quickly, with a verdict per option and picks
  // only as many as asked.
  test('answerItem never throws and picks 0 or `pick` options', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.array(fc.string({ minLength: 1, maxLength: 120 }), { minLength: 3, maxLength: 5 }), (stem, texts) => {
        const item = { stem: `Which is true? ${stem}`, options: texts.map((text, i) => ({ letter: 'ABCDE'[i]!, text })), pick: 1 };
        const a = answerItem(kb, interpreter, item);
        expect(a.options).toHaveLength(texts.length);
        expect([0, 1]).toContain(a.choices.length);
      }),
      { numRuns: 150 },
    );
  });
});
