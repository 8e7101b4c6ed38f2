import { poissonWeights } from './fox-glynn.js';
import { components, groupBy, solveComponents, type Components, type SolveLimits } from './_linear.js';

/** A CTMC on states 0..size-1 in compressed rows: state s's transitions are rowStart[s]..rowStart[s+1]-1, to target[i] at rate[i] per day. No self-loops, every rate > 0. */
export interface Chain {
  readonly size: number;
  readonly rowStart: Int32Array;
  readonly target: Int32Array;
  readonly rate: Float64Array;
}

/** Strongly connected components of more states than this are solved by Gauss–Seidel rather than dense elimination. */
export const DENSE_LIMIT = 400;
/** Gauss–Seidel stops once a sweep changes no value by more than this, relative to the component's largest value. */
export const SWEEP_TOLERANCE = 1e-15;
/** Gauss–Seidel gives up, and throws, after this many sweeps over one component. */
export const MAX_SWEEPS = 100_000;

/** Options of {@link reachProbability} and {@link meanTimeToReach}. */
export interface SolveOptions {
  /** Largest component solved by dense elimination (default {@link DENSE_LIMIT}); 1 sends every multi-state component to Gauss–Seidel. */
  readonly denseLimit?: number;
  /** Most Gauss–Seidel sweeps over one component before throwing (default {@link MAX_SWEEPS}). */
  readonly maxSweeps?: number;
}

const limitsOf = (options: SolveOptions): SolveLimits => ({ denseLimit: options.denseLimit ?? DENSE_LIMIT, maxSweeps: options.maxSweeps ?? MAX_SWEEPS, tolerance: SWEEP_TOLERANCE });

/** Options of {@link transient}. */
export interface TransientOptions {
  /** Bound on the total-variation error of every distribution (default 1e-10). */
  readonly epsilon?: number;
  /** States with absorbing[s] = 1 keep their mass: their transitions are ignored. */
  readonly absorbing?: Uint8Array;
}

/** What {@link transient} returns: one distribution per time, and a bound on their total-variation error. */
export interface TransientResult {
  readonly distributions: Float64Array[];
  readonly error: number;
}

/**
 * Build a chain; parallel edges are summed, self-loops and zero rates dropped; a negative, NaN or infinite rate or an out-of-range state is a RangeError.
 * @example
 * const race = chainFromEdges(3, [[0, 1, 1], [0, 2, 3]]); // from 0: to 1 at 1 per day, to 2 at 3 per day
 */
export function chainFromEdges(size: number, edges: Iterable<readonly [from: number, to: number, rate: number]>): Chain {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`chainFromEdges: size must be a whole number ≥ 0, got ${size}`);
  const from: number[] = [];
  const to: number[] = [];
  const rates: number[] = [];
  for (const edge of edges) {
    const [f, t, r] = edge;
    if (!isState(f, size) || !isState(t, size)) throw new RangeError(`chainFromEdges: edge ${f} → ${t} names a state outside 0..${size - 1}`);
    if (!(r >= 0 && r < Infinity)) throw new RangeError(`chainFromEdges: the rate of ${f} → ${t} must be finite and ≥ 0, got ${r}`);
    if (f === t || r === 0) continue;
    from.push(f);
    to.push(t);
    rates.push(r);
  }
  // Group by source (stably), then merge parallel edges within each row in first-seen order.
  const bySource = groupBy(from, size);
  const rowStart = new Int32Array(size + 1);
  const target = new Int32Array(from.length);
  const rate = new Float64Array(from.length);
  const slot = new Int32Array(size).fill(-1);
  let n = 0;
  for (let s = 0; s < size; s++) {
    rowStart[s] = n;
    for (let i = bySource.start[s]!; i < bySource.start[s + 1]!; i++) {
      const e = bySource.order[i]!;
      const t = to[e]!;
      if (slot[t]! >= rowStart[s]!) rate[slot[t]!]! += rates[e]!;
      else {
        slot[t] = n;
        target[n] = t;
        rate[n++] = rates[e]!;
      }
    }
  }
  rowStart[size] = n;
  return { size, rowStart, target: target.slice(0, n), rate: rate.slice(0, n) };
}

/** Total exit rate of every state. */
export function exitRates(chain: Chain): Float64Array {
  checkChain(chain);
  const exit = new Float64Array(chain.size);
  for (let s = 0; s < chain.size; s++) {
    for (let e = chain.rowStart[s]!; e < chain.rowStart[s + 1]!; e++) exit[s]! += chain.rate[e]!;
  }
  return exit;
}

/** For every state, the probability of ever entering `target` (states with target[s] = 1 have 1). */
export function reachProbability(chain: Chain, target: Uint8Array, options: SolveOptions = {}): Float64Array {
  checkMask(chain, target, 'reachProbability', 'target');
  return reach(chain, exitRates(chain), target, options).h;
}

/** For every state, the expected days until `target` is first entered, given that it is (NaN where the probability is 0; 0 on target). */
export function meanTimeToReach(chain: Chain, target: Uint8Array, options: SolveOptions = {}): Float64Array {
  checkMask(chain, target, 'meanTimeToReach', 'target');
  const exit = exitRates(chain);
  const { h, parts } = reach(chain, exit, target, options);
  // g_s = E[T·1{reached}] solves q_s g_s = h_s + Σ_j q_sj g_j on the same components; it is 0 wherever h is fixed.
  const g = new Float64Array(chain.size);
  solveComponents(chain, exit, parts, g, h, limitsOf(options));
  const mean = new Float64Array(chain.size);
  for (let s = 0; s < chain.size; s++) mean[s] = target[s] ? 0 : h[s]! > 0 ? g[s]! / h[s]! : NaN;
  return mean;
}

/**
 * The distribution at each of `times` (days, non-decreasing, ≥ 0) from `initial`, by uniformization; states with absorbing[s] = 1 keep their mass (their rows are ignored), which gives first-passage probabilities "reached by t". `error` bounds the total-variation error of every returned distribution.
 * @example
 * const { distributions } = transient(chain, Float64Array.of(1, 0), [1, 7, 30], { absorbing: Uint8Array.of(0, 1) }); // distributions[i][1] = P(state 1 by times[i])
 */
export function transient(chain: Chain, initial: Float64Array, times: readonly number[], options: TransientOptions = {}): TransientResult {
  checkChain(chain);
  const n = chain.size;
  const epsilon = options.epsilon ?? 1e-10;
  if (!(epsilon > 0 && epsilon < 1)) throw new RangeError(`transient: epsilon must lie strictly between 0 and 1, got ${epsilon}`);
  if (initial.length !== n) throw new RangeError(`transient: initial has ${initial.length} entries but the chain has ${n} states`);
  const bad = initial.findIndex((p) => !(p >= 0 && p < Infinity));
  if (bad >= 0) throw new RangeError(`transient: initial[${bad}] must be a probability ≥ 0, got ${initial[bad]}`);
  const sum = initial.reduce((total, p) => total + p, 0);
  if (Math.abs(sum - 1) > 1e-9) throw new RangeError(`transient: initial must sum to 1 (within 1e-9), but sums to ${sum}`);
  const absorbing = options.absorbing ?? new Uint8Array(n);
  checkMask(chain, absorbing, 'transient', 'absorbing');
  times.forEach((t, i) => {
    if (!Number.isFinite(t) || t < 0) throw new RangeError(`transient: times[${i}] must be a finite number of days ≥ 0, got ${t}`);
    if (i > 0 && t < times[i - 1]!) throw new RangeError(`transient: times must be non-decreasing, but times[${i}] = ${t} follows ${times[i - 1]}`);
  });

  const exit = exitRates(chain);
  let q = 0;
  for (let s = 0; s < n; s++) if (!absorbing[s]) q = Math.max(q, exit[s]!);
  // A rate a little above the largest keeps every state's stay probability positive (aperiodic P).
  q *= 1.02;
  const stay = new Float64Array(n);
  for (let s = 0; s < n; s++) stay[s] = absorbing[s] || q === 0 ? 1 : 1 - exit[s]! / q;

  let current = Float64Array.from(initial);
  let now = 0;
  let error = 0;
  const distributions: Float64Array[] = [];
  for (const t of times) {
    if (t > now && q > 0) {
      const poisson = poissonWeights(q * (t - now), epsilon / times.length);
      const result = new Float64Array(n);
      let power = current.slice();
      let next = new Float64Array(n);
      for (let k = 0; k <= poisson.right; k++) {
        if (k >= poisson.left) {
          const w = poisson.weights[k - poisson.left]!;
          for (let s = 0; s < n; s++) result[s]! += w * power[s]!;
        }
        if (k === poisson.right) break;
        // next = power · (I + Q/q), rows of absorbing states left out.
        for (let s = 0; s < n; s++) next[s] = power[s]! * stay[s]!;
        for (let s = 0; s < n; s++) {
          const p = power[s]!;
          if (p === 0 || absorbing[s]) continue;
          const share = p / q;
          for (let e = chain.rowStart[s]!; e < chain.rowStart[s + 1]!; e++) next[chain.target[e]!]! += share * chain.rate[e]!;
        }
        [power, next] = [next, power];
      }
      current = result;
      error += poisson.error;
      now = t;
    }
    distributions.push(current.slice());
  }
  return { distributions, error };
}

/** Reachability h, and the components it was solved on (meanTimeToReach reuses them). */
function reach(chain: Chain, exit: Float64Array, target: Uint8Array, options: SolveOptions): { h: Float64Array; parts: Components } {
  const n = chain.size;
  const h = new Float64Array(n);
  // Backward search from the target: whatever it does not find has h = 0 exactly.
  const source = new Int32Array(chain.rowStart[n]!);
  for (let s = 0; s < n; s++) source.fill(s, chain.rowStart[s]!, chain.rowStart[s + 1]!);
  const into = groupBy(chain.target, n);
  const found = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let s = 0; s < n; s++) {
    h[s] = found[s] = target[s] ? 1 : 0;
    if (found[s]) queue[tail++] = s;
  }
  for (let head = 0; head < tail; head++) {
    const s = queue[head]!;
    for (let i = into.start[s]!; i < into.start[s + 1]!; i++) {
      const p = source[into.order[i]!]!;
      if (!found[p]) {
        found[p] = 1;
        queue[tail++] = p;
      }
    }
  }
  const inside = new Uint8Array(n);
  for (let s = 0; s < n; s++) inside[s] = found[s] && !target[s] ? 1 : 0;
  const parts = components(chain, inside);
  solveComponents(chain, exit, parts, h, null, limitsOf(options));
  return { h, parts };
}

/** Cheap structural checks, so a hand-built chain fails loudly rather than reading past its arrays. */
function checkChain(chain: Chain): void {
  const { size, rowStart, target, rate } = chain;
  if (rowStart.length !== size + 1) throw new RangeError(`chain: rowStart has ${rowStart.length} entries but a chain of ${size} states needs ${size + 1}`);
  if (target.length !== rowStart[size] || rate.length !== rowStart[size]) throw new RangeError(`chain: rowStart ends at ${rowStart[size]} but there are ${target.length} targets and ${rate.length} rates`);
}

function isState(s: number, size: number): boolean {
  return Number.isInteger(s) && s >= 0 && s < size;
}

function checkMask(chain: Chain, mask: Uint8Array, fn: string, name: string): void {
  checkChain(chain);
  if (mask.length !== chain.size) throw new RangeError(`${fn}: ${name} has ${mask.length} entries but the chain has ${chain.size} states`);
}
