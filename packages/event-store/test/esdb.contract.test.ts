import { containerRuntimeAvailable } from '@benvung/testkit';
import { EsdbEventStore } from '../src/esdb/esdb-event-store.js';
import { describeEventStoreContract } from './contract/event-store-contract.js';

/**
 * EventStoreDB runs where EVENTSTORE_CONNECTION_STRING names a server or testcontainers finds a
 * container runtime (an insecure single node is started). Elsewhere the suite is registered as
 * skipped and says why, in its name and on the console.
 */
const IMAGE = process.env.EVENTSTORE_IMAGE ?? 'eventstore/eventstore:24.10';
const fromEnv = process.env.EVENTSTORE_CONNECTION_STRING;
const runtime = fromEnv ? false : await containerRuntimeAvailable();
const skipReason =
  fromEnv || runtime ? undefined : 'no EVENTSTORE_CONNECTION_STRING and no container runtime for testcontainers';
if (skipReason) console.info(`[event-store] EventStoreDB contract suite skipped: ${skipReason}`);

async function connectionString(): Promise<{ url: string; stop(): Promise<void> }> {
  if (fromEnv) return { url: fromEnv, stop: async () => {} };
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(IMAGE)
    .withEnvironment({
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
      EVENTSTORE_MEM_DB: 'true',
    })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
    .withStartupTimeout(120_000)
    .start();
  return {
    url: `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    stop: async () => {
      await container.stop();
    },
  };
}

describeEventStoreContract(
  'EventStoreDB',
  async () => {
    const server = await connectionString();
    const stores: EsdbEventStore[] = [];
    return {
      open: async (options) => {
        const store = new EsdbEventStore({
          connectionString: server.url,
          ...(options?.upcasters ? { upcasters: options.upcasters } : {}),
        });
        stores.push(store);
        return store;
      },
      // Stored events cannot be changed, nor appends held open: those contract tests are skipped here.
      dispose: async () => {
        await Promise.all(stores.map((s) => s.close()));
        await server.stop();
      },
    };
  },
  skipReason,
);
