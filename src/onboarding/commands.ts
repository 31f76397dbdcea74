// The onboarding's chat commands, read by their words before any matching: "where was I?", "one
// lesson a day", "at my own pace", "stop reminding me", and for a lead in a channel "onboarding
// status" and "onboarding invite @a @b".
export type OnboardingCommand =
  | { kind: 'resume' }
  | { kind: 'pace'; pace: 'self' | 'daily' }
  | { kind: 'stop-reminders' }
  | { kind: 'status' }
  | { kind: 'invite'; users: string[] };

/** Longer than this, a message is not a command (an invitation names at most MAX_INVITES people anyway). */
const MAX_COMMAND_CHARS = 2000;
/** People invited by one message: each is a direct message sent before the reply. */
export const MAX_INVITES = 25;

/** Slack writes a mention as <@U123> or <@U123|name>. */
const SLACK_MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

/**
 * The command in a message, or undefined. `mentioned` are the people the platform says were mentioned
 * (Teams' mention entities); Slack's mentions are read from the text itself.
 */
export function readOnboardingCommand(text: string, mentioned: readonly string[] = []): OnboardingCommand | undefined {
  // Commands are short: a long message is never one (and no pattern runs over it).
  if (text.length > MAX_COMMAND_CHARS) return undefined;
  const plain = text
    .replace(SLACK_MENTION, ' ')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .trim()
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '');
  if (/^(where was i|where did i (stop|leave off)|resume( the)? (lessons?|onboarding|course|tour)|continue( the)? (lessons?|onboarding|course|tour))$/.test(plain)) return { kind: 'resume' };
  if (/^(one (lesson )?a day|a lesson a day|one lesson per day|daily lessons?)$/.test(plain)) return { kind: 'pace', pace: 'daily' };
  if (/^((at|in) )?my own pace$/.test(plain)) return { kind: 'pace', pace: 'self' };
  if (/^(please )?(stop|no more) remind(ing|ers)( me)?$/.test(plain)) return { kind: 'stop-reminders' };
  if (/^onboarding status$/.test(plain)) return { kind: 'status' };
  if (/^onboarding invite\b/.test(plain)) {
    const fromText = [...text.matchAll(SLACK_MENTION)].map((m) => m[1]!);
    return { kind: 'invite', users: [...new Set([...fromText, ...mentioned])].slice(0, MAX_INVITES) };
  }
  return undefined;
}
