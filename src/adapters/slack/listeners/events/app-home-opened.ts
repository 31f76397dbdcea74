// The Home tab, published each time a user opens it.
import type { SlackRouter } from '../../router';
import { slackError, type SlackDeps } from '../../deps';
import { homeView } from '../../home';

export function registerAppHomeOpened(router: SlackRouter, deps: SlackDeps): void {
  router.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      // The person's own quiz figures; the tab still opens if the store cannot give them.
      const stats = (await deps.bot.quizStats('slack', event.user).catch(() => [])) ?? [];
      await client.views.publish({ user_id: event.user, view: homeView(deps.bot.kb, stats) });
    } catch (err) {
      deps.log.error('slack views.publish failed', { user: event.user, error: slackError(err) });
    }
  });
}
