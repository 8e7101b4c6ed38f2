/** Poisson(lambda) probabilities for k = left..right, and a bound on the probability mass left out. */
export interface PoissonWeights {
  readonly left: number;
  readonly right: number;
  /** The probability of k at `weights[k - left]`, normalised to sum to 1 over left..right. */
  readonly weights: Float64Array;
  /** An upper bound on the true Poisson(lambda) mass outside left..right; never above `epsilon`. */
  readonly error: number;
}

/**
 * Poisson weights for uniformization, truncated Fox–Glynn style: the window
 * left..right holds all but at most `epsilon` of the mass, for any lambda from
 * 0 to 10^6 and beyond, without overflow or underflow.
 * @example
 * const { left, right, weights } = poissonWeights(3.5, 1e-10); // weights[k - left] ≈ e^-3.5 3.5^k / k!
 */
export function poissonWeights(lambda: number, epsilon: number): PoissonWeights {
  if (!Number.isFinite(lambda) || lambda < 0) throw new RangeError(`poissonWeights: lambda must be a finite number ≥ 0, got ${lambda}`);
  if (!(epsilon > 0 && epsilon < 1)) throw new RangeError(`poissonWeights: epsilon must lie strictly between 0 and 1, got ${epsilon}`);
  if (lambda === 0) return { left: 0, right: 0, weights: Float64Array.of(1), error: 0 };

  // Weights are relative to the mode's, which is the largest: nothing can overflow.
  const mode = Math.floor(lambda);
  // A small margin so that the rounding allowance added to `error` below keeps it under epsilon.
  const side = (epsilon / 2) * (1 - 1e-6);
  let total = 1;

  const below: number[] = [];
  let w = 1;
  let k = mode;
  let leftTail = 0;
  while (k > 0) {
    // Going left the ratios j/lambda shrink, so the rest is below a geometric series of ratio (k-1)/lambda < 1.
    const bound = (w * (k / lambda)) / (1 - (k - 1) / lambda);
    if (bound < side * total) {
      leftTail = bound;
      break;
    }
    w *= k / lambda;
    k--;
    below.push(w);
    total += w;
  }
  const left = k;

  const above: number[] = [];
  w = 1;
  k = mode;
  let rightTail = 0;
  for (;;) {
    // Going right the ratios lambda/(j+1) shrink and are below 1 from k+1 on, since k+2 > lambda.
    const bound = (w * (lambda / (k + 1))) / (1 - lambda / (k + 2));
    if (bound < side * total) {
      rightTail = bound;
      break;
    }
    w *= lambda / (k + 1);
    k++;
    above.push(w);
    total += w;
  }
  const right = k;

  const weights = new Float64Array(right - left + 1);
  for (let i = 0; i < below.length; i++) weights[mode - 1 - i - left] = below[i]! / total;
  weights[mode - left] = 1 / total;
  for (let i = 0; i < above.length; i++) weights[mode + 1 + i - left] = above[i]! / total;
  // Each weight carries at most one rounding per step from the mode: allow for it so the bound stays sound.
  const steps = Math.max(below.length, above.length) + 2;
  const error = ((leftTail + rightTail) / total) * (1 + 4 * steps * Number.EPSILON);
  return { left, right, weights, error };
}
