// The router Bolt sees as one middleware: each request reaches its own handler, the rest goes on to Bolt.
import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import { ACTION } from '../../../src/adapters/slack/blocks';
import { SlackRouter } from '../../../src/adapters/slack/router';

type Args = AnyMiddlewareArgs & AllMiddlewareArgs;

function routed(router: SlackRouter, args: object): Promise<{ nextCalled: boolean }> {
  const state = { nextCalled: false };
  const full = { ...args, next: async () => void (state.nextCalled = true) } as unknown as Args;
  return router.middleware()(full).then(() => state);
}

describe('SlackRouter', () => {
  const seen: string[] = [];
  const router = new SlackRouter();
  router.event('app_mention', async ({ event }) => void seen.push(`mention:${event.text}`));
  router.command('/whosejob', async ({ command }) => void seen.push(`command:${command.text}`));
  router.action(ACTION.share, async ({ action }) => void seen.push(`share:${action.value ?? ''}`));
  router.action(new RegExp(`^${ACTION.choice}_\\w+$`), async ({ action }) => void seen.push(`choice:${action.action_id}`));
  beforeEach(() => {
    seen.length = 0;
  });

  test('an event goes to the handler for its type', async () => {
    expect(await routed(router, { event: { type: 'app_mention', text: 'who patches rds?' } })).toEqual({ nextCalled: false });
    expect(seen).toEqual(['mention:who patches rds?']);
  });

  test('a command goes to the handler for its name', async () => {
    await routed(router, { command: { command: '/whosejob', text: 'help' } });
    expect(seen).toEqual(['command:help']);
  });

  test('a button goes to the handler whose id or pattern matches it, the whole id only', async () => {
    await routed(router, { action: { action_id: 'whosejob_share', value: 'q' }, body: { type: 'block_actions' } });
    await routed(router, { action: { action_id: 'whosejob_choice_3' }, body: { type: 'block_actions' } });
    await routed(router, { action: { action_id: 'whosejob_choice_quiz' }, body: { type: 'block_actions' } }); // the Home tab's
    expect(await routed(router, { action: { action_id: 'whosejob_share_x' }, body: { type: 'block_actions' } })).toEqual({ nextCalled: true });
    expect(await routed(router, { action: { action_id: 'whosejob_choice_' }, body: { type: 'block_actions' } })).toEqual({ nextCalled: true });
    expect(await routed(router, { action: { action_id: 'whosejob_ask_3' }, body: { type: 'block_actions' } })).toEqual({ nextCalled: true }); // an id from before
    expect(seen).toEqual(['share:q', 'choice:whosejob_choice_3', 'choice:whosejob_choice_quiz']);
  });

  test('what has no route goes on to Bolt', async () => {
    expect(await routed(router, { event: { type: 'reaction_added' } })).toEqual({ nextCalled: true });
    expect(await routed(router, { command: { command: '/other', text: '' } })).toEqual({ nextCalled: true });
    expect(await routed(router, { view: { callback_id: 'x' }, body: { type: 'view_submission' } })).toEqual({ nextCalled: true });
    expect(seen).toEqual([]);
  });
});
