import { describe, expect, it } from 'vitest';
import type { HouseholdCommand } from '../src/index.js';
import { assessCommand, build, HH, nationalContext, registerCommand } from './support/fixtures.js';
import { given } from './support/given.js';

/**
 * Real units (a sample of the national lists): a household's area follows its commune's kind unless a
 * case worker overrides it with a reason, every classification says which it used, and every command
 * naming a unit refuses a code the lists do not know or one not valid on its date.
 */
const register = (unitCode: string, occurredOn: string, more: Partial<Parameters<typeof registerCommand>[0]> = {}) =>
  registerCommand({ unitCode, occurredOn, area: undefined, ...more });

describe('area from the commune’s kind', () => {
  it('registers in Phường Bạc Liêu (31825) on 2025-08-01 as urban, in Xã Hồng Dân (31843) as rural', () => {
    given([], nationalContext)
      .when(register('31825', '2025-08-01'))
      .thenMatch([{ data: { unitCode: '31825', area: 'urban', areaSource: 'unit_kind' } }]);
    given([], nationalContext)
      .when(register('31843', '2025-08-01'))
      .thenMatch([{ data: { unitCode: '31843', area: 'rural', areaSource: 'unit_kind' } }]);
  });

  it('registers in Phường 2 (31813) of the former Bạc Liêu city on 2024-01-01, a ward: urban', () =>
    given([], nationalContext)
      .when(register('31813', '2024-01-01'))
      .thenMatch([{ data: { unitCode: '31813', area: 'urban', areaSource: 'unit_kind' } }]));

  it('takes an override with a reason, and refuses one without', () => {
    given([], nationalContext)
      .when(register('31825', '2025-08-01', { area: 'rural', areaOverrideReason: 'Khóm ven biển sống bằng nghề nông' }))
      .thenMatch([
        { data: { area: 'rural', areaSource: 'override', areaOverrideReason: 'Khóm ven biển sống bằng nghề nông' } },
      ]);
    const error = given([], nationalContext)
      .when(register('31825', '2025-08-01', { area: 'rural' }))
      .thenThrows('AREA_OVERRIDE_NEEDS_REASON');
    expect(error.details).toMatchObject({ kind: 'ward', area: 'urban', stated: 'rural' });
  });

  it('needs the area stated in a special zone, whose kind sets none', () => {
    given([], nationalContext).when(register('26732', '2025-08-01')).thenThrows('AREA_REQUIRED');
    given([], nationalContext)
      .when(register('26732', '2025-08-01', { area: 'rural' }))
      .thenMatch([{ data: { area: 'rural', areaSource: 'stated' } }]);
  });

  it('says in every classification which area it read the lines for, and why', () => {
    const { history } = build([register('31825', '2025-08-01')], nationalContext);
    given(history, nationalContext)
      .when(assessCommand({ effectiveDate: '2025-08-15', incomePerCapitaVnd: 1_900_000, deprivations: [] }))
      .thenMatch([
        {
          data: {
            area: 'urban',
            areaSource: 'unit_kind',
            classification: 'near_poor',
            reasons: expect.arrayContaining(["urban lines: the area of commune 31825's kind"]),
          },
        },
      ]);
  });
});

describe('commands naming a unit', () => {
  const move = (toUnitCode: string, occurredOn: string): HouseholdCommand => ({
    type: 'MoveHousehold',
    householdId: HH,
    toUnitCode,
    occurredOn,
  });
  const registered = () => build([register('31843', '2025-08-01')], nationalContext).history;

  it('refuses a move to a code nobody knows (99999)', () =>
    given(registered(), nationalContext).when(move('99999', '2025-09-01')).thenThrows('UNKNOWN_UNIT'));

  it('refuses a move to 31813 dated 2025-08-01 (abolished), naming its successor', () => {
    const error = given(registered(), nationalContext)
      .when(move('31813', '2025-08-01'))
      .thenThrows('UNIT_NOT_VALID_ON_DATE');
    expect(error.details).toMatchObject({ successors: [{ code: '31825', name: 'Phường Bạc Liêu' }] });
  });

  it('moves to a ward: the household becomes urban', () =>
    given(registered(), nationalContext)
      .when(move('31825', '2025-09-01'))
      .thenMatch([{ data: { toUnitCode: '31825', area: 'urban', areaSource: 'unit_kind' } }]));
});
