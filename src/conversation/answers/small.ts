// Help, greetings and out-of-scope messages: short, friendly and always pointing at what works.
// The questions offered to try are data (intents/help.yaml `showcase`); a caller that holds the
// knowledge base passes it, the others get the package's own.
import { packagedKnowledgeBase, type KnowledgeBase } from '../../nlu/knowledge-base';
import type { Reply } from '../../reply/reply';
import { ask, NO_FACTS } from '../../reply/reply';

type Showcase = Pick<KnowledgeBase, 'showcase'>;

/** The first questions of the showcase fit under a reply beside its own buttons. */
const TRY = 4;

const examples = (kb: Showcase): Reply['choices'] => kb.showcase.slice(0, TRY).map((q) => ask(q));

export function helpReply(kb: Showcase = packagedKnowledgeBase()): Reply {
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
    choices: [...examples(kb), ask('Quiz me', 'quiz me'), ask('Onboard me', 'onboard me')],
    sources: [],
    facts: NO_FACTS,
  };
}

const THANKS = /\b(thanks?|thank you|thx|ty|cheers|appreciated|helped)\b/i;
const BYE = /\b(bye|goodbye|see you|later)\b/i;

export function smalltalkReply(text: string, kb: Showcase = packagedKnowledgeBase()): Reply {
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
    choices: examples(kb),
    sources: [],
    facts: NO_FACTS,
  };
}

export function unknownReply(kb: Showcase = packagedKnowledgeBase()): Reply {
  return {
    kind: 'unknown',
    intent: 'unknown',
    title: "That's outside what I know",
    summary:
      "I can't help with that one. I answer questions about the AWS Shared Responsibility Model: who handles a security task on an AWS service, what a term of the model means, and how services compare.",
    sections: [],
    choicesLabel: 'Questions I can answer',
    choices: [...examples(kb), ask('Help', 'help')],
    sources: [],
    facts: NO_FACTS,
  };
}
