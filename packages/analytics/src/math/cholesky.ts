/**
 * Solving V x = b for a symmetric positive semi-definite V with a generalized inverse, the way the
 * survival package does it (`cholesky2` / `chsolve2`, used by its Wald and score tests): an LDLᵀ
 * decomposition in which a pivot below `tolerance × max(diag)` is set to zero, and the matching
 * component of the solution is zero. For a non-singular V this is the ordinary solution (what
 * `survdiff`'s `solve(vv, temp2)` returns); for a singular V it is a generalized-inverse solution
 * and `rank` says how many dimensions were kept, where R's `solve` would stop with an error.
 */

/** survival's default `toler.chol`: `.Machine$double.eps^0.75`. */
export const CHOLESKY_TOLERANCE = Number.EPSILON ** 0.75;

/** The solution and the numerical rank of V. */
export interface GeneralizedSolution {
  readonly x: number[];
  readonly rank: number;
}

/** Solves V x = b; V is given as rows of a square matrix and is not modified. */
export function solveSymmetric(
  v: readonly (readonly number[])[],
  b: readonly number[],
  tolerance = CHOLESKY_TOLERANCE,
): GeneralizedSolution {
  const n = b.length;
  // Work on a flat lower-triangular copy: m[i * n + j] for j ≤ i.
  const m = new Float64Array(n * n);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) m[i * n + j] = v[i]?.[j] ?? 0;
    largest = Math.max(largest, Math.abs(m[i * n + i] ?? 0));
  }
  const eps = largest === 0 ? tolerance : largest * tolerance;

  let rank = 0;
  for (let i = 0; i < n; i++) {
    const pivot = m[i * n + i] ?? 0;
    if (!Number.isFinite(pivot) || pivot < eps) {
      // For a semi-definite V the column under a vanishing pivot vanishes too; zeroing it keeps the
      // dropped dimension out of the other components' solution.
      for (let j = i; j < n; j++) m[j * n + i] = 0;
      continue;
    }
    rank++;
    for (let j = i + 1; j < n; j++) {
      const ratio = (m[j * n + i] ?? 0) / pivot;
      m[j * n + i] = ratio;
      m[j * n + j] = (m[j * n + j] ?? 0) - ratio * ratio * pivot;
      for (let k = j + 1; k < n; k++) m[k * n + j] = (m[k * n + j] ?? 0) - ratio * (m[k * n + i] ?? 0);
    }
  }

  // Forward substitution L y = b, scale by D⁻¹ (zero where the pivot was dropped), then Lᵀ x = y.
  const x = b.slice();
  for (let i = 0; i < n; i++) {
    let sum = x[i] ?? 0;
    for (let j = 0; j < i; j++) sum -= (m[i * n + j] ?? 0) * (x[j] ?? 0);
    x[i] = sum;
  }
  for (let i = 0; i < n; i++) {
    const d = m[i * n + i] ?? 0;
    x[i] = d === 0 ? 0 : (x[i] ?? 0) / d;
  }
  for (let i = n - 1; i >= 0; i--) {
    if ((m[i * n + i] ?? 0) === 0) {
      x[i] = 0;
      continue;
    }
    let sum = x[i] ?? 0;
    for (let j = i + 1; j < n; j++) sum -= (m[j * n + i] ?? 0) * (x[j] ?? 0);
    x[i] = sum;
  }
  return { x, rank };
}
