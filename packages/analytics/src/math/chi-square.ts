import { regularizedGammaQ } from './gamma.js';

/**
 * The upper tail P(X > x) of a chi-square distribution with `df` degrees of freedom, i.e. R's
 * `pchisq(x, df, lower.tail = FALSE)`: Q(df / 2, x / 2). Defined for df > 0 (NaN otherwise).
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(df > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}
