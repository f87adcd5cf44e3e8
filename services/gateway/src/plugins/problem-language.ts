import type { ProblemLocale } from '@benvung/domain';

/** English unless asked otherwise: clients that send no Accept-Language keep the answers they had. */
export const DEFAULT_PROBLEM_LOCALE: ProblemLocale = 'en';

/**
 * The language of a problem from Accept-Language (RFC 9110 §12.5.4): the supported language (vi, en)
 * with the highest quality, matched on the primary subtag (`vi-VN` is vi); `q=0` refuses a language.
 * Equal qualities go to the one listed first; `*` or nothing supported gives the default.
 */
export function problemLocale(header: string | string[] | undefined): ProblemLocale {
  let best: { locale: ProblemLocale; q: number } | undefined;
  for (const range of [header ?? []].flat().join(',').split(',')) {
    const [tag = '', ...params] = range.split(';').map((s) => s.trim().toLowerCase());
    const primary = tag.split('-')[0];
    if (primary !== 'vi' && primary !== 'en') continue;
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    if (!best || q > best.q) best = { locale: primary, q };
  }
  return best?.locale ?? DEFAULT_PROBLEM_LOCALE;
}
