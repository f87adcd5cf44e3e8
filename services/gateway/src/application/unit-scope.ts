/**
 * Whether a caller whose token lists `scopes` may act on a household recorded in `unitCode`.
 * `covers(scope, unit)` comes from the geography registry: a province covers its communes, and old
 * codes (before the July 2025 reorganisation) are rolled up to the unit that holds them.
 */
export type UnitCovers = (scope: string, unitCode: string) => boolean;

export function inScope(scopes: readonly string[], unitCode: string, covers: UnitCovers): boolean {
  return scopes.some((scope) => scope === unitCode || covers(scope, unitCode));
}
