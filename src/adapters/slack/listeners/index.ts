// Every Slack listener, registered in one place, grouped by kind as in Slack's Bolt templates.
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps';
import { registerActions } from './actions';
import { registerCommands } from './commands';
import { registerEvents } from './events';

export function registerListeners(app: App, deps: SlackDeps): void {
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
}
