import { formatNumber, formatPercent, type Language } from '../../../lib/format';
import { toMonths } from './km';

/**
 * Statistics as a Vietnamese reader writes them (χ² = 12,34; p = 0,034; 9,9 tháng), through `Intl`
 * with the app's locales; English with the same day-first conventions as the rest of the app.
 */
const LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** A number with exactly `digits` decimals (12,30). */
export function formatFixed(value: number | null | undefined, language: Language, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(LOCALE[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A p-value after its relation sign: "< 0,001", else "= 0,034" (two significant digits). */
export function formatPValue(p: number, language: Language): string {
  if (p < 0.001) return `< ${formatFixed(0.001, language, 3)}`;
  return `= ${new Intl.NumberFormat(LOCALE[language], { maximumSignificantDigits: 2 }).format(p)}`;
}

/** Days as months with one decimal (300 → 9,9). */
export const formatMonths = (days: number | null | undefined, language: Language): string =>
  days === null || days === undefined ? '—' : formatNumber(toMonths(days), language, 1);

/** A share as a percentage (0.125 → 12,5 %). */
export const formatShare = (value: number | null | undefined, language: Language): string =>
  formatPercent(value, language);

/** A confidence interval of shares (8,1–16,9 %), or of plain numbers. */
export function formatInterval(
  lower: number | null | undefined,
  upper: number | null | undefined,
  format: (v: number) => string,
): string {
  if (lower === null || lower === undefined || upper === null || upper === undefined) return '—';
  return `${format(lower)}–${format(upper)}`;
}

/** The app's language type from i18next's language code. */
export const asLanguage = (code: string | undefined): Language => (code === 'en' ? 'en' : 'vi');
