// Every Slack listener, registered in one place, grouped by kind as in Slack's Bolt templates
// (into our router, which Bolt sees as a single middleware: see router.ts).
import type { SlackRouter } from '../router';
import type { SlackDeps } from '../deps';
import { registerActions } from './actions';
import { registerCommands } from './commands';
import { registerEvents } from './events';

export function registerListeners(router: SlackRouter, deps: SlackDeps): void {
  registerEvents(router, deps);
  registerCommands(router, deps);
  registerActions(router, deps);
}
