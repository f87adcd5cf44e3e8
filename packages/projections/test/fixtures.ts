import { randomUUID } from 'node:crypto';
import { encodeHouseholdEvent, householdStreamId } from '@benvung/domain';
import type { EventStore } from '@benvung/event-store';

/** Registers a household through the store, as the gateway would. */
export async function registerHousehold(
  store: EventStore,
  unitCode: string,
  registeredOn = '2025-09-15',
): Promise<string> {
  const householdId = randomUUID();
  const encoded = encodeHouseholdEvent({
    type: 'HouseholdRegistered',
    data: { householdId, head: { fullName: 'Phạm Văn Dũng' }, memberCount: 4, area: 'rural', unitCode, registeredOn },
  });
  await store.appendToStream(
    householdStreamId(householdId),
    [{ ...encoded, occurredAt: new Date(registeredOn), metadata: { actorId: 'cw-1', actorRole: 'case_worker' } }],
    { expectedVersion: 'no_stream' },
  );
  return householdId;
}
