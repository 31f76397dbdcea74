import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { registerWhosejobCommand } from './whosejob';

export function registerCommands(app: App, deps: SlackDeps): void {
  registerWhosejobCommand(app, deps);
}
