import { SHIPPED_RULE_BOOK, SupportActionInput } from '@benvung/domain';
import { describe, expect, it } from 'vitest';
import { componentsOn, loanTermsOn } from '../../src/features/support/rules-on';
import { emptySupportFields, takesComponent, toSupportInput } from '../../src/features/support/support-input';

const blank = emptySupportFields('2026-03-02');

describe('the support form’s body', () => {
  it('sends a loan grant’s fields only, as the API names them', () => {
    const body = toSupportInput({
      ...blank,
      programme: 'poor_household',
      loanId: 'HD-1',
      amountVnd: 50_000_000,
      termMonths: 36,
      annualRatePercent: 6.24,
      course: 'left over from another kind',
      valueVnd: 1_000,
    });
    expect(body).toEqual({
      kind: 'loan',
      action: 'granted',
      loanId: 'HD-1',
      programme: 'poor_household',
      amountVnd: 50_000_000,
      termMonths: 36,
      annualRatePercent: 6.24,
      lender: 'VBSP',
      occurredAt: '2026-03-02',
    });
    expect(SupportActionInput.safeParse(body).success).toBe(true);
  });

  it('sends a repayment with the loan picked and its amount', () => {
    const body = toSupportInput({ ...blank, action: 'repaid', loanId: 'HD-1', amountVnd: 2_000_000, purpose: 'x' });
    expect(body).toEqual({
      kind: 'loan',
      action: 'repaid',
      loanId: 'HD-1',
      amountVnd: 2_000_000,
      occurredAt: '2026-03-02',
    });
  });

  it('leaves out a livelihood group nobody filled, keeps one that was', () => {
    const base = { ...blank, kind: 'livelihood' as const, model: 'Nuôi bò', valueVnd: 15_000_000 };
    expect(toSupportInput(base)).not.toHaveProperty('group');
    const grouped = toSupportInput({ ...base, group: { name: 'Tổ 1', householdCount: 12 } });
    expect(grouped.group).toEqual({ name: 'Tổ 1', householdCount: 12 });
    expect(SupportActionInput.safeParse(grouped).success).toBe(true);
  });

  it('knows which actions name a programme component', () => {
    expect(takesComponent({ kind: 'loan', action: 'granted', stage: 'enrolled' })).toBe(true);
    expect(takesComponent({ kind: 'loan', action: 'repaid', stage: 'enrolled' })).toBe(false);
    expect(takesComponent({ kind: 'health_insurance', action: 'granted', stage: 'enrolled' })).toBe(false);
  });
});

describe('the rules a loan is entered under', () => {
  const rules = SHIPPED_RULE_BOOK.on('2026-03-02');

  it('pre-fills the rate of the table in force on the date and shows the cap', () => {
    expect(loanTermsOn(rules, 'poor_household', '2025-11-30').rate?.annualRatePercent).toBe(6.6);
    const { rate, cap } = loanTermsOn(rules, 'poor_household', '2026-03-02');
    expect(rate?.annualRatePercent).toBe(6.24);
    expect(cap?.maxAmountVnd).toBe(100_000_000);
    expect(loanTermsOn(rules, 'student', '2026-03-02').rate).toBeUndefined();
  });

  it('offers the components of the programme in force on the date', () => {
    expect(componentsOn(rules, '2025-06-01').map((c) => c.component.code)).toContain('DA2');
    const in2026 = componentsOn(rules, '2026-03-02').map((c) => c.component.code);
    expect(in2026).toContain('NTP26-01');
    expect(in2026).not.toContain('DA2');
  });
});
