import type { SlackRouter } from '../../router';
import type { SlackDeps } from '../../deps';
import { registerAppHomeOpened } from './app-home-opened';
import { registerAppMention } from './app-mention';
import { registerDirectMessage } from './direct-message';
import { registerTeamJoin } from './team-join';

export function registerEvents(router: SlackRouter, deps: SlackDeps): void {
  registerAppMention(router, deps);
  registerDirectMessage(router, deps);
  registerAppHomeOpened(router, deps);
  registerTeamJoin(router, deps);
}
