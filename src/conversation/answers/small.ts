// Help, greetings and out-of-scope messages: short, friendly and always pointing at what works.
import type { Reply } from '../../reply/reply';
import { ask, NO_FACTS } from '../../reply/reply';

const EXAMPLES = ['Who patches RDS?', 'Do we encrypt S3 or does AWS?', 'What does security in the cloud mean?', 'Compare EC2 and Lambda'];

const examples = (): Reply['choices'] => EXAMPLES.map((q) => ask(q));

export function helpReply(): Reply {
  return {
    kind: 'help',
    intent: 'help',
    title: 'What I can do',
    summary:
      'I answer questions about the AWS Shared Responsibility Model: who is responsible for a security task (AWS, you, or both), on which service, and why.',
    sections: [
      { label: 'Ask who does what', text: '"who patches RDS?", "do we encrypt EBS volumes or does AWS?", "who manages the EKS control plane?"' },
      { label: 'Ask about a service', text: '"what am I responsible for on Lambda?", "compare EC2 and Fargate"' },
      { label: 'Learn the model', text: '"what is an inherited control?", "onboard me" for a short tour, "quiz me" to practise' },
    ],
    choicesLabel: 'Try one',
    choices: [...examples(), ask('Quiz me', 'quiz me'), ask('Onboard me', 'onboard me')],
    sources: [],
    facts: NO_FACTS,
  };
}

const THANKS = /\b(thanks?|thank you|thx|ty|cheers|appreciated|helped)\b/i;
const BYE = /\b(bye|goodbye|see you|later)\b/i;

export function smalltalkReply(text: string): Reply {
  const summary = THANKS.test(text)
    ? "You're welcome! Ask me anything else about who is responsible for what on AWS."
    : BYE.test(text)
      ? 'Bye for now — I am here whenever a "whose job is it?" question comes up.'
      : "Hi! I'm whosejob. I tell you who is responsible for a security task on AWS — AWS, you, or both — and why.";
  return {
    kind: 'smalltalk',
    intent: 'smalltalk',
    title: 'whosejob',
    summary,
    sections: [],
    choicesLabel: 'Try asking',
    choices: examples(),
    sources: [],
    facts: NO_FACTS,
  };
}

export function unknownReply(): Reply {
  return {
    kind: 'unknown',
    intent: 'unknown',
    title: "That's outside what I know",
    summary:
      "I can't help with that one. I answer questions about the AWS Shared Responsibility Model: who handles a security task on an AWS service, what a term of the model means, and how services compare.",
    sections: [],
    choicesLabel: 'Questions I can answer',
    choices: [...examples(), ask('Help', 'help')],
    sources: [],
    facts: NO_FACTS,
  };
}
