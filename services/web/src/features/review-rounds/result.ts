import {
  type ClassificationResult,
  classifyHousehold,
  DomainError,
  localizeProblem,
  type PovertyStandard,
  type RoundKind,
  type StandardsData,
  standardForListYear,
} from '@benvung/domain';
import type { Language } from '../../lib/format';

/**
 * A survey's result as a form holds it: income per person, or the review form's scores (B1, and B2
 * when typed), with the deprivations ticked. Field names follow the API's, so the domain schema's
 * messages land on the fields they are about.
 */
export interface ResultFields {
  by: 'income' | 'scores';
  incomePerCapitaVnd: number | '';
  formScores: { incomeProxyPoints: number | ''; deprivationPoints: number | '' };
  deprivations: string[];
}

export const emptyResult = (): ResultFields => ({
  by: 'income',
  incomePerCapitaVnd: '',
  formScores: { incomeProxyPoints: '', deprivationPoints: '' },
  deprivations: [],
});

/**
 * The result as the API takes it: the figure of the chosen kind only. An empty figure stays '' so the
 * domain's schema refuses it as a field left empty ("Bắt buộc"), on the field itself.
 */
export function toResult(v: ResultFields) {
  if (v.by === 'scores') {
    const { incomeProxyPoints, deprivationPoints } = v.formScores;
    return {
      formScores: {
        incomeProxyPoints,
        ...(deprivationPoints !== '' ? { deprivationPoints } : {}),
      },
      deprivations: v.deprivations,
    };
  }
  return { incomePerCapitaVnd: v.incomePerCapitaVnd, deprivations: v.deprivations };
}

/** The standard a round's results are classified by: the one of its list year, in the rules given. */
export function roundStandard(listYear: number, data: StandardsData | undefined): PovertyStandard | undefined {
  if (!data) return undefined;
  try {
    return standardForListYear(listYear, data.standards);
  } catch {
    return undefined;
  }
}

export type Preview =
  | { state: 'incomplete' }
  | { state: 'refused'; message: string }
  | { state: 'classified'; result: ClassificationResult };

/**
 * What the domain's classifier makes of a result as typed, under the round's standard and the rules in
 * force on the step's date — the same function the server decides with. A rule it breaks (form scores
 * a standard does not define, a B2 that does not match) is said in the user's language.
 */
export function previewResult(
  fields: ResultFields,
  round: { kind: RoundKind; listYear: number },
  area: 'rural' | 'urban',
  on: string,
  data: StandardsData | undefined,
  language: Language,
): Preview {
  const income = fields.by === 'income' ? fields.incomePerCapitaVnd : '';
  const b1 = fields.by === 'scores' ? fields.formScores.incomeProxyPoints : '';
  if (!data || !/^\d{4}-\d{2}-\d{2}$/.test(on) || (income === '' && b1 === '')) return { state: 'incomplete' };
  const b2 = fields.formScores.deprivationPoints;
  try {
    const result = classifyHousehold(
      {
        effectiveDate: on,
        reviewType: round.kind,
        listYear: round.listYear,
        area,
        deprivations: fields.deprivations,
        ...(income !== '' ? { incomePerCapitaVnd: income } : {}),
        ...(b1 !== ''
          ? { formScores: { incomeProxyPoints: b1, ...(b2 !== '' ? { deprivationPoints: b2 } : {}) } }
          : {}),
      },
      data,
    );
    return { state: 'classified', result };
  } catch (error) {
    return { state: 'refused', message: domainMessage(error, language) };
  }
}

/** A domain rule's refusal in the user's language (the catalogue the server answers from). */
export function domainMessage(error: unknown, language: Language): string {
  if (error instanceof DomainError) {
    return localizeProblem({ ...(error.details ?? {}), code: error.code, status: 422 }, language).detail;
  }
  return error instanceof Error ? error.message : String(error);
}
