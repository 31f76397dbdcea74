import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { registerAppHomeOpened } from './app-home-opened';
import { registerAppMention } from './app-mention';
import { registerDirectMessage } from './direct-message';

export function registerEvents(app: App, deps: SlackDeps): void {
  registerAppMention(app, deps);
  registerDirectMessage(app, deps);
  registerAppHomeOpened(app, deps);
}
