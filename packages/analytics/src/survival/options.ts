import { AnalyticsInputError } from '../errors.js';
import { normalQuantile } from '../math/normal-quantile.js';
import { CONF_TYPES, type ConfType, type KaplanMeierOptions } from './types.js';

/** Options with their defaults applied and checked. */
export interface ResolvedOptions {
  readonly confType: ConfType;
  readonly confLevel: number;
  readonly includeCensored: boolean;
  /** The interval multiplier, R's `qnorm(1 - (1 - conf.int) / 2)`. */
  readonly z: number;
}

/** Applies R's defaults (`conf.type = "log"`, `conf.int = 0.95`) and rejects what R rejects. */
export function resolveOptions(options: KaplanMeierOptions = {}): ResolvedOptions {
  const confType = options.confType ?? 'log';
  const confLevel = options.confLevel ?? 0.95;
  if (!CONF_TYPES.includes(confType)) {
    throw new AnalyticsInputError('ANALYTICS_INVALID_OPTION', `unknown confType: ${String(confType)}`, { confType });
  }
  // survfit_confint: "confidence intervals must be between 0 and 1".
  if (!(confLevel > 0 && confLevel < 1)) {
    throw new AnalyticsInputError('ANALYTICS_INVALID_OPTION', `confLevel must be between 0 and 1, got ${confLevel}`, {
      confLevel,
    });
  }
  return {
    confType,
    confLevel,
    includeCensored: options.includeCensored ?? false,
    z: normalQuantile(1 - (1 - confLevel) / 2),
  };
}
