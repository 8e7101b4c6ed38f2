import { describe, expect, it } from 'vitest';
import { chainFromEdges, exitRates, meanTimeToReach, reachProbability, transient, type Chain } from '../../src/engine/ctmc.js';
import { poissonWeights } from '../../src/engine/fox-glynn.js';

/** A mask with 1 at the given states. */
function mask(size: number, ...states: number[]): Uint8Array {
  const m = new Uint8Array(size);
  for (const s of states) m[s] = 1;
  return m;
}

/** All mass on one state. */
function at(size: number, state: number): Float64Array {
  const p = new Float64Array(size);
  p[state] = 1;
  return p;
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/**
 * Poisson(λ) pmf at k computed directly, not by walking from the mode: for small λ as e^−λ λ^k / k!; for large λ in logs,
 * ln p = (k − λ) − k·ln(1 + (k − λ)/λ) − ½ln(2πk) − 1/(12k) + 1/(360k³) − 1/(1260k⁵) (Stirling), written so nothing large cancels.
 */
function poissonPmf(lambda: number, k: number): number {
  if (lambda <= 100) {
    let p = Math.exp(-lambda);
    for (let n = 1; n <= k; n++) p *= lambda / n;
    return p;
  }
  const d = k - lambda;
  return Math.exp(d - k * Math.log1p(d / lambda) - 0.5 * Math.log(2 * Math.PI * k) - 1 / (12 * k) + 1 / (360 * k ** 3) - 1 / (1260 * k ** 5));
}

describe('one negotiation step a → b at rate λ', () => {
  const lambda = 0.3;
  const chain = chainFromEdges(2, [[0, 1, lambda]]);

  it('reaches b by day t with probability 1 − e^{−λt}', () => {
    const times = [0, 0.5, 1, 2, 5, 10, 30];
    const { distributions, error } = transient(chain, at(2, 0), times, { absorbing: mask(2, 1) });
    // e.g. t = 2: 1 − e^{−0.6} = 0.451188363905973…
    times.forEach((t, i) => expect(distributions[i]![1]).toBeCloseTo(1 - Math.exp(-lambda * t), 9));
    expect(error).toBeLessThanOrEqual(1e-10);
  });

  it('takes 1/λ days on average', () => {
    expect(reachProbability(chain, mask(2, 1))[0]).toBe(1);
    expect(meanTimeToReach(chain, mask(2, 1))[0]).toBeCloseTo(1 / lambda, 12);
  });
});

describe('a race: a → b at 1 per day, a → c at 3 per day', () => {
  const chain = chainFromEdges(3, [[0, 1, 1], [0, 2, 3]]);

  it('ends in b one time in four and in c three times in four', () => {
    // The first jump goes to b with probability 1/(1+3) and to c with 3/(1+3).
    expect(reachProbability(chain, mask(3, 1))[0]).toBeCloseTo(0.25, 15);
    expect(reachProbability(chain, mask(3, 2))[0]).toBeCloseTo(0.75, 15);
  });

  it('reaches b after a quarter of a day on average, when it does', () => {
    // The time of the jump is Exp(1 + 3), independent of where it goes: mean 1/4 day either way.
    expect(meanTimeToReach(chain, mask(3, 1))[0]).toBeCloseTo(0.25, 15);
    expect(meanTimeToReach(chain, mask(3, 2))[0]).toBeCloseTo(0.25, 15);
  });
});

describe('talks that break down and resume: a → b (1), b → a (2), b → c (1)', () => {
  const chain = chainFromEdges(3, [[0, 1, 1], [1, 0, 2], [1, 2, 1]]);
  const c = mask(3, 2);

  it('reaches c surely, after 4 days on average from a', () => {
    // Leaving a takes 1 day on average, leaving b 1/3 day; from b the next step is a with 2/3, c with 1/3:
    //   m_a = 1 + m_b,  m_b = 1/3 + (2/3)·m_a  ⇒  m_a = 4/3 + (2/3)·m_a  ⇒  m_a = 4,  m_b = 3.
    const h = reachProbability(chain, c);
    expect(h[0]).toBeCloseTo(1, 14);
    expect(h[1]).toBeCloseTo(1, 14);
    const mean = meanTimeToReach(chain, c);
    expect(mean[0]).toBeCloseTo(4, 12);
    expect(mean[1]).toBeCloseTo(3, 12);
    expect(mean[2]).toBe(0);
  });

  it('gives first-passage probabilities that rise with t to 1, matching the closed form', () => {
    // On {a, b} the generator is [[−1, 1], [2, −3]], eigenvalues r = −2 ± √3. From a, P(in b at t) = (e^{r₁t} − e^{r₂t})/(2√3),
    // and c is entered at rate 1 from b, so P(c by t) = [(e^{r₁t} − 1)/r₁ − (e^{r₂t} − 1)/r₂]/(2√3).
    const r1 = -2 + Math.sqrt(3);
    const r2 = -2 - Math.sqrt(3);
    const exact = (t: number) => ((Math.expm1(r1 * t) / r1 - Math.expm1(r2 * t) / r2) / (2 * Math.sqrt(3)));
    const times = [0, 0.25, 1, 1, 3, 7, 14, 60, 200];
    const { distributions, error } = transient(chain, at(3, 0), times, { absorbing: c });
    const reached = distributions.map((d) => d[2]!);
    times.forEach((t, i) => expect(reached[i]).toBeCloseTo(exact(t), 9));
    for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeGreaterThanOrEqual(reached[i - 1]!);
    for (const d of distributions) expect(Math.abs(sum(d) - 1)).toBeLessThanOrEqual(error);
    // The slower eigenvalue is 2 − √3 ≈ 0.268 per day: by day 200 what is left is ~e^{−54}.
    expect(reached.at(-1)).toBeCloseTo(1, 12);
  });

  it('returns fresh arrays and leaves the initial distribution alone', () => {
    const initial = at(3, 0);
    const { distributions } = transient(chain, initial, [0, 0, 2]);
    expect(distributions[0]).not.toBe(initial);
    expect(distributions[1]).not.toBe(distributions[0]);
    expect([...distributions[0]!]).toEqual([1, 0, 0]);
    expect([...initial]).toEqual([1, 0, 0]);
  });
});

describe('a state that can never reach the target', () => {
  it('has probability 0 and no mean time', () => {
    // 0 → 1 (target) or 0 → 2 → 3, and neither 2 nor 3 leads anywhere near 1; 4 has no moves at all.
    const chain = chainFromEdges(5, [[0, 1, 1], [0, 2, 1], [2, 3, 5], [3, 2, 5]]);
    const h = reachProbability(chain, mask(5, 1));
    expect([...h]).toEqual([0.5, 1, 0, 0, 0]);
    const mean = meanTimeToReach(chain, mask(5, 1));
    expect(mean[0]).toBeCloseTo(0.5, 15);
    expect(mean[1]).toBe(0);
    expect(mean.slice(2).every(Number.isNaN)).toBe(true);
  });
});

describe('a long line of steps', () => {
  it('is analysed without running out of stack: 100,000 one-day steps take 99,999 days from the start', () => {
    const n = 100_000;
    const line = chainFromEdges(n, Array.from({ length: n - 1 }, (_, i) => [i, i + 1, 1] as const));
    const end = mask(n, n - 1);
    expect(reachProbability(line, end).every((p) => p === 1)).toBe(true);
    const mean = meanTimeToReach(line, end);
    // Each of the n − 1 steps takes 1 day on average.
    expect(mean[0]).toBe(n - 1);
    expect(mean[n - 2]).toBe(1);
  });
});

describe('an Erlang chain: k phases at rate k/D each', () => {
  const k = 4;
  const days = 10;
  const rate = k / days;
  const chain = chainFromEdges(k + 1, Array.from({ length: k }, (_, i) => [i, i + 1, rate] as const));

  it('is done by day t with probability 1 − Σ_{n<k} e^{−kt/D}(kt/D)^n/n!', () => {
    const erlang = (t: number) => {
      let term = Math.exp(-rate * t);
      let below = 0;
      for (let n = 0; n < k; n++) {
        below += term;
        term *= (rate * t) / (n + 1);
      }
      return 1 - below;
    };
    // e.g. t = 10: 1 − e^{−4}(1 + 4 + 8 + 32/3) = 0.566529879633291…
    const times = [0.1, 1, 5, 10, 20, 45];
    const { distributions } = transient(chain, at(k + 1, 0), times, { epsilon: 1e-12 });
    times.forEach((t, i) => expect(distributions[i]![k]).toBeCloseTo(erlang(t), 10));
    expect(erlang(10)).toBeCloseTo(0.566529879633291, 14);
  });

  it('takes D days on average', () => {
    // k phases of mean D/k each.
    expect(meanTimeToReach(chain, mask(k + 1, k))[0]).toBeCloseTo(days, 12);
  });
});

describe('a large strongly connected component', () => {
  // A ring of 1,000 rounds of talks, each moving on at 1 to 1.6 per day, sometimes settling (state n) or collapsing (state n + 1).
  const n = 1000;
  const edges: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    edges.push([i, (i + 1) % n, 1 + (i % 7) / 10], [i, n, 0.001 * (1 + (i % 3))]);
    if (i % 5 === 0) edges.push([i, n + 1, 0.002]);
  }
  const chain = chainFromEdges(n + 2, edges);
  const settled = mask(n + 2, n);

  it('gives the same answers by Gauss–Seidel as by dense elimination, to 1e-12', () => {
    const dense = reachProbability(chain, settled, { denseLimit: 2000 });
    const iterated = reachProbability(chain, settled, { denseLimit: 1 });
    for (let s = 0; s < n; s++) expect(Math.abs(iterated[s]! - dense[s]!)).toBeLessThanOrEqual(1e-12);
    const denseMean = meanTimeToReach(chain, settled, { denseLimit: 2000 });
    const iteratedMean = meanTimeToReach(chain, settled, { denseLimit: 1 });
    for (let s = 0; s < n; s++) expect(Math.abs(iteratedMean[s]! - denseMean[s]!)).toBeLessThanOrEqual(1e-12 * denseMean[s]!);
    // Settling and collapsing are the only ways out, so their probabilities add to 1.
    const collapsed = reachProbability(chain, mask(n + 2, n + 1));
    for (let s = 0; s < n; s++) expect(dense[s]! + collapsed[s]!).toBeCloseTo(1, 12);
  });

  it('throws rather than return an unconverged answer', () => {
    expect(() => reachProbability(chain, settled, { denseLimit: 1, maxSweeps: 2 })).toThrow(/did not converge/);
  });
});

describe('Poisson weights', () => {
  it('are a single 1 for λ = 0', () => {
    const w = poissonWeights(0, 1e-10);
    expect(w).toMatchObject({ left: 0, right: 0, error: 0 });
    expect([...w.weights]).toEqual([1]);
  });

  it.each([0.5, 10, 1000, 1e5, 1e6])('match the Poisson pmf and leave out at most `error` for λ = %d', (lambda) => {
    const epsilon = 1e-10;
    const { left, right, weights, error } = poissonWeights(lambda, epsilon);
    expect(error).toBeGreaterThan(0);
    expect(error).toBeLessThanOrEqual(epsilon);
    expect(weights.length).toBe(right - left + 1);
    expect(sum(weights)).toBeCloseTo(1, 12);
    let inside = 0;
    for (let k = left; k <= right; k++) {
      const p = poissonPmf(lambda, k);
      inside += p;
      // Normalising over the window scales every weight up by 1/(1 − mass left out): relative error about epsilon.
      expect(Math.abs(weights[k - left]! - p)).toBeLessThanOrEqual(1e-9 * p);
    }
    expect(inside).toBeGreaterThanOrEqual(1 - error - 1e-12);
    // The window is not wastefully wide: about ±7 standard deviations at this epsilon.
    expect(right - left).toBeLessThan(16 * Math.sqrt(lambda) + 20);
  });

  it('match e^−λ λ^k / k! computed directly for small λ', () => {
    const lambda = 2.5;
    const { left, weights } = poissonWeights(lambda, 1e-12);
    expect(left).toBe(0);
    // e.g. k = 2: e^−2.5 · 2.5² / 2 = 0.0820849986… · 3.125 = 0.256515620…
    expect(weights[2]).toBeCloseTo(0.256515620699684, 12);
    let p = Math.exp(-lambda);
    for (let k = 0; k < 12; k++, p *= lambda / k) expect(weights[k]).toBeCloseTo(p, 12);
  });
});

describe('bad input', () => {
  const chain = chainFromEdges(2, [[0, 1, 1]]);

  it('refuses a negative, NaN or infinite rate and an unknown state', () => {
    expect(() => chainFromEdges(2, [[0, 1, -1]])).toThrow(RangeError);
    expect(() => chainFromEdges(2, [[0, 1, Number.NaN]])).toThrow(RangeError);
    expect(() => chainFromEdges(2, [[0, 1, Infinity]])).toThrow(RangeError);
    expect(() => chainFromEdges(2, [[0, 2, 1]])).toThrow(/outside 0\.\.1/);
  });

  it('sums parallel edges and drops self-loops and zero rates', () => {
    const built = chainFromEdges(3, [[0, 1, 1], [0, 0, 5], [0, 2, 0], [0, 1, 2], [2, 0, 1]]);
    expect([...built.rowStart]).toEqual([0, 1, 1, 2]);
    expect([...built.target]).toEqual([1, 0]);
    expect([...built.rate]).toEqual([3, 1]);
    expect([...exitRates(built)]).toEqual([3, 0, 1]);
  });

  it('refuses decreasing or negative times, a bad initial distribution and a bad epsilon', () => {
    const start = at(2, 0);
    expect(() => transient(chain, start, [2, 1])).toThrow(/non-decreasing/);
    expect(() => transient(chain, start, [-1])).toThrow(RangeError);
    expect(() => transient(chain, Float64Array.of(0.5, 0.4), [1])).toThrow(/sum to 1/);
    expect(() => transient(chain, at(3, 0), [1])).toThrow(/3 entries but the chain has 2/);
    expect(() => transient(chain, start, [1], { epsilon: 0 })).toThrow(RangeError);
    expect(() => transient(chain, start, [1], { epsilon: 1 })).toThrow(RangeError);
    expect(() => poissonWeights(-1, 1e-10)).toThrow(RangeError);
    expect(() => poissonWeights(Number.NaN, 1e-10)).toThrow(RangeError);
    expect(() => poissonWeights(1, 2)).toThrow(RangeError);
    expect(() => reachProbability(chain, mask(3, 1))).toThrow(RangeError);
  });

  it('leaves a chain without moves where it is', () => {
    const still: Chain = chainFromEdges(2, []);
    const { distributions, error } = transient(still, Float64Array.of(0.25, 0.75), [0, 100]);
    expect([...distributions[1]!]).toEqual([0.25, 0.75]);
    expect(error).toBe(0);
  });
});
