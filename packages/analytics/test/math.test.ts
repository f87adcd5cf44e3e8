import { describe, expect, it } from 'vitest';
import { chiSquareUpperTail, logGamma, normalQuantile, regularizedGammaP, regularizedGammaQ } from '../src/index.js';
import { solveSymmetric } from '../src/math/cholesky.js';

/** |actual − expected| ≤ rel · |expected|. */
const expectRelative = (actual: number, expected: number, rel = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

describe('normalQuantile (AS 241, as R qnorm)', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.3, -0.5244005127080409],
    [1e-10, -6.361340902404056],
  ])('qnorm(%d) = %d', (p, z) => expectRelative(normalQuantile(p), z, 1e-15));

  it('is 0 at 0.5, infinite at the ends and NaN outside [0, 1]', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('chiSquareUpperTail (as R pchisq(lower.tail = FALSE); references from scipy)', () => {
  it.each([
    [3.4, 1, 0.06519641907813026],
    [16.8, 1, 4.153330286677669e-5],
    [10, 4, 0.04042768199451279],
    [0.5, 3, 0.9188914116546758],
    [200, 5, 2.8406228986415534e-41],
    [1e-3, 1, 0.9747728793699604],
    [30, 2, 3.0590232050182594e-7],
    [50, 10, 2.669083424904495e-7],
    [0.01, 7, 0.999999999243059],
  ])('pchisq(%d, %d) upper = %d', (x, df, p) => expectRelative(chiSquareUpperTail(x, df), p, 1e-12));

  it('is 1 at 0 and NaN without degrees of freedom', () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(chiSquareUpperTail(5, 0)).toBeNaN();
  });

  it('keeps P + Q = 1 and log Γ exact on integers', () => {
    for (const [a, x] of [
      [0.5, 0.2],
      [3, 2.5],
      [10, 14],
    ] as const) {
      expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 14);
    }
    expectRelative(logGamma(10), Math.log(362880), 1e-14);
    expectRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
  });
});

describe('solveSymmetric (survival cholesky2/chsolve2)', () => {
  it('solves a positive-definite system exactly', () => {
    const v = [
      [4, 2, 0.6],
      [2, 5, 1],
      [0.6, 1, 3],
    ];
    const b = [1, 2, 3];
    const { x, rank } = solveSymmetric(v, b);
    expect(rank).toBe(3);
    v.forEach((row, i) => {
      expect(row.reduce((sum, vij, j) => sum + vij * (x[j] ?? 0), 0)).toBeCloseTo(b[i] ?? 0, 12);
    });
  });

  it('uses a generalized inverse when the matrix is singular', () => {
    // Second row and column are a copy of the first: rank 1.
    const { x, rank } = solveSymmetric(
      [
        [2, 2],
        [2, 2],
      ],
      [4, 4],
    );
    expect(rank).toBe(1);
    expect(x).toEqual([2, 0]);
  });
});
