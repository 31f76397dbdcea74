// The command line's help text, built from one list of commands, and its one error type for user mistakes.

interface CommandHelp {
  /** The command as typed after `whosejob`: "ask", "kb check". */
  command: string;
  synopsis: string;
  about: string;
}

const COMMANDS: readonly CommandHelp[] = [
  { command: 'ask', synopsis: 'whosejob ask "who patches RDS?"', about: 'answer one question, as text' },
  { command: 'ask', synopsis: 'whosejob ask --json "question"', about: 'answer one question as a JSON line' },
  { command: 'ask', synopsis: 'whosejob ask --json', about: 'answer each line of standard input as a JSON line' },
  { command: 'chat', synopsis: 'whosejob chat', about: 'chat in the terminal' },
  { command: 'kb check', synopsis: 'whosejob kb check [--data DIR] [--intents DIR]', about: 'validate data/ and intents/' },
  {
    command: 'kb matrix',
    synopsis: 'whosejob kb matrix [--services a,b] [--format md|csv]',
    about: 'the owner of every task on every service (or those named);\n* marks a service exception, n/a a task that does not apply',
  },
  { command: 'feedback', synopsis: 'whosejob feedback [--limit N] [--json]', about: 'the latest feedback votes from Slack and Teams' },
  {
    command: 'quiz post',
    synopsis: 'whosejob quiz post --platform slack|teams --channel ID',
    about: "post today's daily question to that channel now,\nunless today's is already posted there",
  },
  { command: 'help', synopsis: 'whosejob help', about: 'this text' },
];

const COLUMN = 38;

function helpLines(commands: readonly CommandHelp[]): string {
  return commands
    .map(({ synopsis, about }) => {
      const [first, ...more] = about.split('\n');
      const head = `  ${synopsis}`;
      const lines = head.length < COLUMN ? [`${head.padEnd(COLUMN)}${first}`] : [head, `${' '.repeat(COLUMN)}${first}`];
      return [...lines, ...more.map((l) => `${' '.repeat(COLUMN)}${l}`)].join('\n');
    })
    .join('\n');
}

export const USAGE = `whosejob: who is responsible for what under the AWS Shared Responsibility Model

Usage:
${helpLines(COMMANDS)}
`;

/** The usage of one command, or of a group ("kb"): what `whosejob kb` and `whosejob ask --help` print. */
export function usageOf(command: string): string {
  const commands = COMMANDS.filter((c) => c.command === command || c.command.startsWith(`${command} `));
  return `Usage:\n${helpLines(commands)}\n`;
}

/** One line naming how a command is called, for the end of an error message. */
export const SYNOPSIS = {
  ask: 'whosejob ask [--json] "question"',
  chat: 'whosejob chat',
  kb: 'whosejob kb check|matrix [options]',
  'kb check': 'whosejob kb check [--data DIR] [--intents DIR]',
  'kb matrix': 'whosejob kb matrix [--services a,b] [--format md|csv]',
  feedback: 'whosejob feedback [--limit N] [--json]',
  quiz: 'whosejob quiz post --platform slack|teams --channel ID',
  'quiz post': 'whosejob quiz post --platform slack|teams --channel ID',
  whosejob: 'whosejob ask|chat|kb|feedback|quiz|help|version',
} as const;

export type CommandName = keyof typeof SYNOPSIS;

/** A mistake in how the command was called: one line on stderr, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
