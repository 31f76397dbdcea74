import type { SlackRouter } from '../../router';
import type { SlackDeps } from '../../deps';
import { registerWhosejobCommand } from './whosejob';

export function registerCommands(router: SlackRouter, deps: SlackDeps): void {
  registerWhosejobCommand(router, deps);
}
