import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { registerAskActions } from './ask';
import { registerFeedbackActions } from './feedback';
import { registerShareAction } from './share';

export function registerActions(app: App, deps: SlackDeps): void {
  registerAskActions(app, deps);
  registerShareAction(app, deps);
  registerFeedbackActions(app, deps);
}
