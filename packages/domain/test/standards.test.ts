import { describe, expect, it } from 'vitest';
import {
  classifyHousehold,
  DEFAULT_STANDARDS_DATA,
  DomainError,
  LIST_YEAR_RULES,
  listYearFor,
  loanProgramme,
  POVERTY_STANDARDS,
  standardForListYear,
  VBSP_LOAN_RATES,
  vbspRateOn,
} from '../src/index.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return 'no error';
};

describe('list-year rule (data)', () => {
  it('a periodic review effective 1 Sep – 31 Dec of Y decides Y+1; a regular one decides Y', () => {
    expect(listYearFor('periodic', '2024-09-01', undefined)).toBe(2025);
    expect(listYearFor('periodic', '2024-12-31', undefined)).toBe(2025);
    expect(listYearFor('regular', '2024-12-10', undefined)).toBe(2024);
  });

  it('a periodic review effective outside 1 Sep – 31 Dec must state its list year, Y or Y+1', () => {
    expect(codeOf(() => listYearFor('periodic', '2026-01-10', undefined))).toBe('LIST_YEAR_REQUIRED');
    expect(codeOf(() => listYearFor('periodic', '2025-03-15', undefined))).toBe('LIST_YEAR_REQUIRED');
    expect(codeOf(() => listYearFor('periodic', '2025-08-31', undefined))).toBe('LIST_YEAR_REQUIRED');
    expect(listYearFor('periodic', '2026-01-10', 2026)).toBe(2026);
    expect(listYearFor('periodic', '2026-01-10', 2027)).toBe(2027);
    expect(codeOf(() => listYearFor('periodic', '2026-01-10', 2025))).toBe('LIST_YEAR_OUT_OF_RANGE');
  });

  it('accepts a stated list year the rule allows, refuses others', () => {
    expect(listYearFor('periodic', '2025-01-05', 2025)).toBe(2025);
    expect(codeOf(() => listYearFor('periodic', '2024-12-10', 2027))).toBe('LIST_YEAR_OUT_OF_RANGE');
    expect(codeOf(() => listYearFor('regular', '2024-12-10', 2025))).toBe('LIST_YEAR_OUT_OF_RANGE');
  });

  it('a baseline always states the list year it records', () => {
    expect(codeOf(() => listYearFor('baseline', '2024-01-01', undefined))).toBe('LIST_YEAR_REQUIRED');
    expect(listYearFor('baseline', '2024-01-01', 2024)).toBe(2024);
    expect(listYearFor('baseline', '2023-12-20', 2024)).toBe(2024);
  });

  it('is data: a corrected rule changes the standard a review selects', () => {
    const corrected = {
      ...DEFAULT_STANDARDS_DATA,
      listYearRules: {
        ...LIST_YEAR_RULES,
        periodic: { ...LIST_YEAR_RULES.periodic, defaults: [{ from: '09-01', to: '12-31', offset: 0 }] },
      },
    };
    const input = {
      effectiveDate: '2026-12-10',
      reviewType: 'periodic' as const,
      area: 'rural' as const,
      incomePerCapitaVnd: 2_000_000,
      deprivations: [],
    };
    expect(classifyHousehold(input).standardId).toBe('VN-2027-2030');
    expect(classifyHousehold(input, corrected).standardId).toBe('VN-2022-2026');
  });
});

describe('poverty standards (data)', () => {
  it('cover the list years 2016–2030 without gaps or overlaps', () => {
    for (let year = 2016; year <= 2030; year++) {
      expect(POVERTY_STANDARDS.filter((s) => year >= s.listYears.from && year <= s.listYears.to)).toHaveLength(1);
    }
    expect(standardForListYear(2021).id).toBe('VN-2016-2021');
    expect(standardForListYear(2022).id).toBe('VN-2022-2026');
    expect(standardForListYear(2026).id).toBe('VN-2022-2026');
    expect(standardForListYear(2027).id).toBe('VN-2027-2030');
    expect(codeOf(() => standardForListYear(2031))).toBe('NO_STANDARD_FOR_LIST_YEAR');
    expect(codeOf(() => standardForListYear(2015))).toBe('NO_STANDARD_FOR_LIST_YEAR');
  });

  it('have the indicator sets of DOMAIN.md', () => {
    const codes = (id: string) => POVERTY_STANDARDS.find((s) => s.id === id)?.indicators.map((i) => i.code) ?? [];
    expect(codes('VN-2022-2026')).toHaveLength(12);
    expect(codes('VN-2016-2021')).toHaveLength(10);
    expect(codes('VN-2027-2030')).not.toContain('information_access');
    expect(codes('VN-2027-2030')).toEqual(
      expect.arrayContaining(['digital_services', 'internet_access', 'waste_handling']),
    );
  });

  it('carry their legal basis and mark what could not be verified', () => {
    for (const s of POVERTY_STANDARDS) {
      expect(s.legalBasis.length).toBeGreaterThan(0);
      for (const item of s.verify) expect(item).toMatch(/\[verify/);
    }
    expect(POVERTY_STANDARDS.find((s) => s.id === 'VN-2027-2030')?.verify.length).toBeGreaterThan(0);
  });
});

describe('VBSP loan rates (dated data)', () => {
  it.each([
    ['poor_household', '2025-11-30', 6.6],
    ['poor_household', '2025-12-01', 6.24],
    ['near_poor_household', '2025-11-30', 7.92],
    ['near_poor_household', '2025-12-01', 7.488],
    ['newly_escaped_household', '2025-11-30', 8.25],
    ['newly_escaped_household', '2025-12-01', 7.8],
  ] as const)('%s on %s: %f%%', (programme, date, rate) => {
    expect(vbspRateOn(programme, date)?.annualRatePercent).toBe(rate);
  });

  it('keeps the near-poor and newly-escaped rates at 120% and 125% of the poor rate', () => {
    for (const date of ['2025-11-30', '2025-12-01']) {
      const poor = vbspRateOn('poor_household', date)?.annualRatePercent ?? Number.NaN;
      expect(vbspRateOn('near_poor_household', date)?.annualRatePercent).toBeCloseTo(poor * 1.2, 6);
      expect(vbspRateOn('newly_escaped_household', date)?.annualRatePercent).toBeCloseTo(poor * 1.25, 6);
    }
  });

  it('has no rate for programmes the table does not price', () => {
    expect(vbspRateOn('job_creation', '2025-01-01')).toBeUndefined();
    expect(VBSP_LOAN_RATES.every((r) => r.annualRatePercent > 0)).toBe(true);
  });

  it('keeps programme eligibility as data (caps are dated: loan-caps.test.ts)', () => {
    expect(loanProgramme('poor_household')).toMatchObject({ eligibility: 'poor' });
    expect(loanProgramme('newly_escaped_household')).toMatchObject({ eligibility: 'newly_escaped' });
  });
});
