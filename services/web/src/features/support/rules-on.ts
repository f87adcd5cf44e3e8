import { type LoanCap, type LoanRate, loanCapOn, type Names, vbspRateOn } from '@benvung/domain';

/** What the support form reads of the rules in force on a date (GET /v1/rules, or the shipped book). */
export interface SupportRules {
  loanProgrammes: ReadonlyArray<{ id: string; names: Names }>;
  loanRates: readonly LoanRate[];
  loanCaps: readonly LoanCap[];
  programmes: ReadonlyArray<{ code: string; names: Names; validFrom: string; validTo?: string | undefined }>;
  programmeComponents: ReadonlyArray<{
    code: string;
    programme: string;
    names: Names;
    validFrom?: string | undefined;
    validTo?: string | undefined;
  }>;
}

/** The VBSP rate and the cap of a lending programme on a date, by the domain's dated tables. */
export function loanTermsOn(rules: SupportRules, programme: string, date: string) {
  if (!programme || !date) return { rate: undefined, cap: undefined };
  return { rate: vbspRateOn(programme, date, rules.loanRates), cap: loanCapOn(programme, date, rules.loanCaps) };
}

/** The programme components a support action may name on a date, with the programme each belongs to. */
export function componentsOn(rules: SupportRules, date: string) {
  return rules.programmeComponents.flatMap((component) => {
    const programme = rules.programmes.find((p) => p.code === component.programme);
    if (!programme) return [];
    const from = component.validFrom ?? programme.validFrom;
    const to = component.validTo ?? programme.validTo;
    return date >= from && (to === undefined || date <= to) ? [{ component, programme }] : [];
  });
}
