// Bot Framework authentication whose connector and user-token clients are made once and reused.
// CloudAdapter asks for a new ConnectorClient and a new UserTokenClient on every turn, and building
// one (credentials, an Azure request pipeline of a dozen policies) cost more CPU than whosejob's whole
// answer in `npm run bench:teams`. A client holds no per-turn state, and its credentials renew their
// own token, so one per bot id, service URL and audience serves every turn, as botbuilder's older
// BotFrameworkAdapter kept them. Requests are still authenticated one by one.
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

/** Promises kept by key, the oldest forgotten past `max` (service URLs are few: one per region). A promise
 * that rejects (credentials unavailable, say) is forgotten at once, so the next turn tries again. */
class ReusedPromises<V> {
  private readonly entries = new Map<string, Promise<V>>();

  constructor(private readonly max: number) {}

  getOrMake(key: string, make: () => Promise<V>): Promise<V> {
    const found = this.entries.get(key);
    if (found !== undefined) return found;
    const made = make();
    this.entries.set(key, made);
    made.catch(() => {
      if (this.entries.get(key) === made) this.entries.delete(key);
    });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The bot's app id a turn's clients act for: the audience of the inbound token ('' when unauthenticated). */
const botIdOf = (identity: ClaimsIdentity): string => identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? '';

class ReusedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly botId: string,
    private readonly clients: ReusedPromises<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.getOrMake(`${this.botId}|${serviceUrl}|${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

export class ReusedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectorClients: ReusedPromises<ConnectorClient>;
  private readonly tokenClients: ReusedPromises<UserTokenClient>;

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    maxClients = 64,
  ) {
    super();
    this.connectorClients = new ReusedPromises(maxClients);
    this.tokenClients = new ReusedPromises(maxClients);
  }

  /** How many connector clients are kept (for tests). */
  get connectorClientCount(): number {
    return this.connectorClients.size;
  }

  private wrap(factory: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    return new ReusedConnectorFactory(factory, botIdOf(identity), this.connectorClients);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory ? { ...result, connectorFactory: this.wrap(result.connectorFactory, result.claimsIdentity) } : result;
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(identity: ClaimsIdentity): ConnectorFactory {
    return this.wrap(this.inner.createConnectorFactory(identity), identity);
  }

  createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.getOrMake(botIdOf(identity), () => this.inner.createUserTokenClient(identity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}
