import type { PovertyStandard } from './types.js';

/** The 2022–2025 standard, amended and carried over to the 2026 lists. */
export const VN_2022_2026: PovertyStandard = {
  id: 'VN-2022-2026',
  title: 'Multidimensional poverty standard 2022–2025, as amended',
  legalBasis: [
    'Decree 07/2021/NĐ-CP',
    'Decree 30/2025/NĐ-CP (amending)',
    'Circular 07/2021/TT-BLĐTBXH (review scoring)',
  ],
  listYears: { from: 2022, to: 2026 },
  incomeLine: { rural: 1_500_000, urban: 2_000_000 },
  rule: { kind: 'line_and_deprivations', poorMinDeprivations: 3 },
  averageLivingBand: {
    rural: { above: 1_500_000, upTo: 2_250_000 },
    urban: { above: 2_000_000, upTo: 3_000_000 },
  },
  indicators: [
    { code: 'employment', dimension: 'employment', deprivedWhen: 'a working-age member has no stable job' },
    { code: 'dependants', dimension: 'employment', deprivedWhen: 'more than 50% of members are dependants' },
    { code: 'nutrition', dimension: 'health', deprivedWhen: 'a child under 16 is stunted or underweight' },
    { code: 'health_insurance', dimension: 'health', deprivedWhen: 'a member aged 6 or more has no health insurance' },
    {
      code: 'adult_education',
      dimension: 'education',
      deprivedWhen: 'a member aged 16–30 has neither completed nor is studying the level expected for their age',
    },
    {
      code: 'child_schooling',
      dimension: 'education',
      deprivedWhen: 'a child aged 3 to under 16 is not at the right school level',
    },
    {
      code: 'housing_quality',
      dimension: 'housing',
      deprivedWhen: 'at least 2 of the 3 main structures (walls, columns, roof) are not durable',
    },
    { code: 'housing_area', dimension: 'housing', deprivedWhen: 'less than 8 m² of housing per person' },
    { code: 'water', dimension: 'water and sanitation', deprivedWhen: 'no safe domestic water source' },
    { code: 'sanitation', dimension: 'water and sanitation', deprivedWhen: 'no hygienic latrine' },
    { code: 'telecom', dimension: 'information', deprivedWhen: 'no member uses telephone or internet services' },
    {
      code: 'information_access',
      dimension: 'information',
      deprivedWhen: 'no means of accessing information',
      verify: '[verify] wording of the indicator',
    },
  ],
  verify: ['[verify] wording of the information_access indicator'],
};
