// The responsibility matrix, in the CLI and in chat, and the rule that nothing is made from a cell
// where the task does not apply.
import { Bot } from '../../src/conversation/bot';
import { quizPool } from '../../src/quiz/questions';
import type { KnowledgeBase } from '../../src/nlu/knowledge-base';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import { lookupFact } from '../../src/kb/lookup';
import { buildMatrix } from '../../src/kb/matrix';
import { runCli } from '../support/run-cli';
import { tableSections } from '../../src/reply/reply';
import { plainText } from '../../src/reply/plain-text';
import { renderBlocks } from '../../src/adapters/slack/blocks';
import { renderCard } from '../../src/adapters/teams/cards';
import { validateMessage } from '../stand-ins/slack-web-api';
import { validateAdaptiveCard } from '../stand-ins/teams-connector';

let kb: KnowledgeBase;
let bot: Bot;
beforeAll(() => {
  kb = loadKnowledgeBase();
  bot = new Bot(kb);
});

const cli = (argv: string[]) => runCli(argv);

describe('buildMatrix', () => {
  test('EBS has no guest OS: the cell does not apply; EC2 guest OS is yours', () => {
    const m = buildMatrix(kb, [kb.servicesById.get('ec2')!, kb.servicesById.get('ebs')!], [kb.tasksById.get('guest-os-patching')!]);
    expect(m.cells[0]!.map((c) => c.owner)).toEqual(['customer', null]);
  });

  test('every cell that differs from its category default comes from a sourced exception', () => {
    const m = buildMatrix(kb, kb.services);
    m.cells.flat().forEach((c) => {
      if (c.exception) expect(c.source).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//);
    });
    expect(m.cells.flat().filter((c) => c.exception).length).toBe(kb.exceptions.size);
  });
});

describe('nothing is made from a cell that does not apply', () => {
  test('no generated quiz question asks about one', () => {
    const ids = new Set(quizPool(kb).map((q) => q.id));
    for (const t of kb.tasks)
      for (const s of kb.services)
        if (!lookupFact(kb, t.id, s.id).applies) expect(ids.has(`fact-${s.id}-${t.id}`)).toBe(false);
  });

  test('related questions never point at one', () => {
    for (const q of ['who patches ebs volumes?', 'who manages security groups on s3?', 'who encrypts dynamodb tables?', 'who patches the guest os on ec2?']) {
      const reply = bot.answerOnce(q).reply;
      for (const choice of reply.choices) {
        expect(choice.action.kind).toBe('ask');
        const question = choice.action.kind === 'ask' ? choice.action.question : '';
        const follow = bot.answerOnce(question).reply;
        expect({ choice: question, applies: follow.facts.applies }).toEqual({ choice: question, applies: undefined });
      }
    }
  });

  test('a question about one says so, names no owner, and points to where the task lives', () => {
    const turn = bot.answerOnce('who patches the guest os of our ebs volumes?');
    expect(turn.reply.facts).toMatchObject({ owner: null, applies: false, service: { id: 'ebs' } });
    expect(turn.reply.summary).toMatch(/does not apply to Amazon EBS\. .*EC2 instances/);
  });
});

describe('whosejob kb matrix', () => {
  test('markdown for the services named, exceptions starred, n/a marked', async () => {
    const r = await cli(['kb', 'matrix', '--services', 'ec2,ebs,s3']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('| Task | Amazon EC2 | Amazon EBS | Amazon S3 |');
    expect(r.stdout).toMatch(/\| Guest OS patching \| You \| n\/a \| n\/a \|/);
    expect(r.stdout).toMatch(/\| Encryption at rest \| [^|]+ \| [^|]+ \| Shared\* \|/);
  });

  test('csv for every service by default', async () => {
    const r = await cli(['kb', 'matrix', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]!.split(',').length).toBe(kb.services.length + 1);
    expect(lines.length).toBe(kb.tasks.length + 1);
  });

  test('an unknown service or format is a usage error, exit 2, one line', async () => {
    for (const argv of [['kb', 'matrix', '--services', 'ec2,zzzz'], ['kb', 'matrix', '--format', 'xlsx']]) {
      const r = await cli(argv);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  test('kb alone prints the usage', async () => {
    const r = await cli(['kb']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('whosejob kb matrix');
  });
});

describe('the matrix in chat', () => {
  test('"responsibility matrix for ec2, rds and s3" → a table, one row per task, the same cells', () => {
    const turn = bot.answerOnce('responsibility matrix for ec2, rds and s3');
    expect(turn.reply.intent).toBe('matrix');
    expect(turn.reply.table?.columns).toEqual(['Task', 'Amazon EC2', 'Amazon RDS', 'Amazon S3']);
    expect(turn.reply.table?.rows.find((r) => r[0] === 'Guest OS patching')).toEqual(['Guest OS patching', 'You', 'AWS', 'n/a']);
    // Text (the console, the JSON answer) shows a row to a line.
    const guest = tableSections(turn.reply).find((s) => s.label === 'Guest OS patching');
    expect(guest?.text).toBe('Amazon EC2: You · Amazon RDS: AWS · Amazon S3: n/a');
    expect(plainText(turn.reply)).toContain('Guest OS patching: Amazon EC2: You · Amazon RDS: AWS · Amazon S3: n/a');
  });

  test('Slack draws a table block and Teams a Table element, header first, each passing its platform checks', () => {
    const reply = bot.answerOnce('responsibility matrix for ec2, rds and s3').reply;
    const message = renderBlocks(reply, { question: 'q' });
    expect(validateMessage({ blocks: message.blocks })).toBeUndefined();
    const tables = message.blocks.filter((b) => b.type === 'table') as Array<{ rows: Array<Array<{ type: string; text: string }>> }>;
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows[0]!.map((c) => c.text)).toEqual(['Task', 'Amazon EC2', 'Amazon RDS', 'Amazon S3']);
    expect(tables[0]!.rows.map((r) => r.map((c) => c.text))).toContainEqual(['Guest OS patching', 'You', 'AWS', 'n/a']);
    const card = renderCard(reply, { question: 'q' });
    expect(validateAdaptiveCard(card)).toEqual([]);
    const table = card.body.find((e) => e.type === 'Table') as { rows: Array<{ cells: Array<{ items: Array<{ text: string }> }> }> };
    expect(table.rows[0]!.cells.map((c) => c.items[0]!.text)).toEqual(['Task', 'Amazon EC2', 'Amazon RDS', 'Amazon S3']);
    expect(table.rows.map((r) => r.cells.map((c) => c.items[0]!.text))).toContainEqual(['Guest OS patching', 'You', 'AWS', 'n/a']);
  });
});
