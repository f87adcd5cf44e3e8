/**
 * Upper bounds beyond which an entry is a typing mistake rather than a fact. Amounts are per household
 * (a livelihood model's value is this household's share: the 840-million fish model served 30).
 */
export const SUPPORT_LIMITS = {
  maxValueVnd: 2_000_000_000,
  maxMonthlyWageVnd: 500_000_000,
  maxMemberCount: 100,
} as const;
