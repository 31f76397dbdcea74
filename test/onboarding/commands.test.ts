// The onboarding's commands, read before any matching, and bounded whatever the message.
import { MAX_INVITES, readOnboardingCommand } from '../../src/onboarding/commands';

test.each([
  ['where was I?', { kind: 'resume' }],
  ['Where did I leave off', { kind: 'resume' }],
  ['one lesson a day', { kind: 'pace', pace: 'daily' }],
  ['at my own pace', { kind: 'pace', pace: 'self' }],
  ['stop reminding me!', { kind: 'stop-reminders' }],
  ['onboarding status', { kind: 'status' }],
  ['<@U0BOT> onboarding status', { kind: 'status' }],
])('"%s"', (text, command) => {
  expect(readOnboardingCommand(text)).toEqual(command);
});

test('an invitation names Slack mentions and the platform’s mentioned people, once each, at most MAX_INVITES', () => {
  expect(readOnboardingCommand('onboarding invite <@UANA> <@UBEN|ben> <@UANA>', ['29:1cy'])).toEqual({ kind: 'invite', users: ['UANA', 'UBEN', '29:1cy'] });
  const many = Array.from({ length: 60 }, (_, i) => `<@U${String(i).padStart(4, '0')}>`).join(' ');
  expect((readOnboardingCommand(`onboarding invite ${many}`) as { users: string[] }).users).toHaveLength(MAX_INVITES);
});

test('a long message is never a command (no pattern runs over it)', () => {
  expect(readOnboardingCommand(`${'.'.repeat(40_000)}x`)).toBeUndefined();
  expect(readOnboardingCommand(`where was i${'?'.repeat(5_000)}`)).toBeUndefined();
  expect(readOnboardingCommand('who patches rds?')).toBeUndefined();
});
