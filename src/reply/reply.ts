// The platform-neutral reply every adapter renders: a small tree of plain text, never markup.
// Renderers escape every string, so nothing here (user text included) can become a mention or link.
// This folder imports nothing else of whosejob: it is the vocabulary the core and the adapters share.
import type { Action } from './action';

export const OWNERS = ['aws', 'customer', 'shared'] as const;
export type Owner = (typeof OWNERS)[number];
export const CATEGORIES = ['infrastructure', 'container', 'abstracted'] as const;
export type Category = (typeof CATEGORIES)[number];
export const INTENTS = ['responsibility', 'service', 'concept', 'compare', 'matrix', 'exam', 'quiz', 'onboarding', 'help', 'smalltalk', 'unknown'] as const;
export type IntentName = (typeof INTENTS)[number];

/** What a reply is, so adapters render it without reading its title. */
export type ReplyKind =
  | 'answer' // a responsibility, service, concept, comparison or matrix answer
  | 'did-you-mean' // unsure of the question: likely readings offered, no owner
  | 'out-of-scope' // another cloud, office IT, how-to, an unknown name
  | 'quiz-question'
  | 'quiz-verdict'
  | 'exam' // a pasted practice-exam item: the options picked and why each is or is not
  | 'quiz-post' // a channel's daily question, answered privately
  | 'quiz-reveal' // the daily question closed: the answer, the share per option, why
  | 'lesson'
  | 'help'
  | 'smalltalk'
  | 'unknown'
  | 'welcome'
  | 'notice'; // a one-line acknowledgement ("Thanks for the feedback!")

export interface Section {
  label: string; // "AWS does", "You do", "Keep in mind"
  text: string;
}

/** A button: a short label to show, and what clicking it does (the full question travels in the action). */
export interface Choice {
  label: string;
  action: Action;
}

export interface SourceLink {
  title: string;
  url: string;
}

/** What the reply is about, in the terms of the JSON answer of CONTRACT.md. */
export interface ReplyFacts {
  service: { id: string; name: string; category: Category } | null;
  task: { id: string; name: string } | null;
  owner: Owner | null;
  /** False when the task has no object on the service (no guest OS on EBS); absent otherwise. */
  applies?: false;
  /** For a practice-exam item: the letters picked (none when unsure) and a verdict per option. */
  exam?: {
    choices: string[];
    options: Array<{ letter: string; verdict: 'right' | 'wrong' | 'unknown'; reason: string; sources: string[] }>;
    confidence: number;
  };
}

export interface Reply {
  kind: ReplyKind;
  intent: IntentName;
  title: string;
  /** Shown as a badge: who owns the task. Absent when the reply is not a responsibility answer. */
  owner?: Owner;
  /** The first thing a reader sees: the answer in one or two sentences. */
  summary: string;
  sections: Section[];
  choicesLabel?: string; // "Did you mean…?", "Related questions", "Your answer"
  choices: Choice[];
  sources: SourceLink[];
  facts: ReplyFacts;
  /**
   * A message people see differently (a daily post: each answerer sees their own verdict). Platforms
   * that can show one message per person (Teams' user-specific views) refresh it for `users` with `action`.
   */
  personalViews?: { users: string[]; action: Action };
  /** The question restated so it stands alone ("and for EC2?" → "Who is responsible for … on Amazon EC2?"),
   * for sharing an answer outside its conversation. */
  restated?: string;
  /**
   * The full form of `sections`, for a reply shown in short: a Teams card folds it under a button
   * (Action.ShowCard), Slack offers `action`, which brings the full answer in the message's place, and
   * text shows it instead of `sections`.
   */
  details?: { label: string; sections: Section[]; action?: Action };
  /**
   * Content that is a table (the responsibility matrix): plain-text cells, the first column naming each
   * row. Platforms draw it as a table; text shows each row as a line (tableSections), before `sections`.
   */
  table?: { columns: string[]; rows: string[][] };
}

/** A table as sections, a row to a line: "Guest OS patching: Amazon EC2: You · Amazon S3: n/a". */
export function tableSections(reply: Reply): Section[] {
  const t = reply.table;
  if (!t) return [];
  return t.rows.map((row) => ({ label: row[0] ?? '', text: t.columns.slice(1).map((c, j) => `${c}: ${row[j + 1] ?? ''}`).join(' · ') }));
}

/** A quiz's choices are its answers: every one must be offered (a quiz click carries one digit, so ten at most). */
export const MAX_ANSWER_CHOICES = 10;
export const choicesAreAnswers = (reply: Reply): boolean => reply.kind === 'quiz-question' || reply.kind === 'quiz-post';

/** The sections a renderer without folding shows: the full form when the reply has one. */
export const fullSections = (reply: Reply): Section[] => [...tableSections(reply), ...(reply.details?.sections ?? reply.sections)];

export const OWNER_LABEL: Record<Owner, string> = { aws: 'AWS', customer: 'You', shared: 'Shared' };
export const OWNER_PHRASE: Record<Owner, string> = {
  aws: 'AWS is responsible',
  customer: 'You (the customer) are responsible',
  shared: 'It is shared between AWS and you',
};

/** Answers with content deserve a 👍 / 👎 pair; greetings, help and quiz prompts do not. */
export const wantsFeedback = (reply: Reply): boolean => ['responsibility', 'service', 'concept', 'compare', 'matrix'].includes(reply.intent);

/** What every platform says after a vote. */
export const FEEDBACK_THANKS = { up: 'Thanks for the feedback!', down: 'Thanks — noted. The team reviews answers marked not helpful.' } as const;

export const NO_FACTS: ReplyFacts = { service: null, task: null, owner: null };

const linkCache = new Map<string, SourceLink>();

/** A title for a source link, from its address, so every link reads as what it is. */
export function sourceLink(url: string): SourceLink {
  const cached = linkCache.get(url);
  if (cached) return cached;
  const link = makeLink(url);
  if (linkCache.size < 2000) linkCache.set(url, link); // the knowledge base has a few hundred addresses
  return link;
}

// How people name the guides: products by their documentation folder, and the kinds of guide by the
// folder after the version ("AmazonRDS/latest/UserGuide" → "Amazon RDS" + "User Guide"). Folders not
// listed are named from their own words ("codebuild/latest/userguide" → "Codebuild User Guide").
const GUIDE_PRODUCTS: Record<string, string> = {
  amazonrds: 'Amazon RDS', awsec2: 'Amazon EC2', lambda: 'AWS Lambda', amazons3: 'Amazon S3', iam: 'IAM', amazonecs: 'Amazon ECS',
  amazonecr: 'Amazon ECR', eks: 'Amazon EKS', kms: 'AWS KMS', vpc: 'Amazon VPC', ebs: 'Amazon EBS', efs: 'Amazon EFS',
  amazondynamodb: 'Amazon DynamoDB', amazonelasticache: 'Amazon ElastiCache', memorydb: 'Amazon MemoryDB', waf: 'AWS WAF',
  'systems-manager': 'AWS Systems Manager', awscloudtrail: 'AWS CloudTrail', amazoncloudfront: 'Amazon CloudFront',
  amazoncloudwatch: 'Amazon CloudWatch', amazoncloudwatchlogs: 'Amazon CloudWatch Logs', route53: 'Amazon Route 53',
  'opensearch-service': 'Amazon OpenSearch Service', msk: 'Amazon MSK', bedrock: 'Amazon Bedrock', athena: 'Amazon Athena',
  sagemaker: 'Amazon SageMaker', guardduty: 'Amazon GuardDuty', eventbridge: 'Amazon EventBridge', sns: 'Amazon SNS',
  awssimplequeueservice: 'Amazon SQS', ses: 'Amazon SES', glue: 'AWS Glue', redshift: 'Amazon Redshift', emr: 'Amazon EMR',
  secretsmanager: 'AWS Secrets Manager', cognito: 'Amazon Cognito', apigateway: 'Amazon API Gateway', streams: 'Amazon Kinesis Data Streams',
  elasticbeanstalk: 'AWS Elastic Beanstalk', awscloudformation: 'AWS CloudFormation', 'aws-backup': 'AWS Backup', fsx: 'Amazon FSx',
  elasticloadbalancing: 'Elastic Load Balancing', 'autoscaling/ec2': 'Amazon EC2 Auto Scaling', documentdb: 'Amazon DocumentDB',
  neptune: 'Amazon Neptune', 'amazon-mq': 'Amazon MQ', acm: 'AWS Certificate Manager', apprunner: 'AWS App Runner',
  'step-functions': 'AWS Step Functions', amazonglacier: 'Amazon S3 Glacier', dms: 'AWS DMS', singlesignon: 'AWS IAM Identity Center',
  securityhub: 'AWS Security Hub', general: 'AWS', vpn: 'AWS', wellarchitected: 'AWS Well-Architected', whitepapers: '', 'prescriptive-guidance': '',
};
const GUIDE_KINDS: Record<string, string> = {
  userguide: 'User Guide', ug: 'User Guide', user: 'User Guide', monitoring: 'User Guide', dg: 'Developer Guide',
  developerguide: 'Developer Guide', devguide: 'Developer Guide', 'developer-guide': 'Developer Guide', dev: 'Developer Guide',
  apireference: 'API Reference', 'api-reference': 'API Reference', api: 'API Reference', adminguide: 'Administration Guide',
  'admin-guide': 'Administration Guide', managementguide: 'Management Guide', mgmt: 'Management Guide', gr: 'General Reference',
  logs: 'User Guide', aurorauserguide: 'User Guide for Aurora', sqsdeveloperguide: 'Developer Guide', gettingstartedguide: 'Getting Started Guide',
  lustreguide: 'for Lustre User Guide', windowsguide: 'for Windows File Server User Guide', 'customlabels-dg': 'Custom Labels Guide',
  s2svpn: 'Site-to-Site VPN User Guide', tgw: 'Transit Gateways Guide',
};
// Words a file name writes in lower case, or splits, that people write one way.
const SPELLED = new Map(
  ['Amazon', 'AWS', 'KMS', 'CMK', 'IAM', 'S3', 'EC2', 'RDS', 'EBS', 'EFS', 'VPC', 'VPN', 'TLS', 'SSL', 'DNS', 'DNSSEC', 'DDoS', 'NAT', 'SSE',
    'SSM', 'MSK', 'EKS', 'ECS', 'ECR', 'SNS', 'SQS', 'SES', 'ACM', 'WAF', 'FMS', 'DMS', 'EMR', 'OS', 'AMI', 'MFA', 'SSO', 'IoT', 'IP',
    'HTTP', 'HTTPS', 'SQL', 'MySQL', 'PostgreSQL', 'MQ', 'AD', 'MS', 'DB', 'ID', 'AZ', 'I', 'CloudTrail', 'CloudFront', 'CloudWatch',
    'DynamoDB', 'ElastiCache', 'OpenSearch', 'FSx', 'Lambda', 'Fargate', 'Aurora', 'SPICE'].map((w) => [w.toLowerCase(), w]),
);
// Names with capitals inside are one word ("MySQL", not "My SQL"); otherwise a word starts at a case change.
const NAME_WORDS = new RegExp(`${[...SPELLED.values()].filter((w) => /[a-z].*[A-Z]|[A-Z].*[a-z].*[A-Z]/.test(w)).join('|')}|[A-Z]+\\d*(?![a-z])|[A-Z]?[a-z]+\\d*|\\d+`, 'g');
const SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
const SITE_SECTIONS: Record<string, string> = {
  compliance: 'AWS Compliance', security: 'AWS Security', 'blogs/security': 'AWS Security Blog', blogs: 'AWS Blog',
  pricing: 'AWS Pricing', 'documentation-overview': 'AWS Documentation',
};

/** Words as people write them: "encryption-at-rest" → "Encryption at rest", acronyms and names kept ("UsingWithRDS" →
 * "Using with RDS"); as a title ("security-pillar" → "Security Pillar") for the name of a guide. */
function nameFrom(text: string, title = false): string {
  return (text.match(NAME_WORDS) ?? [])
    .map((w, i) => {
      const lower = w.toLowerCase();
      const known = SPELLED.get(lower);
      if (known) return known;
      if (w.length > 1 && w === w.toUpperCase()) return w; // an acronym the name spells in capitals: "AMG"
      return i === 0 || (title && !SMALL_WORDS.has(lower)) ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(' ');
}

/** A page's name from its file name: "USER_UpgradeDBInstance.Maintenance" → "Upgrade DB instance – Maintenance". */
function pageName(file: string): string {
  if (file.startsWith('API_')) return file.slice(4); // an API operation goes by its own name: "CreateAgent"
  return file
    .replace(/^(USER|CHAP)_/, '')
    .split('.')
    .map((part) => nameFrom(part))
    .filter(Boolean)
    .join(' – ');
}

/** "Amazon RDS User Guide: Using with RDS" for a guide's page, "AWS Compliance: Shared responsibility model" for aws.amazon.com. */
function makeLink(url: string): SourceLink {
  const match = /^https?:\/\/([^/?#]+)\/?([^?#]*)/.exec(url);
  const host = match?.[1] ?? '';
  const parts = (match?.[2] ?? '').replace(/\.html?$/, '').split('/').filter(Boolean);
  const named = (guide: string, page: string): SourceLink => ({ title: guide && page ? `${guide}: ${page}` : guide || page || url, url });
  if (host === 'docs.aws.amazon.com' && parts.length >= 3) {
    const [folder, version, kind] = parts as [string, string, string]; // <product>/<version>/<guide>[/<page>]
    const product = GUIDE_PRODUCTS[`${folder}/${version}`.toLowerCase()] ?? GUIDE_PRODUCTS[folder.toLowerCase()] ?? nameFrom(folder, true);
    const guide = `${product} ${GUIDE_KINDS[kind.toLowerCase()] ?? nameFrom(kind, true)}`.trim();
    const file = parts.length > 3 ? parts[parts.length - 1]! : '';
    return named(guide, file && file !== kind && !/^(index|welcome)$/i.test(file) ? pageName(file) : '');
  }
  if (host === 'aws.amazon.com') {
    const deep = parts.length > 2 ? SITE_SECTIONS[`${parts[0]}/${parts[1]}`] : undefined;
    const section = deep ?? (parts.length > 1 ? SITE_SECTIONS[parts[0]!] : undefined);
    return named(section ?? 'AWS', nameFrom(parts.slice(deep ? 2 : section ? 1 : 0).join(' ')));
  }
  return named(host, parts.length > 0 ? pageName(parts[parts.length - 1]!) : '');
}

export function uniqueSources(urls: Iterable<string>): SourceLink[] {
  return [...new Set(urls)].map(sourceLink);
}

/** A button that asks a question: `label` is what shows, `question` what is asked (the label by default). */
export const ask = (label: string, question = label): Choice => ({ label, action: { kind: 'ask', question } });

/** A one-line acknowledgement with nothing to click. */
export const notice = (text: string): Reply => ({ kind: 'notice', intent: 'unknown', title: text, summary: text, sections: [], choices: [], sources: [], facts: NO_FACTS });
