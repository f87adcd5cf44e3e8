/**
 * Small-cell suppression: a figure about fewer than `threshold` households could point at a
 * household, so it is replaced by null and marked `suppressed: true`. Rows are never dropped: an
 * analyst must see that something was withheld, not a table that silently adds up differently.
 */

/** The programme's rule: groups and cells of fewer than 5 households are not published. */
export const MIN_CELL_SIZE = 5;

/** How small a count must be to be withheld. */
export interface SuppressionOptions {
  /** Counts below this are suppressed; 5 by default. */
  readonly threshold?: number;
  /**
   * Suppress zero counts too. False by default: "no household relapsed" describes no household,
   * and hiding zeros would blank most transition matrices.
   */
  readonly suppressZero?: boolean;
}

/** Whether a count of households must be withheld. */
export function isSmallCount(count: number, options: SuppressionOptions = {}): boolean {
  const threshold = options.threshold ?? MIN_CELL_SIZE;
  if (count === 0) return (options.suppressZero ?? false) && threshold > 0;
  return count < threshold;
}

/** `T` with the fields `K` nullable, and the marker. */
export type Suppressible<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null } & {
  readonly suppressed: boolean;
};

/**
 * Copies `row`, nulling `fields` when `count` (the households the row is about) is small.
 * The building block of the table-specific helpers; usable for any new table.
 */
export function suppressFields<T extends object, K extends keyof T>(
  row: T,
  count: number,
  fields: readonly K[],
  options?: SuppressionOptions,
): Suppressible<T, K> {
  return withhold(row, fields, isSmallCount(count, options));
}

/** Copies `row` with the marker, nulling `fields` when `suppressed`. */
export function withhold<T extends object, K extends keyof T>(
  row: T,
  fields: readonly K[],
  suppressed: boolean,
): Suppressible<T, K> {
  const copy: Record<PropertyKey, unknown> = { ...row, suppressed };
  if (suppressed) for (const f of fields) copy[f] = null;
  // The spread kept every field of T; only K may have become null, which is what the type says.
  return copy as Suppressible<T, K>;
}
