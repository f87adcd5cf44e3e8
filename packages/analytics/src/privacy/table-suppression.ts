import type { WithheldReason } from './cells.js';
import { MIN_CELL_SIZE } from './suppress.js';

/**
 * Cell suppression in a two-way table whose row and column totals may be known (published here, or
 * elsewhere: a unit's lists are public). Cells of 1 to `threshold − 1` are withheld (`small`); then,
 * until nothing changes, every row and column that withholds anything withholds at least two cells
 * holding at least `threshold` households together (`complementary`, smallest non-zero first) when it
 * has them. So a margin minus the published cells gives a sum of two or more withheld cells of 5
 * households or more: never one withheld cell, never a small number. A line with no non-zero cell
 * left to withhold keeps its one withheld cell: callers publish totals only as sums of published
 * cells, never the true margin.
 *
 * Returns, per cell, null (published) or why it is withheld.
 */
export function protectTable(
  counts: readonly (readonly number[])[],
  threshold = MIN_CELL_SIZE,
): (WithheldReason | null)[][] {
  const status = counts.map((row) => row.map((c): WithheldReason | null => (c > 0 && c < threshold ? 'small' : null)));
  const lines: [number, number][][] = [];
  const nRows = counts.length;
  const nCols = Math.max(0, ...counts.map((r) => r.length));
  for (let i = 0; i < nRows; i++) lines.push(Array.from({ length: counts[i]?.length ?? 0 }, (_, j) => [i, j]));
  for (let j = 0; j < nCols; j++) {
    lines.push(
      Array.from({ length: nRows }, (_, i) => [i, j] as [number, number]).filter(([i]) => j < (counts[i]?.length ?? 0)),
    );
  }
  const value = ([i, j]: [number, number]) => counts[i]?.[j] ?? 0;
  const isWithheld = ([i, j]: [number, number]) => status[i]?.[j] !== null;
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      // Withheld zeros protect nothing (another line may show them to be 0): only non-zero cells count.
      const withheld = line.filter((c) => isWithheld(c) && value(c) > 0);
      if (withheld.length === 0) continue;
      const sum = withheld.reduce((s, c) => s + value(c), 0);
      if (withheld.length >= 2 && sum >= threshold) continue;
      const next = line.filter((c) => !isWithheld(c) && value(c) > 0).sort((a, b) => value(a) - value(b))[0];
      if (!next) continue;
      const row = status[next[0]];
      if (row) row[next[1]] = 'complementary';
      changed = true;
    }
  }
  return status;
}
