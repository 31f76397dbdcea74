// One Bolt middleware that hands each request to the handler registered for it. Bolt runs the
// middleware chain of every registered listener for every request it receives, matching or not; with
// seven listeners that cost more CPU per mention than answering the question (measured with
// `npm run bench:slack`). So the listeners register here, by kind and name, and Bolt sees one.
import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  BlockAction,
  ButtonAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
} from '@slack/bolt';

export type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;
export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

type Handler<A> = (args: A) => Promise<void>;

export class SlackRouter {
  private readonly events = new Map<string, Handler<EventArgs<string>>>();
  private readonly commands = new Map<string, Handler<CommandArgs>>();
  private readonly actions: { matches: (actionId: string) => boolean; handle: Handler<ButtonArgs> }[] = [];

  /** Events API events by type: 'app_mention', 'message', 'app_home_opened'… */
  event<T extends string>(type: T, handle: Handler<EventArgs<T>>): void {
    // Stored by its type name; the route below only ever calls it with an event of that type.
    this.events.set(type, handle as unknown as Handler<EventArgs<string>>);
  }

  /** A slash command, by name ('/whosejob'). */
  command(name: string, handle: Handler<CommandArgs>): void {
    this.commands.set(name, handle);
  }

  /** A button in a Block Kit message or view, by exact action_id or pattern; the first match handles it. */
  action(match: string | RegExp, handle: Handler<ButtonArgs>): void {
    this.actions.push({ matches: typeof match === 'string' ? (id) => id === match : (id) => match.test(id), handle });
  }

  /** The global middleware to give app.use(); whatever has no route goes on to Bolt. */
  middleware(): Middleware<AnyMiddlewareArgs> {
    return async (args) => {
      if ('event' in args) {
        const handle = this.events.get(args.event.type);
        if (handle) return handle(args);
      } else if ('command' in args) {
        const handle = this.commands.get(args.command.command);
        if (handle) return handle(args);
      } else if ('action' in args && args.body.type === 'block_actions') {
        const id = 'action_id' in args.action ? args.action.action_id : '';
        const route = this.actions.find((a) => a.matches(id));
        // Bolt narrows block actions by element type at the listener; our buttons are the only elements we send.
        if (route) return route.handle(args as ButtonArgs);
      }
      await args.next();
    };
  }
}
