import { EsdbEventStore } from '../src/esdb/esdb-event-store.js';
import { describeEventStoreContract } from './contract/event-store-contract.js';
import { InMemoryEsdb } from './esdb/in-memory-esdb.js';

/**
 * The EventStoreDB adapter's own logic (version/revision mapping, client-side hash chain, idempotency
 * read-back, $all paging, subscription batching) under the full contract, against a test model of the
 * client — because no EventStoreDB server can run on every machine. esdb.contract.test.ts runs the same
 * contract against a real server wherever one is available.
 */
describeEventStoreContract('EventStoreDB adapter on an in-memory model of the client', async () => {
  const model = new InMemoryEsdb();
  const stores: EsdbEventStore[] = [];
  return {
    open: async (options) => {
      const store = new EsdbEventStore({
        client: model.client,
        ...(options?.upcasters ? { upcasters: options.upcasters } : {}),
      });
      stores.push(store);
      return store;
    },
    dispose: async () => {
      await Promise.all(stores.map((s) => s.close()));
    },
  };
});
