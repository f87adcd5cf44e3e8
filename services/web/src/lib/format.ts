/**
 * Dates, numbers and money as a Vietnamese reader expects them (dd/mm/yyyy, 1.500.000 ₫), through
 * `Intl` — in English too the day comes first, as on every Vietnamese form.
 */
export type Language = 'vi' | 'en';

const LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

const dateFormats = new Map<Language, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD, or an ISO instant) as dd/mm/yyyy. */
export function formatDate(value: string | undefined | null, language: Language = 'vi'): string {
  if (!value) return '—';
  let f = dateFormats.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[language], {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(language, f);
  }
  // A bare date is a calendar day: read it at UTC midnight so no time zone moves it.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : f.format(date);
}

/** An instant as dd/mm/yyyy hh:mm in Vietnam's time (vi-VN alone would put the time first). */
export function formatDateTime(value: string | undefined | null, language: Language = 'vi'): string {
  if (!value) return '—';
  let f = dateTimeFormats.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[language], {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    dateTimeFormats.set(language, f);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const part = Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

/** A whole number with Vietnamese grouping (1.500.000). */
export function formatNumber(value: number | undefined | null, language: Language = 'vi', digits = 0): string {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: digits }).format(value);
}

/** An amount of đồng (1.500.000 ₫). */
export function formatMoney(value: number | undefined | null, language: Language = 'vi'): string {
  if (value === undefined || value === null) return '—';
  return new Intl.NumberFormat(LOCALE[language], { style: 'currency', currency: 'VND' }).format(value);
}

/** A share (0.123 → 12,3%, as vi-VN writes it). */
export function formatPercent(value: number | undefined | null, language: Language = 'vi'): string {
  if (value === undefined || value === null) return '—';
  return new Intl.NumberFormat(LOCALE[language], { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** Today in Vietnam, as YYYY-MM-DD (the default effective date of a form). */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
