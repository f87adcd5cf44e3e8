import { describe, expect, it } from 'vitest';
import { newlyEscapedOn, type RegisteredHousehold } from '../src/index.js';
import { assessCommand, build, registerCommand } from './support/fixtures.js';

/**
 * Issue 4's acceptance scenario: a household classified poor in 2023 (rural, income 1,200,000, 3
 * deprivations), non-poor at the December 2024 review (income 2,600,000) and poor again in 2026 reads
 * as escaped on the 2024 effective date, newly escaped until 36 months later, relapsed on the 2026
 * effective date.
 */
describe('acceptance: poor 2023, escaped December 2024, relapsed 2026', () => {
  const poor2023 = assessCommand({
    reviewType: 'regular',
    effectiveDate: '2023-05-15',
    incomePerCapitaVnd: 1_200_000,
    deprivations: ['employment', 'water', 'sanitation'],
  });
  const review2024 = assessCommand({
    reviewType: 'periodic',
    effectiveDate: '2024-12-10',
    incomePerCapitaVnd: 2_600_000,
    deprivations: [],
    decisionNo: '45/QĐ-UBND',
  });
  const poor2026 = assessCommand({
    reviewType: 'regular',
    effectiveDate: '2026-06-15',
    incomePerCapitaVnd: 1_200_000,
    deprivations: ['employment', 'water', 'sanitation'],
  });
  const { history, state } = build([registerCommand(), poor2023, review2024, poor2026]);
  const household = state as RegisteredHousehold;
  const escapedOnly = build([registerCommand(), poor2023, review2024]).state as RegisteredHousehold;

  it('classifies the household poor in 2023 under VN-2022-2026: newly poor at its first review', () => {
    expect(history[1]?.event).toMatchObject({
      data: { classification: 'poor', standardId: 'VN-2022-2026', listYear: 2023, transition: 'newly_poor' },
    });
  });

  it('reads an escape on the 2024 effective date (non-poor for the 2025 lists)', () => {
    expect(history[2]?.event).toMatchObject({
      data: {
        classification: 'non_poor',
        averageLivingBand: false,
        listYear: 2025,
        standardId: 'VN-2022-2026',
        transition: 'escaped_poverty',
      },
    });
    expect(household.escapes).toEqual([
      { eventId: history[2]?.eventId, on: '2024-12-10', from: 'poor', to: 'non_poor', newlyEscapedUntil: '2027-12-10' },
    ]);
  });

  it('reads newly escaped from the escape until 36 months later', () => {
    expect(newlyEscapedOn(escapedOnly, '2024-12-09')).toBeUndefined();
    expect(newlyEscapedOn(escapedOnly, '2024-12-10')?.on).toBe('2024-12-10');
    expect(newlyEscapedOn(escapedOnly, '2027-12-09')?.on).toBe('2024-12-10');
    expect(newlyEscapedOn(escapedOnly, '2027-12-10')).toBeUndefined();
  });

  it('reads a relapse on the 2026 effective date, which ends the newly-escaped period', () => {
    expect(history[3]?.event).toMatchObject({
      data: { classification: 'poor', previousClassification: 'non_poor', transition: 'relapsed' },
    });
    expect(household.relapses).toEqual([{ eventId: history[3]?.eventId, on: '2026-06-15', into: 'poor' }]);
    expect(household.classification).toBe('poor');
    expect(newlyEscapedOn(household, '2026-06-14')?.on).toBe('2024-12-10');
    expect(newlyEscapedOn(household, '2026-06-15')).toBeUndefined();
  });

  it('reads the same at the December 2026 periodic review under VN-2027-2030', () => {
    const periodic2026 = assessCommand({
      reviewType: 'periodic',
      effectiveDate: '2026-12-10',
      incomePerCapitaVnd: 1_200_000,
      deprivations: ['employment', 'water', 'sanitation'],
    });
    const later = build([registerCommand(), poor2023, review2024, periodic2026]).history;
    expect(later[3]?.event).toMatchObject({
      data: { listYear: 2027, standardId: 'VN-2027-2030', classification: 'poor', transition: 'relapsed' },
    });
  });
});
