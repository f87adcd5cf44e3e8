import type { PovertyStandard } from './types.js';

/**
 * The 2027–2030 standard. Lines and the poor / near-poor rule are from the decree as summarised in
 * DOMAIN.md; the band and the indicator list are provisional until read in the decree itself.
 */
export const VN_2027_2030: PovertyStandard = {
  id: 'VN-2027-2030',
  title: 'Multidimensional poverty standard 2027–2030',
  legalBasis: ['Decree 351/2025/NĐ-CP (30 Dec 2025)'],
  listYears: { from: 2027, to: 2030 },
  incomeLine: { rural: 2_200_000, urban: 2_800_000 },
  rule: { kind: 'line_and_deprivations', poorMinDeprivations: 3 },
  // 150% of the line, by analogy with VN-2022-2026.
  averageLivingBand: {
    rural: { above: 2_200_000, upTo: 3_300_000 },
    urban: { above: 2_800_000, upTo: 4_200_000 },
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
      deprivedWhen: 'at least 2 of the 3 main structures are not durable',
    },
    { code: 'housing_area', dimension: 'housing', deprivedWhen: 'less than 8 m² of housing per person' },
    { code: 'water', dimension: 'water and sanitation', deprivedWhen: 'no safe domestic water source' },
    { code: 'sanitation', dimension: 'water and sanitation', deprivedWhen: 'no hygienic latrine' },
    {
      code: 'waste_handling',
      dimension: 'water and sanitation',
      deprivedWhen: 'household waste is not collected or handled hygienically',
      verify: '[verify] new indicator: code, wording and dimension',
    },
    {
      code: 'telecom',
      dimension: 'information',
      deprivedWhen: 'no member uses telephone services',
      verify: '[verify] whether kept in the final list',
    },
    {
      code: 'internet_access',
      dimension: 'information',
      deprivedWhen: 'no member has internet access',
      verify: '[verify] new indicator: code, wording and dimension',
    },
    {
      code: 'digital_services',
      dimension: 'information',
      deprivedWhen: 'no member uses digital (public or banking) services',
      verify: '[verify] new indicator: code, wording and dimension',
    },
  ],
  verify: [
    '[verify] the final indicator list: information_access dropped; digital services, internet access and waste handling added',
    '[verify] the deprivation threshold for poor (3, as under VN-2022-2026)',
    '[verify] the average-living band (taken as 150% of the line, by analogy)',
  ],
};
