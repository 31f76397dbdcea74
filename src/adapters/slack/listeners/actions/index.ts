import type { SlackRouter } from '../../router';
import type { SlackDeps } from '../../deps';
import { registerChoiceActions } from './choice';
import { registerFeedbackActions } from './feedback';
import { registerShareAction } from './share';

export function registerActions(router: SlackRouter, deps: SlackDeps): void {
  registerChoiceActions(router, deps);
  registerShareAction(router, deps);
  registerFeedbackActions(router, deps);
}
