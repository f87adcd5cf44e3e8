/** The same keys as `T`, every leaf a string: an English text for each Vietnamese one. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/**
 * A feature's texts, Vietnamese first: the English object must have exactly the same keys, so a
 * missing translation is a type error, not a blank on screen.
 */
export function defineMessages<const T extends Record<string, unknown>>(vi: T, en: Messages<T>) {
  return { vi, en };
}
