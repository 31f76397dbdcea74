import type { SlackRouter } from '../../router';
import type { SlackDeps } from '../../deps';
import { registerAppHomeOpened } from './app-home-opened';
import { registerAppMention } from './app-mention';
import { registerDirectMessage } from './direct-message';

export function registerEvents(router: SlackRouter, deps: SlackDeps): void {
  registerAppMention(router, deps);
  registerDirectMessage(router, deps);
  registerAppHomeOpened(router, deps);
}
