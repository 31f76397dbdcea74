// Someone joined the workspace: with ONBOARD_NEW_MEMBERS on, one friendly DM inviting them to the
// lessons, never twice for the same person (claimed in the store, so a retried event or another
// replica does not send a second one). Needs the users:read scope (slack/manifest.yml).
import type { SlackRouter } from '../../router';
import type { SlackDeps } from '../../deps';

export function registerTeamJoin(router: SlackRouter, deps: SlackDeps): void {
  router.event('team_join', async ({ event }) => {
    const user = (event as { user?: { id?: string; is_bot?: boolean; deleted?: boolean } }).user;
    if (!deps.onboardNewMembers || !user?.id || user.is_bot || user.deleted) return;
    const sent = await deps.bot.welcomeNewcomer('slack', user.id);
    deps.log.info(sent ? 'onboarding: welcomed a new member' : 'onboarding: new member already welcomed', { user: user.id });
  });
}
