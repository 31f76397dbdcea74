// .env + environment → one validated Config. A bad value names its variable and what is expected.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const ConfigSchema = z
  .object({
    PORT: z
      .string()
      .trim()
      .default('3000')
      .refine((s) => /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 65535, 'expected a whole number from 1 to 65535')
      .transform(Number),
    SLACK_BOT_TOKEN: optionalText.refine((s) => s === undefined || s.startsWith('xoxb-'), 'expected a bot token starting with "xoxb-"'),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.refine((s) => s === undefined || s.startsWith('xapp-'), 'expected an app-level token starting with "xapp-"'),
    SLACK_API_URL: z
      .string()
      .trim()
      .default('https://slack.com/api/')
      .refine((s) => /^https?:\/\/[^\s]+$/.test(s), 'expected an http(s) URL such as https://slack.com/api/')
      .transform((s) => (s.endsWith('/') ? s : `${s}/`)),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: optionalText.refine(
      (s) => s === undefined || ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(s),
      'expected MultiTenant, SingleTenant or UserAssignedMSI',
    ),
    MicrosoftAppTenantId: optionalText,
    TEAMS_ENABLED: z
      .string()
      .trim()
      .toLowerCase()
      .default('false')
      .refine((s) => ['true', 'false', '1', '0', 'yes', 'no', ''].includes(s), 'expected true or false')
      .transform((s) => s === 'true' || s === '1' || s === 'yes'),
    // Greet people who join the workspace (Slack) or a team the bot is in (Teams) with the lessons.
    ONBOARD_NEW_MEMBERS: z
      .string()
      .trim()
      .toLowerCase()
      .default('false')
      .refine((s) => ['true', 'false', '1', '0', 'yes', 'no', ''].includes(s), 'expected true or false')
      .transform((s) => s === 'true' || s === '1' || s === 'yes'),
    DATABASE_PATH: z.string().trim().min(1, 'expected a file path').default('./var/whosejob.db'),
    // PostgreSQL for replicas that share state; empty means SQLite at DATABASE_PATH.
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .transform((s) => (s ? s : undefined))
      .refine((s) => s === undefined || /^postgres(ql)?:\/\/\S+$/.test(s), 'expected a postgres:// or postgresql:// URL'),
    LOG_LEVEL: z
      .string()
      .trim()
      .toLowerCase()
      .default('info')
      .refine((s): s is LogLevel => (LOG_LEVELS as readonly string[]).includes(s), `expected one of ${LOG_LEVELS.join(', ')}`)
      .transform((s) => s as LogLevel),
  })
  .superRefine((c, ctx) => {
    if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN)
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)' });
    if ((c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN) && !c.SLACK_BOT_TOKEN)
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set' });
    if (c.MicrosoftAppId && !c.MicrosoftAppPassword && c.MicrosoftAppType !== 'UserAssignedMSI')
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'required with MicrosoftAppId' });
    if (c.MicrosoftAppType === 'SingleTenant' && !c.MicrosoftAppTenantId)
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'required when MicrosoftAppType is SingleTenant' });
  });

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` (if present) under the process environment, which wins, and validates both. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile: string | null = '.env'): Config {
  let fromFile: Record<string, string> = {};
  if (envFile && existsSync(envFile)) {
    try {
      fromFile = parseDotenv(readFileSync(envFile));
    } catch (err) {
      throw new ConfigError([`${envFile}: cannot be read (${(err as Error).message})`]);
    }
  }
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v;
  const result = ConfigSchema.safeParse(merged);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((i) => {
      const name = String(i.path[0] ?? '(config)');
      const got = merged[name];
      return `${name}: ${i.message}${got !== undefined && !/TOKEN|SECRET|PASSWORD|DATABASE_URL/i.test(name) ? ` (got "${got}")` : ''}`;
    }),
  );
}

export const slackEnabled = (c: Config): boolean => c.SLACK_BOT_TOKEN !== undefined;
export const teamsEnabled = (c: Config): boolean => c.MicrosoftAppId !== undefined || c.TEAMS_ENABLED;
