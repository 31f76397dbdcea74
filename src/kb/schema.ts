// The shape of every file in data/. Types come from these schemas so data and code never drift.
// (The phrasing in intents/ has its schemas with the matcher: src/nlu/intent-schema.ts.)
import { z } from 'zod';
import { CATEGORIES, OWNERS } from '../reply/reply';

export { CATEGORIES, OWNERS };
export const Owner = z.enum(OWNERS);
export type Owner = z.infer<typeof Owner>;

export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');
export const Text = z.string().trim().min(1, 'must not be empty');

// The language folders of AWS's sites (aws.amazon.com/de/…, docs.aws.amazon.com/id_id/…).
const LOCALE_FOLDER = /^https:\/\/[^/]+\/([a-z]{2}[_-][a-z]{2}|ar|cn|de|es|fr|id|it|jp|ko|pt|ru|th|tr|tw|vi)\//i;

// Every fact rests on an AWS page; a source elsewhere is a mistake, not a style choice.
export const Source = z
  .string()
  .url('must be a URL')
  .regex(/^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//, 'must be an AWS documentation page (https://docs.aws.amazon.com/… or https://aws.amazon.com/…)')
  // The page a person opens: the canonical English form, not a source file, a locale copy or a fragment.
  .refine((url) => !/\.md$/i.test(url), 'must be the published page, not its .md source')
  .refine((url) => !LOCALE_FOLDER.test(url), 'must be the canonical English page, without a locale folder')
  .refine((url) => !/[#?]/.test(url), 'must not carry an anchor or query');

export const Service = z.strictObject({
  id: Id,
  name: Text, // AWS's own short name: "Amazon RDS", "AWS Lambda"
  fullName: Text.optional(), // "Amazon Relational Database Service"
  aliases: z.array(Text).default([]),
  category: Category,
  summary: Text, // what it is, in one line
  source: Source, // the service's "Security in …" page
  // Tasks its overview lists beyond its category's: the parts it has (an engine, a runtime, nodes, a guest OS).
  overview: z.array(Id).default([]),
});
export type Service = z.infer<typeof Service>;

export const ServicesFile = z.strictObject({ services: z.array(Service).min(1) });

export const CategoryInfo = z.strictObject({
  id: Category,
  name: Text,
  aliases: z.array(Text).default([]),
  aws: Text,
  customer: Text,
  examples: z.array(Id).min(1),
  // The tasks "what am I responsible for on X?" lists for every service of the category.
  overview: z.array(Id).min(1),
  source: Source,
});
export type CategoryInfo = z.infer<typeof CategoryInfo>;
export const CategoriesFile = z.strictObject({ categories: z.array(CategoryInfo).length(3) });

// Terms are the words people use, grouped by meaning; a task is recognised when all terms of one
// of its rules appear in a message, so "update the OS on our boxes" needs no example of its own.
export const Task = z.strictObject({
  id: Id,
  name: Text,
  // How the name reads inside a sentence, when lowercasing it is not enough ("the hypervisor…").
  inSentence: Text.optional(),
  phrases: z.array(Text).default([]), // a phrase alone names the task
  when: z.array(z.array(Id).min(1)).default([]), // each rule: term ids that must all be present
  concept: Id.optional(), // the concept that explains it, if any
  related: z.array(Id).default([]),
  // On a shared cell of this task the customer decides and AWS carries out the work (Multi-AZ,
  // encryption, patches in a window), so "who decides?" and "is it automatic?" have plain answers.
  decidePerform: z.boolean().default(false),
  // Services whose name, inside one of this task's phrases, is the task itself ("IAM policies"), not a setting.
  absorbs: z.array(Id).default([]),
});
export type Task = z.infer<typeof Task>;

export const TasksFile = z.strictObject({
  weakTerms: z.array(Id).default([]),
  terms: z.record(Id, z.array(Text).min(1)),
  tasks: z.array(Task).min(1),
  // The tasks a comparison of services lines up, and those generated quiz questions ask about.
  compare: z.array(Id).min(1),
  quiz: z.array(Id).min(1),
});

// The owner of one task can flip with how a service is set up (keys AWS manages vs keys you manage,
// certificates ACM issued vs ones you imported): each variant is its own small fact.
export const VariantFact = z.strictObject({
  variant: Id, // an id from data/variants.yaml
  owner: Owner,
  aws: Text,
  customer: Text,
  nuance: Text.optional(),
  source: Source.optional(), // the fact's own source when left out
});
export type VariantFact = z.infer<typeof VariantFact>;

export const Fact = z.strictObject({
  owner: Owner,
  aws: Text, // what AWS does; "{service}" is filled in
  customer: Text, // what the customer does
  nuance: Text.optional(),
  source: Source,
  variants: z.array(VariantFact).optional(),
});
export type Fact = z.infer<typeof Fact>;

export const TaskDefaults = z.strictObject({
  task: Id,
  general: Fact, // the rule when no service is named
  infrastructure: Fact.partial().optional(),
  container: Fact.partial().optional(),
  abstracted: Fact.partial().optional(),
});
export type TaskDefaults = z.infer<typeof TaskDefaults>;

export const ServiceException = Fact.extend({
  service: Id,
  task: Id,
  reason: Text, // why this service differs from its category
});
export type ServiceException = z.infer<typeof ServiceException>;

// A task with no object on a service (no guest OS on EBS, no security groups on S3): no owner, and a
// line that says where the task lives instead. Named by service, or for a whole category with the
// services that keep the task listed in `except`.
export const NotApplicable = z
  .strictObject({
    service: Id.optional(),
    category: Category.optional(),
    except: z.array(Id).default([]),
    tasks: z.array(Id).min(1),
    where: Text, // "EBS volumes attach to EC2 instances: the guest OS there is yours."
    source: Source.optional(),
  })
  .refine((n) => (n.service === undefined) !== (n.category === undefined), { message: 'name either a service or a category', path: ['service'] })
  .refine((n) => n.category !== undefined || n.except.length === 0, { message: '`except` only goes with a category', path: ['except'] });
export type NotApplicable = z.infer<typeof NotApplicable>;

export const ResponsibilitiesFile = z.strictObject({
  defaults: z.array(TaskDefaults).min(1),
  exceptions: z.array(ServiceException).default([]),
  notApplicable: z.array(NotApplicable).default([]),
});

// data/variants.yaml: the set-ups that flip an owner, and the words people use for each.
export const Variant = z.strictObject({
  id: Id,
  name: Text, // how an answer names it: "a customer managed key"
  cues: z.array(Text).min(1),
});
export type Variant = z.infer<typeof Variant>;
export const VariantsFile = z.strictObject({ variants: z.array(Variant).min(1) });

export const Concept = z.strictObject({
  id: Id,
  name: Text,
  aliases: z.array(Text).default([]),
  summary: Text,
  detail: Text,
  example: Text.optional(),
  related: z.array(Id).default([]),
  source: Source,
});
export type Concept = z.infer<typeof Concept>;
export const ConceptsFile = z.strictObject({ concepts: z.array(Concept).min(1) });

// How hard a quiz question is: a channel's daily questions take turns (easy, medium, hard, medium…).
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const Difficulty = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof Difficulty>;

export const QuizQuestion = z
  .strictObject({
    id: Id,
    question: Text,
    choices: z.array(Text).min(2).max(4),
    answer: z.number().int().min(0), // index into choices
    explanation: Text,
    source: Source,
    difficulty: Difficulty,
    tags: z.array(Id).min(1), // what it practises: the task or concept ("patching", "encryption", "variants")
    service: Id.optional(),
    task: Id.optional(),
    // The set-up the question is about (a customer managed key, Fargate), when the owner flips with it.
    variant: Id.optional(),
    concept: Id.optional(),
  })
  .refine((q) => q.answer < q.choices.length, { message: 'answer must point at one of the choices', path: ['answer'] })
  .refine((q) => q.variant === undefined || (q.service !== undefined && q.task !== undefined), {
    message: 'a variant only goes with a service and a task',
    path: ['variant'],
  });
export type QuizQuestion = z.infer<typeof QuizQuestion>;
export const QuizFile = z.strictObject({ questions: z.array(QuizQuestion).min(1) });

// A lesson's shape; the course's own rules (at least 8 lessons, each under 150 words, a checkpoint from
// data/quiz.yaml, a question to try) are checked across the file in lesson-check.ts.
export const LessonStep = z.strictObject({
  title: Text,
  text: Text,
  tryAsking: z.array(Text).default([]), // questions the bot answers well, offered as buttons
});
export const Lesson = z.strictObject({
  id: Id,
  title: Text,
  goal: Text,
  steps: z.array(LessonStep).min(1),
  check: Id.optional(), // a quiz question id that closes the lesson
  source: Source,
});
export type Lesson = z.infer<typeof Lesson>;
export const LessonsFile = z.strictObject({ lessons: z.array(Lesson).min(1) });
