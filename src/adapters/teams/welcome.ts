// The card a team or chat sees when whosejob is added to it.
import { ask, NO_FACTS, type Reply } from '../../reply/reply';

export function welcomeReply(addedBy: string | undefined): Reply {
  const who = addedBy ? `${addedBy} added me here.` : 'Thanks for adding me.';
  return {
    kind: 'welcome',
    intent: 'help',
    title: 'Hi, I am whosejob',
    summary: `${who} I answer who is responsible for what under the AWS Shared Responsibility Model — AWS, you, or both — with the AWS documentation behind every answer. Mention me with a question.`,
    sections: [],
    choicesLabel: 'Try asking',
    choices: [ask('Who patches RDS?'), ask('Do we encrypt S3 or does AWS?'), ask('What does security in the cloud mean?'), ask('Quiz me', 'quiz me')],
    sources: [],
    facts: NO_FACTS,
  };
}
