// The shape of data/exam.yaml: what practice-exam items test beyond the task-by-service facts of the
// other files. Duties are work described without a party (whose it is); statements are whole claims
// about the model or the cloud, true or false (the misconceptions exams use as distractors); tools
// are AWS services and features by what they are for, since "which service…?" items name no task.
import { z } from 'zod';
import { Id, Owner, Source, Text } from './schema';

export const ExamDuty = z.strictObject({
  id: Id,
  owner: Owner,
  // A control the customer inherits whole from AWS (the model's physical and environmental controls).
  inherited: z.boolean().default(false),
  // Phrases that name the work; an option names it when it says one, word after word (stemmed, small words aside).
  cues: z.array(Text).min(1, 'needs at least one cue'),
  // Why it is that party's, in a sentence shown as the option's reason.
  why: Text,
  source: Source,
});
export type ExamDuty = z.infer<typeof ExamDuty>;

export const ExamStatement = z.strictObject({
  id: Id,
  holds: z.boolean(), // true: the model says so; false: a misconception
  kind: z.enum(['model', 'benefit', 'compliance']).default('model'),
  // Ways of saying it; an option is read as the statement when it says one of them nearly word for word.
  says: z.array(Text).min(1, 'needs at least one wording'),
  why: Text,
  source: Source,
});
export type ExamStatement = z.infer<typeof ExamStatement>;

export const ExamTool = z.strictObject({
  id: Id,
  name: Text,
  aliases: z.array(Text).default([]),
  area: z.enum(['security', 'compliance', 'cost', 'operations', 'compute', 'networking', 'storage', 'other']),
  // What it is for, in our words; its words and the cues are matched against the stem.
  does: Text,
  cues: z.array(Text).min(1, 'needs at least one cue'),
  source: Source,
});
export type ExamTool = z.infer<typeof ExamTool>;

export const ExamFile = z.strictObject({
  duties: z.array(ExamDuty).default([]),
  statements: z.array(ExamStatement).default([]),
  tools: z.array(ExamTool).default([]),
});
export type ExamFile = z.infer<typeof ExamFile>;
