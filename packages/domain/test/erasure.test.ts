import { describe, expect, it } from 'vitest';
import {
  decodeHouseholdEvent,
  ErasePersonalData,
  encodeHouseholdEvent,
  type HouseholdCommand,
  replay,
} from '../src/index.js';
import { build, escaped, eventId, HH, registerCommand } from './support/fixtures.js';
import { given } from './support/given.js';

const erase = (overrides: Partial<ErasePersonalData> = {}): HouseholdCommand => ({
  type: 'ErasePersonalData',
  householdId: HH,
  reason: 'Chủ hộ có đơn yêu cầu xoá',
  erasedEvents: 3,
  occurredOn: '2025-12-01',
  ...overrides,
});

describe('ErasePersonalData', () => {
  it('records PersonalDataErased, with no personal data, and changes no fact of the household', () => {
    const history = escaped();
    const before = replay(history);
    const after = given(history)
      .when(erase())
      .then([
        {
          type: 'PersonalDataErased',
          data: { reason: 'Chủ hộ có đơn yêu cầu xoá', erasedEvents: 3, occurredOn: '2025-12-01' },
        },
      ]);
    if (after.status === 'unregistered' || before.status === 'unregistered') throw new Error('not registered');
    const { version: _v, log: _l, ...facts } = after;
    const { version: _bv, log: _bl, ...factsBefore } = before;
    expect(facts).toEqual(factsBefore);
    expect(after.version).toBe(before.version + 1);
  });

  it('is allowed on a closed household, refused on an unregistered one or with nothing to erase', () => {
    const closed = build([
      registerCommand(),
      { type: 'CloseHousehold', householdId: HH, reason: 'deceased', occurredOn: '2024-02-01' },
    ]).history;
    given(closed)
      .when(erase())
      .thenMatch([{ type: 'PersonalDataErased' }]);
    given([]).when(erase()).thenThrows('HOUSEHOLD_NOT_FOUND');
    given(closed)
      .when(erase({ erasedEvents: 0 }))
      .thenThrows('NOTHING_TO_ERASE');
  });

  it('cannot be voided: the names would not come back', () => {
    const history = build([registerCommand(), erase()]).history;
    given(history)
      .when({ type: 'VoidEvent', householdId: HH, eventId: eventId(2), reason: 'nhầm', occurredOn: '2025-12-02' })
      .thenThrows('EVENT_NOT_CORRECTABLE');
  });

  it('takes a reason of 10–500 characters, and keeps no personal part', () => {
    const parse = (reason: string) => ErasePersonalData.safeParse({ ...erase(), reason }).success;
    expect([parse('ngắn quá'), parse('đủ mười ký tự'), parse('x'.repeat(500)), parse('x'.repeat(501))]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    const event = {
      type: 'PersonalDataErased' as const,
      data: { reason: 'Chủ hộ có đơn yêu cầu xoá', erasedEvents: 1, occurredOn: '2025-12-01' },
    };
    const encoded = encodeHouseholdEvent(event);
    expect(encoded.personal).toBeNull();
    expect(decodeHouseholdEvent(encoded)).toEqual(event);
  });
});
