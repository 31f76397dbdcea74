// The command line's help text and its one error type for user mistakes.
export const USAGE = `whosejob: who is responsible for what under the AWS Shared Responsibility Model

Usage:
  whosejob ask "who patches RDS?"     answer one question, as text
  whosejob ask --json "question"      answer one question as a JSON line
  whosejob ask --json                 answer each line of standard input as a JSON line
  whosejob chat                       chat in the terminal
  whosejob kb check [--data DIR] [--intents DIR]
                                      validate data/ and intents/
  whosejob kb matrix [--services a,b] [--format md|csv]
                                      the owner of every task on every service (or those named);
                                      * marks a service exception, n/a a task that does not apply
  whosejob feedback [--limit N] [--json]
                                      the latest feedback votes from Slack and Teams
  whosejob help                       this text
`;

/** A mistake in how the command was called: one line on stderr, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
