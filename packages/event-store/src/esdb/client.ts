import type { EventStoreDBClient } from '@eventstore/db-client';

/** The part of `@eventstore/db-client` this adapter uses: all it depends on, in one place. */
export type EsdbClient = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;
