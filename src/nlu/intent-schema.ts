// The shape of every file in intents/: how people ask, as plain data (like Rasa's nlu.yml). The
// phrasing lives with the matcher; the facts' schemas are in src/kb/schema.ts.
import { z } from 'zod';
import { Id, Text } from '../kb/schema';
import { INTENTS } from '../reply/reply';

export const IntentName = z.enum(INTENTS);
export type IntentName = z.infer<typeof IntentName>;

export const IntentFile = z.strictObject({
  intent: IntentName,
  description: Text,
  // Phrases that point at this intent wherever they appear ("quiz me", "vs", "whose job").
  cues: z.array(Text).default([]),
  // Whole messages as people write them; {service}, {task}, {concept} and {category} stand for any of those.
  examples: z.array(Text).min(1),
  // help.yaml only: the questions offered to try (help, greetings, the Slack Home tab, the Teams welcome).
  showcase: z.array(Text).min(1, 'needs at least one question to try').max(10, 'at most ten questions: each is a button').optional(),
});
export type IntentFile = z.infer<typeof IntentFile>;

// intents/context.yaml: phrases that make a message lean on the one before it.
export const ContextCuesFile = z.strictObject({
  followUp: z.array(Text).min(1), // "and for", "what about"
  why: z.array(Text).min(1), // "why", "how come"
  // What the asker assumes, so the answer can open with "Yes." or "No.": "does AWS…", "is it on us…".
  presumesAws: z.array(Text).default([]),
  presumesCustomer: z.array(Text).default([]),
  decides: z.array(Text).default([]),
  performs: z.array(Text).default([]),
  // Choosing among set-ups (which key, which node type): the customer's even where AWS owns the task.
  chooses: z.array(Text).default([]),
  supportingServices: z.array(Id).default([]),
  examples: z.array(z.strictObject({ after: Text, message: Text, means: Text })).default([]),
});
export type ContextCuesFile = z.infer<typeof ContextCuesFile>;

// intents/scope.yaml: what whosejob does not answer, even in the words of an AWS question.
export const ScopeFile = z.strictObject({
  otherClouds: z.array(z.strictObject({ name: Text, cues: z.array(Text).min(1), model: z.string().url().startsWith('https://') })).min(1),
  genericNames: z.array(Text).default([]),
  awsWords: z.array(Text).min(1),
  onPremises: z.array(Text).min(1),
  hybridServices: z.array(Id).default([]),
  officeIt: z.array(Text).min(1),
  howTo: z.array(Text).min(1),
  limits: z.array(Text).min(1),
  pricing: z.array(Text).min(1),
  keep: z.array(Text).min(1),
});
export type ScopeFile = z.infer<typeof ScopeFile>;
