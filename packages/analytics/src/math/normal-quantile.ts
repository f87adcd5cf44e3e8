/**
 * Quantile of the standard normal distribution by Wichura's algorithm AS 241 (PPND16), the
 * algorithm behind R's `qnorm`, accurate to about 1 part in 10^16. R's `survfit` takes its interval
 * multiplier from `qnorm(1 - (1 - conf.int) / 2)`, so using the same algorithm keeps the bounds
 * identical to R's, not just close.
 *
 * Wichura, M. J. (1988) Algorithm AS 241: The percentage points of the normal distribution.
 * Applied Statistics 37, 477–484.
 */

// The published 20-digit coefficients, written as the doubles they round to (what R's C code gets).
// Coefficients for |p − 0.5| ≤ 0.425.
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087,
  33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943,
  5226.495278852854,
];
// Coefficients for the tails with r = sqrt(−log(min(p, 1 − p))) ≤ 5.
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506,
  0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
// Coefficients for the far tails, r > 5.
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 0.000018463183175100548,
  1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Evaluates a polynomial with coefficients in increasing degree by Horner's rule. */
function poly(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + (coefficients[i] ?? 0);
  return sum;
}

/**
 * The z with P(Z ≤ z) = p for a standard normal Z. Returns −Infinity for p = 0, +Infinity for
 * p = 1 and NaN outside [0, 1], as R's `qnorm` does.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    z = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -z : z;
}
