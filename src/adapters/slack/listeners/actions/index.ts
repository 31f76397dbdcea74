import type { SlackRouter } from '../../router';
import type { SlackDeps } from '../../deps';
import { registerAskActions } from './ask';
import { registerFeedbackActions } from './feedback';
import { registerShareAction } from './share';

export function registerActions(router: SlackRouter, deps: SlackDeps): void {
  registerAskActions(router, deps);
  registerShareAction(router, deps);
  registerFeedbackActions(router, deps);
}
