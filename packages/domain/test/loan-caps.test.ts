import { describe, expect, it } from 'vitest';
import { LOAN_CAPS, LOAN_LIMITS, LOAN_PROGRAMMES, type LoanCap, loanCapOn } from '../src/index.js';

describe('loan caps', () => {
  it('caps poor-household loans at 100 million VND and 120 months since 2019', () => {
    expect(loanCapOn('poor_household', '2019-01-01')).toMatchObject({
      maxAmountVnd: 100_000_000,
      maxTermMonths: 120,
    });
    expect(loanCapOn('poor_household', '2018-12-31')).toBeUndefined();
  });

  it('caps near-poor and newly-escaped loans at the poor-household amount and 60 months', () => {
    for (const programme of ['near_poor_household', 'newly_escaped_household'] as const) {
      expect(loanCapOn(programme, '2025-01-01')).toMatchObject({ maxAmountVnd: 100_000_000, maxTermMonths: 60 });
    }
  });

  it('has no cap for programmes that only get LOAN_LIMITS', () => {
    expect(loanCapOn('job_creation', '2025-01-01')).toBeUndefined();
  });

  it('keeps each cap within LOAN_LIMITS, with a basis and a maximum', () => {
    for (const cap of LOAN_CAPS) {
      expect(LOAN_PROGRAMMES.map((p) => p.id)).toContain(cap.programme);
      expect(cap.basis.length).toBeGreaterThan(0);
      expect(cap.maxAmountVnd !== undefined || cap.maxTermMonths !== undefined).toBe(true);
      expect(cap.maxAmountVnd ?? 1).toBeLessThanOrEqual(LOAN_LIMITS.maxAmountVnd);
      expect(cap.maxTermMonths ?? 1).toBeLessThanOrEqual(LOAN_LIMITS.maxTermMonths);
      if (cap.verify !== undefined) expect(cap.verify).toContain('[verify]');
    }
  });

  it('never has two caps of a programme in force on the same day', () => {
    for (const a of LOAN_CAPS) {
      for (const b of LOAN_CAPS) {
        if (a === b || a.programme !== b.programme) continue;
        const overlap =
          (a.validFrom ?? '0000-01-01') <= (b.validTo ?? '9999-12-31') &&
          (b.validFrom ?? '0000-01-01') <= (a.validTo ?? '9999-12-31');
        expect(overlap, `${a.programme} caps overlap`).toBe(false);
      }
    }
  });

  it('takes the cap in force on the date from the table it is given', () => {
    const caps: LoanCap[] = [
      { programme: 'poor_household', validTo: '2024-06-30', maxAmountVnd: 50_000_000, basis: 'old' },
      { programme: 'poor_household', validFrom: '2024-07-01', maxAmountVnd: 80_000_000, basis: 'new' },
    ];
    expect(loanCapOn('poor_household', '2024-06-30', caps)?.basis).toBe('old');
    expect(loanCapOn('poor_household', '2024-07-01', caps)?.basis).toBe('new');
  });
});
