import type { PovertyStandard } from './types.js';

/**
 * The 2016–2020 multidimensional standard (extended to the 2021 lists). Kept so that history
 * recorded under it can be imported and replayed; new reviews do not use it.
 */
export const VN_2016_2021: PovertyStandard = {
  id: 'VN-2016-2021',
  title: 'Multidimensional poverty standard 2016–2020 (applied to lists up to 2021)',
  legalBasis: ['Decision 59/2015/QĐ-TTg'],
  listYears: { from: 2016, to: 2021 },
  incomeLine: { rural: 700_000, urban: 900_000 },
  rule: { kind: 'two_lines', upperLine: { rural: 1_000_000, urban: 1_300_000 }, poorMinDeprivations: 3 },
  averageLivingBand: {
    rural: { above: 1_000_000, upTo: 1_500_000 },
    urban: { above: 1_300_000, upTo: 1_950_000 },
  },
  indicators: [
    { code: 'health_services', dimension: 'health', deprivedWhen: 'a sick member could not get medical care' },
    { code: 'health_insurance', dimension: 'health', deprivedWhen: 'a member aged 6 or more has no health insurance' },
    {
      code: 'adult_education',
      dimension: 'education',
      deprivedWhen: 'an adult member has not completed the expected level of schooling',
    },
    { code: 'child_schooling', dimension: 'education', deprivedWhen: 'a school-age child is not attending school' },
    { code: 'housing_quality', dimension: 'housing', deprivedWhen: 'the house is not durable' },
    { code: 'housing_area', dimension: 'housing', deprivedWhen: 'less than 8 m² of housing per person' },
    { code: 'water', dimension: 'water and sanitation', deprivedWhen: 'no safe domestic water source' },
    { code: 'sanitation', dimension: 'water and sanitation', deprivedWhen: 'no hygienic latrine' },
    { code: 'telecom', dimension: 'information', deprivedWhen: 'no member uses telecommunication services' },
    {
      code: 'information_access',
      dimension: 'information',
      deprivedWhen: 'no asset for accessing information (television, radio, computer…)',
    },
  ],
  importOnly: true,
  verify: [
    '[verify] the upper lines (1,000,000 rural / 1,300,000 urban) and the average-living band, read from secondary sources',
    '[verify] the wording of the 10 indicators; codes are this system’s own',
  ],
};
