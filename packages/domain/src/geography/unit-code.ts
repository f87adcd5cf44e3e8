import { z } from 'zod';

/**
 * Administrative unit codes (Decision 124/2004/QĐ-TTg until 30 June 2025, Decision 19/2025/QĐ-TTg
 * after): provinces 2 digits, districts 3 (abolished 1 July 2025), communes 5.
 */
export const UnitCode = z
  .string()
  .regex(/^(\d{2}|\d{3}|\d{5})$/, 'a unit code is 2 (province), 3 (district, before July 2025) or 5 (commune) digits')
  .describe(
    'Administrative unit code of the national list (Decision 19/2025/QĐ-TTg; 124/2004/QĐ-TTg before July 2025): 2 digits a province, 5 a commune (xã, phường, đặc khu), 3 a district (abolished 1 July 2025). GET /v1/units finds them.',
  );
export type UnitCode = z.infer<typeof UnitCode>;

export type UnitLevel = 'province' | 'district' | 'commune';

export function unitLevel(code: UnitCode): UnitLevel {
  if (code.length === 2) return 'province';
  if (code.length === 3) return 'district';
  return 'commune';
}
