import { describe, expect, it } from 'vitest';
import { type Area, classifyHousehold, type ListClassification, standardById } from '../src/index.js';

/** The first `n` indicator codes of a standard: which ones does not matter, only how many. */
const deprived = (standardId: string, n: number) =>
  (standardById(standardId)?.indicators ?? []).slice(0, n).map((i) => i.code);

type Row = [income: number, deprivations: number, classification: ListClassification, band: boolean];

/** Both sides of the line, of the 3-deprivation threshold and of the band's upper end. */
function rows(line: number, bandTop: number): Row[] {
  return [
    [0, 0, 'near_poor', false],
    [line - 1, 3, 'poor', false],
    [line, 2, 'near_poor', false],
    [line, 3, 'poor', false],
    [line, 12, 'poor', false],
    [line + 1, 3, 'non_poor', true],
    [line + 1, 0, 'non_poor', true],
    [bandTop, 0, 'non_poor', true],
    [bandTop + 1, 0, 'non_poor', false],
  ];
}

const standards: Array<{
  id: string;
  review: { effectiveDate: string; reviewType: 'periodic' | 'regular' };
  listYear: number;
  lines: Record<Area, [line: number, bandTop: number]>;
}> = [
  {
    id: 'VN-2022-2026',
    review: { effectiveDate: '2024-06-15', reviewType: 'regular' },
    listYear: 2024,
    lines: { rural: [1_500_000, 2_250_000], urban: [2_000_000, 3_000_000] },
  },
  {
    id: 'VN-2027-2030',
    review: { effectiveDate: '2026-12-10', reviewType: 'periodic' },
    listYear: 2027,
    lines: { rural: [2_200_000, 3_300_000], urban: [2_800_000, 4_200_000] },
  },
];

for (const standard of standards) {
  for (const area of ['rural', 'urban'] as const) {
    const [line, bandTop] = standard.lines[area];
    describe(`${standard.id}, ${area}`, () => {
      it.each(rows(line, bandTop))(
        'income %i with %i deprivations is %s (average-living band: %s)',
        (income, count, classification, band) => {
          const codes = deprived(standard.id, Math.min(count, standardById(standard.id)?.indicators.length ?? 0));
          const result = classifyHousehold({
            ...standard.review,
            area,
            incomePerCapitaVnd: income,
            deprivations: codes,
          });
          expect(result).toMatchObject({
            standardId: standard.id,
            listYear: standard.listYear,
            classification,
            averageLivingBand: band,
            incomeLineVnd: line,
          });
          expect(result.reasons.length).toBeGreaterThanOrEqual(2);
        },
      );
    });
  }
}

describe('VN-2016-2021 (history import), two lines', () => {
  const classify = (area: Area, income: number, n: number) =>
    classifyHousehold({
      effectiveDate: '2019-06-01',
      reviewType: 'regular',
      area,
      incomePerCapitaVnd: income,
      deprivations: deprived('VN-2016-2021', n),
    });
  it.each([
    ['rural', 700_000, 0, 'poor', false],
    ['rural', 700_001, 2, 'near_poor', false],
    ['rural', 700_001, 3, 'poor', false],
    ['rural', 1_000_000, 2, 'near_poor', false],
    ['rural', 1_000_001, 5, 'non_poor', true],
    ['rural', 1_500_000, 0, 'non_poor', true],
    ['rural', 1_500_001, 0, 'non_poor', false],
    ['urban', 900_000, 0, 'poor', false],
    ['urban', 900_001, 1, 'near_poor', false],
    ['urban', 1_300_000, 3, 'poor', false],
    ['urban', 1_300_001, 3, 'non_poor', true],
    ['urban', 1_950_001, 0, 'non_poor', false],
  ] as const)('%s income %i with %i deprivations is %s (band %s)', (area, income, n, classification, band) => {
    expect(classify(area, income, n)).toMatchObject({
      standardId: 'VN-2016-2021',
      classification,
      averageLivingBand: band,
    });
  });
});
