import { describe, expect, it } from 'vitest';
import {
  decodeHouseholdEnvelope,
  decodeHouseholdEvent,
  encodeHouseholdEvent,
  HOUSEHOLD_EVENT_SCHEMA_VERSIONS,
  type HouseholdEvent,
} from '../src/index.js';
import { assessCommand, build, eventId, HH, registerCommand, supportCommand } from './support/fixtures.js';

const note: HouseholdEvent = { type: 'NoteAdded', data: { text: 'Mr An is ill', occurredOn: '2024-01-01' } };

describe('codec', () => {
  it('moves the head out of a registration and back', () => {
    const event = build([registerCommand()]).history[0]?.event as HouseholdEvent;
    const encoded = encodeHouseholdEvent(event);
    expect(encoded.personal).toEqual({ head: { fullName: 'Nguyễn Văn An', birthYear: 1970 } });
    expect(encoded.data).not.toHaveProperty('head');
    expect(encoded.schemaVersion).toBe(HOUSEHOLD_EVENT_SCHEMA_VERSIONS.HouseholdRegistered);
    expect(decodeHouseholdEvent(encoded)).toEqual(event);
  });

  it('keeps notes and flag reasons erasable, and reads erased ones as placeholders', () => {
    const encoded = encodeHouseholdEvent(note);
    expect(encoded).toMatchObject({ data: { occurredOn: '2024-01-01' }, personal: { text: 'Mr An is ill' } });
    expect(decodeHouseholdEvent({ ...encoded, personal: null })).toEqual({
      type: 'NoteAdded',
      data: { text: '[erased]', occurredOn: '2024-01-01' },
    });
    const flag: HouseholdEvent = {
      type: 'UnableToEscapeFlagSet',
      data: { basis: 'other', reason: 'Disability', occurredOn: '2024-01-01' },
    };
    expect(encodeHouseholdEvent(flag).personal).toEqual({ reason: 'Disability' });
  });

  it('keeps the personal fields of an amendment’s replacement erasable too', () => {
    const amended: HouseholdEvent = {
      type: 'EventAmended',
      data: { eventId: eventId(2), reason: 'Typo', occurredOn: '2024-02-01', replacement: note },
    };
    const encoded = encodeHouseholdEvent(amended);
    expect(encoded.personal).toEqual({ 'replacement.data.text': 'Mr An is ill' });
    expect(JSON.stringify(encoded.data)).not.toContain('Mr An');
    expect(amended.data).toMatchObject({ replacement: { data: { text: 'Mr An is ill' } } });
    expect(decodeHouseholdEvent(encoded)).toEqual(amended);
    expect(decodeHouseholdEvent({ ...encoded, personal: null })).toMatchObject({
      data: { replacement: { data: { text: '[erased]' } } },
    });
  });

  it('round-trips every event of a realistic history', () => {
    const { history } = build([
      registerCommand(),
      assessCommand(),
      supportCommand({
        kind: 'loan',
        action: 'granted',
        loanId: 'L1',
        programme: 'poor_household',
        amountVnd: 10_000_000,
        termMonths: 36,
        lender: 'VBSP',
        occurredAt: '2023-06-01',
      }),
      { type: 'AddNote', householdId: HH, text: 'ok', occurredOn: '2023-07-01' },
    ]);
    for (const { event } of history) expect(decodeHouseholdEvent(encodeHouseholdEvent(event))).toEqual(event);
  });

  it('decodes a recorded event into an envelope for evolve', () => {
    const encoded = encodeHouseholdEvent(note);
    expect(decodeHouseholdEnvelope({ eventId: eventId(7), ...encoded })).toEqual({ eventId: eventId(7), event: note });
  });
});
