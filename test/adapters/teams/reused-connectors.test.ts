// ReusedClientsAuthentication around botbuilder's own (unauthenticated) authentication: clients are made once
// per bot, service URL and audience, and a reply through a reused client still reaches the connector.
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ClaimsIdentity, ConnectorFactory, type ConnectorClient } from 'botframework-connector';
import { ReusedClientsAuthentication } from '../../../src/adapters/teams/reused-connectors';
import { personalMessage } from '../../stand-ins/teams-activities';
import { TeamsConnectorStandIn } from '../../stand-ins/teams-connector';

const connector = new TeamsConnectorStandIn();
let serviceUrl: string;

beforeAll(async () => {
  ({ url: serviceUrl } = await connector.start());
});
afterAll(() => connector.stop());

const activity = (url: string): Activity => personalMessage({ text: 'who patches rds?', serviceUrl: url }) as unknown as Activity;

async function clientFor(auth: ReusedClientsAuthentication, url: string): Promise<ConnectorClient> {
  const result = await auth.authenticateRequest(activity(url), '');
  if (!result.connectorFactory) throw new Error('no connector factory');
  return result.connectorFactory.create(url, result.audience);
}

describe('ReusedClientsAuthentication', () => {
  test('one connector client per service URL, whatever the number of turns', async () => {
    const auth = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const first = await clientFor(auth, serviceUrl);
    expect(await clientFor(auth, serviceUrl)).toBe(first);
    const other = await clientFor(auth, `${serviceUrl}/emea/`);
    expect(other).not.toBe(first);
    expect(auth.connectorClientCount).toBe(2);
  });

  test('a reused client still delivers: two replies through it reach the connector', async () => {
    connector.clear();
    const auth = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    for (const text of ['one', 'two']) {
      const inbound = activity(serviceUrl);
      const client = await clientFor(auth, serviceUrl);
      await client.conversations.replyToActivity(inbound.conversation.id, inbound.id ?? 'x', { type: 'message', text } as Activity);
    }
    const received = await connector.waitFor(2);
    expect(received.map((r) => r.activity.text)).toEqual(['one', 'two']);
  });

  test('the user-token client is made once per bot', async () => {
    const auth = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const { claimsIdentity } = await auth.authenticateRequest(activity(serviceUrl), '');
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(await auth.createUserTokenClient(claimsIdentity));
  });

  test('proactive sends (createConnectorFactory) share the same clients', async () => {
    const auth = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const identity = new ClaimsIdentity([], true);
    const a = await auth.createConnectorFactory(identity).create(serviceUrl);
    const b = await auth.createConnectorFactory(identity).create(serviceUrl);
    expect(b).toBe(a);
  });

  test('a client that could not be made is not kept: the next turn tries again', async () => {
    let attempts = 0;
    class FlakyFactory extends ConnectorFactory {
      constructor(private readonly real: ConnectorFactory) {
        super();
      }
      create(url: string, audience?: string): Promise<ConnectorClient> {
        attempts++;
        return attempts === 1 ? Promise.reject(new Error('credentials unavailable')) : this.real.create(url, audience);
      }
    }
    class FlakyAuthentication extends ConfigurationBotFrameworkAuthentication {
      override createConnectorFactory(identity: ClaimsIdentity): ConnectorFactory {
        return new FlakyFactory(super.createConnectorFactory(identity));
      }
    }
    const auth = new ReusedClientsAuthentication(new FlakyAuthentication({}));
    const identity = new ClaimsIdentity([], true);
    await expect(auth.createConnectorFactory(identity).create(serviceUrl)).rejects.toThrow('credentials unavailable');
    const client = await auth.createConnectorFactory(identity).create(serviceUrl);
    expect(await auth.createConnectorFactory(identity).create(serviceUrl)).toBe(client);
    expect(attempts).toBe(2);
  });

  test('past its bound the oldest client is forgotten', async () => {
    const auth = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}), 2);
    const identity = new ClaimsIdentity([], true);
    const factory = auth.createConnectorFactory(identity);
    const first = await factory.create(`${serviceUrl}/a/`);
    await factory.create(`${serviceUrl}/b/`);
    await factory.create(`${serviceUrl}/c/`);
    expect(auth.connectorClientCount).toBe(2);
    expect(await factory.create(`${serviceUrl}/a/`)).not.toBe(first);
  });
});
