import type { ConfType } from './types.js';

/** A pair of pointwise limits; NaN where R reports NA. */
export interface Limits {
  lower: number;
  upper: number;
}

/**
 * Pointwise limits for S from the standard error of log S, following survival's
 * `survfit_confint` (R/survfit.R) with `logse = TRUE`, `ulimit = TRUE`:
 * - `plain`: S ± z·se·S, clipped to [0, 1] (`pmax(…, 0)`, `pmin(…, 1)`);
 * - `log`: exp(log S ± z·se), only the upper clipped at 1; NA when S = 0;
 * - `log-log`: exp(−exp(log(−log S) ∓ z·se / log S)), never outside (0, 1); NA when S is 0 or 1;
 * - when se = 0 (no event yet), both limits are S for `log` and `log-log`.
 * NaN propagates as R's NA does (S = 0 gives se = Inf and Inf · 0 = NaN under `plain`).
 */
export function confidenceLimits(s: number, seLog: number, z: number, type: ConfType): Limits {
  switch (type) {
    case 'plain': {
      const half = seLog * s * z;
      // Math.max/min would turn NaN into NaN too, matching pmax/pmin with na.rm = FALSE.
      return { lower: Math.max(s - half, 0), upper: Math.min(s + half, 1) };
    }
    case 'log': {
      if (seLog === 0) return { lower: s, upper: s };
      if (s === 0) return { lower: Number.NaN, upper: Number.NaN };
      const logS = Math.log(s);
      return { lower: Math.exp(logS - z * seLog), upper: Math.min(Math.exp(logS + z * seLog), 1) };
    }
    case 'log-log': {
      if (seLog === 0) return { lower: s, upper: s };
      if (s === 0 || s === 1) return { lower: Number.NaN, upper: Number.NaN };
      const logS = Math.log(s);
      const shift = (z * seLog) / logS;
      const center = Math.log(-logS);
      return { lower: Math.exp(-Math.exp(center - shift)), upper: Math.exp(-Math.exp(center + shift)) };
    }
    default: {
      const unknown: never = type;
      throw new TypeError(`unknown confidence interval type: ${String(unknown)}`);
    }
  }
}
