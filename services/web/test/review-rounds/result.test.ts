import { DEFAULT_STANDARDS_DATA, SurveyResult } from '@benvung/domain';
import { describe, expect, it } from 'vitest';
import { campaignWindow, defaultListYear } from '../../src/features/review-rounds/dates';
import { emptyResult, previewResult, toResult } from '../../src/features/review-rounds/result';

const round = { kind: 'periodic' as const, listYear: 2027 };

describe('a round result as a form holds it', () => {
  it('sends the figure of the chosen kind only', () => {
    const income = { ...emptyResult(), incomePerCapitaVnd: 1_500_000, deprivations: ['employment'] };
    expect(toResult(income)).toEqual({ incomePerCapitaVnd: 1_500_000, deprivations: ['employment'] });
    const scores = {
      ...income,
      by: 'scores' as const,
      formScores: { incomeProxyPoints: 120, deprivationPoints: '' as const },
    };
    expect(toResult(scores)).toEqual({ formScores: { incomeProxyPoints: 120 }, deprivations: ['employment'] });
  });

  it('leaves an empty figure for the domain schema to call required, on its field', () => {
    const parsed = SurveyResult.safeParse(toResult(emptyResult()));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['incomePerCapitaVnd']);
  });

  it('previews the classification under the standard of the round’s list year', () => {
    const fields = {
      ...emptyResult(),
      incomePerCapitaVnd: 1_500_000,
      deprivations: ['employment', 'nutrition', 'dependants'],
    };
    const poor = previewResult(fields, round, 'rural', '2026-12-06', DEFAULT_STANDARDS_DATA, 'vi');
    expect(poor).toMatchObject({ state: 'classified', result: { classification: 'poor', standardId: 'VN-2027-2030' } });
    expect(previewResult(emptyResult(), round, 'rural', '2026-12-06', DEFAULT_STANDARDS_DATA, 'vi')).toEqual({
      state: 'incomplete',
    });
  });

  it('says a refused result in the user’s language (form scores the 2027 standard does not define)', () => {
    const scores = {
      ...emptyResult(),
      by: 'scores' as const,
      formScores: { incomeProxyPoints: 100, deprivationPoints: '' as const },
    };
    const vi = previewResult(scores, round, 'rural', '2026-12-06', DEFAULT_STANDARDS_DATA, 'vi');
    expect(vi).toMatchObject({ state: 'refused', message: expect.stringContaining('chưa có thang điểm phiếu') });
    const en = previewResult(scores, round, 'rural', '2026-12-06', DEFAULT_STANDARDS_DATA, 'en');
    expect(en).toMatchObject({ state: 'refused', message: expect.stringContaining('no review-form scoring') });
  });
});

describe('the dates of opening a round', () => {
  it('defaults a periodic round to the next year’s lists from September, a regular one to its own year', () => {
    expect(defaultListYear('periodic', '2026-12-06')).toBe(2027);
    expect(defaultListYear('periodic', '2026-03-01')).toBe(2026);
    expect(defaultListYear('regular', '2026-12-06')).toBe(2026);
  });

  it('places a date inside or outside the campaign window of a list year', () => {
    const campaign = { from: '09-01', to: '12-14', listYearOffset: 1 };
    expect(campaignWindow(campaign, 2027, '2026-12-06')).toEqual({
      from: '2026-09-01',
      to: '2026-12-14',
      outside: false,
    });
    expect(campaignWindow(campaign, 2027, '2026-12-15')?.outside).toBe(true);
    expect(campaignWindow(campaign, 2026, '2026-12-06')?.outside).toBe(true);
    expect(campaignWindow(undefined, 2026, '2026-12-06')).toBeUndefined();
  });
});
