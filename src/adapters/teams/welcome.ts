// The card a team or chat sees when whosejob is added to it, with the first questions to try
// (intents/help.yaml `showcase`) and a quiz.
import { packagedKnowledgeBase, type KnowledgeBase } from '../../nlu/knowledge-base';
import { ask, NO_FACTS, type Reply } from '../../reply/reply';

/** A welcome stays short: three questions and the quiz. */
const TRY = 3;

export function welcomeReply(addedBy: string | undefined, kb: Pick<KnowledgeBase, 'showcase'> = packagedKnowledgeBase()): Reply {
  const who = addedBy ? `${addedBy} added me here.` : 'Thanks for adding me.';
  return {
    kind: 'welcome',
    intent: 'help',
    title: 'Hi, I am whosejob',
    summary: `${who} I answer who is responsible for what under the AWS Shared Responsibility Model — AWS, you, or both — with the AWS documentation behind every answer. Mention me with a question.`,
    sections: [],
    choicesLabel: 'Try asking',
    choices: [...kb.showcase.slice(0, TRY).map((q) => ask(q)), ask('Quiz me', 'quiz me')],
    sources: [],
    facts: NO_FACTS,
  };
}
