import { poissonWeights } from './fox-glynn.js';
import type { TimedChain } from './timed-chain.js';

/** The default bound on the probability lost per day by truncating uniformization. */
export const DAY_EPSILON = 1e-12;

/** What {@link solveOdds} is asked. */
export interface OddsQuestion {
  /** The rate per day of each edge of the chain (`chain.edges[i]`). */
  readonly rates: Float64Array;
  /** How many days to follow: day 0 is the start's day, the horizon is the end of day `days - 1`. */
  readonly days: number;
  /** The outcomes (indexes) whose first passage to compute; default every outcome. */
  readonly targets?: readonly number[];
  /** Probability the truncation may lose per day (default {@link DAY_EPSILON}). */
  readonly epsilon?: number;
}

/** One outcome's odds. */
export interface OutcomeOdds {
  readonly outcome: string;
  readonly resolved: boolean;
  /** Probability of having reached it by the end of each day (`byDay[d]`), so `byDay[days - 1]` by the horizon. */
  readonly byDay: Float64Array | null;
  /** Probability of being in it at the end of each day. */
  readonly inDay: Float64Array;
  /** Expected days from the start to reach it, among the futures that do by the horizon; null when none does. */
  readonly meanDays: number | null;
}

/** What {@link solveOdds} answers: each outcome's odds, and how far from exact they may be. */
export interface OddsAnswer {
  readonly days: number;
  readonly outcomes: readonly OutcomeOdds[];
  /** Probability of being in an unresolved outcome at the end of each day. */
  readonly open: Float64Array;
  /** A bound on the error of every probability (total variation), from truncating uniformization. */
  readonly error: number;
}

interface RunResult {
  /** Probability per outcome at the end of each day: `occupancy[d * outcomes + o]`. */
  readonly occupancy: Float64Array;
  /** Per outcome, the integral over the days followed of the probability of being in it. */
  readonly integral: Float64Array;
  readonly error: number;
}

/**
 * One pass over the days: between midnights the chain moves by uniformization
 * (states in `stop` keep their mass), at each midnight every node moves to its
 * `midnight` node (stop nodes stay).
 */
function run(chain: TimedChain, rates: Float64Array, days: number, stop: Uint8Array, epsilon: number): RunResult {
  const n = chain.size;
  const outcomes = chain.outcomes.length;
  // Rows of the edges that leave a node that moves.
  const rowStart = new Int32Array(n + 1);
  for (const e of chain.edges) if (!stop[e.from] && e.from !== e.to) rowStart[e.from + 1]! += 1;
  for (let s = 0; s < n; s++) rowStart[s + 1]! += rowStart[s]!;
  const target = new Int32Array(rowStart[n]!);
  const rate = new Float64Array(rowStart[n]!);
  const fill = rowStart.slice(0, n);
  chain.edges.forEach((e, i) => {
    if (stop[e.from] || e.from === e.to || !(rates[i]! > 0)) return;
    const at = fill[e.from]!++;
    target[at] = e.to;
    rate[at] = rates[i]!;
  });
  const exit = new Float64Array(n);
  for (let s = 0; s < n; s++) for (let e = rowStart[s]!; e < rowStart[s + 1]!; e++) exit[s]! += rate[e]!;
  let q = 0;
  for (let s = 0; s < n; s++) q = Math.max(q, exit[s]!);
  // A little above the largest exit rate keeps every stay probability positive.
  q *= 1.02;
  const stay = new Float64Array(n);
  for (let s = 0; s < n; s++) stay[s] = q === 0 ? 1 : 1 - exit[s]! / q;
  const poisson = q > 0 ? poissonWeights(q, epsilon) : { left: 0, right: 0, weights: Float64Array.of(1), error: 0 };

  const occupancy = new Float64Array(days * outcomes);
  const integral = new Float64Array(outcomes);
  const nodeIntegral = new Float64Array(n);
  let current = new Float64Array(n);
  current[0] = 1;
  let power = new Float64Array(n);
  let next = new Float64Array(n);
  const end = new Float64Array(n);
  let error = 0;
  for (let day = 0; day < days; day++) {
    end.fill(0);
    power.set(current);
    let cumulative = 0;
    for (let k = 0; k <= poisson.right; k++) {
      const w = k >= poisson.left ? poisson.weights[k - poisson.left]! : 0;
      cumulative += w;
      // ∫₀¹ Poisson(k; qt) dt = (1 − P(N ≤ k)) / q: the time spent after the k-th jump within the day.
      const time = q > 0 ? Math.max(0, 1 - cumulative) / q : 1;
      for (let s = 0; s < n; s++) {
        const p = power[s]!;
        if (p === 0) continue;
        end[s]! += w * p;
        nodeIntegral[s]! += time * p;
      }
      if (k === poisson.right) break;
      for (let s = 0; s < n; s++) next[s] = power[s]! * stay[s]!;
      for (let s = 0; s < n; s++) {
        const p = power[s]!;
        if (p === 0) continue;
        const share = p / q;
        for (let e = rowStart[s]!; e < rowStart[s + 1]!; e++) next[target[e]!]! += share * rate[e]!;
      }
      [power, next] = [next, power];
    }
    error += poisson.error;
    const base = day * outcomes;
    for (let s = 0; s < n; s++) occupancy[base + chain.outcome[s]!]! += end[s]!;
    current.fill(0);
    for (let s = 0; s < n; s++) if (end[s]! > 0) current[stop[s] ? s : chain.midnight[s]!]! += end[s]!;
  }
  for (let s = 0; s < n; s++) integral[chain.outcome[s]!]! += nodeIntegral[s]!;
  return { occupancy, integral, error };
}

/**
 * The chance of having reached one outcome (by index) by the end of each day,
 * in one pass: what a sensitivity analysis re-solves for each value it tries.
 * @example
 * const { byDay } = reachedByDay(chain, rates, 365, chain.outcomes.indexOf('rejected'));
 */
export function reachedByDay(chain: TimedChain, rates: Float64Array, days: number, outcome: number, epsilon = DAY_EPSILON): { byDay: Float64Array; integral: number; error: number } {
  const count = chain.outcomes.length;
  if (chain.outcome[0] === outcome) return { byDay: new Float64Array(days).fill(1), integral: days, error: 0 };
  const stop = chain.outcomeResolved[outcome] ? chain.resolved : Uint8Array.from(chain.resolved, (r, s) => (r || chain.outcome[s] === outcome ? 1 : 0));
  const pass = run(chain, rates, days, stop, epsilon);
  return { byDay: Float64Array.from({ length: days }, (_, d) => pass.occupancy[d * count + outcome]!), integral: pass.integral[outcome]!, error: pass.error };
}

/**
 * The odds of each outcome of a timed chain, exactly but for a truncation
 * whose error is bounded: the probability of being in it at the end of each
 * day, of having reached it by then, and the expected days to reach it. The
 * chain starts in node 0 at the start of day 0. Resolved outcomes are read
 * from one pass; every other outcome asked for takes a pass of its own, with
 * its nodes holding the mass that reaches them (first passage).
 * @example
 * const answer = solveOdds(chain, { rates, days: 365 });
 * answer.outcomes.find((o) => o.outcome === 'rejected')?.byDay?.[364]; // P(rejected within the year)
 */
export function solveOdds(chain: TimedChain, question: OddsQuestion): OddsAnswer {
  const { rates, days } = question;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`solveOdds: days must be a whole number ≥ 1, got ${days}`);
  if (rates.length !== chain.edges.length) throw new RangeError(`solveOdds: rates has ${rates.length} entries but the chain has ${chain.edges.length} edges`);
  const bad = rates.findIndex((r) => !(r >= 0 && r < Infinity));
  if (bad >= 0) throw new RangeError(`solveOdds: rates[${bad}] must be finite and ≥ 0, got ${rates[bad]}`);
  const epsilon = question.epsilon ?? DAY_EPSILON;
  const count = chain.outcomes.length;
  const targets = new Set(question.targets ?? chain.outcomes.map((_, o) => o));
  const base = run(chain, rates, days, chain.resolved, epsilon);
  let error = base.error;
  const column = (occupancy: Float64Array, o: number) => Float64Array.from({ length: days }, (_, d) => occupancy[d * count + o]!);
  const mean = (byDay: Float64Array, integral: number): number | null => {
    const reached = byDay[days - 1]!;
    // E[T; T ≤ H] = H·F(H) − ∫₀ᴴ F(t) dt, then conditioned on T ≤ H.
    return reached > 0 ? Math.max(0, (days * reached - integral) / reached) : null;
  };
  const resolvedOutcome = chain.outcomeResolved;
  const present = new Uint8Array(count);
  for (let s = 0; s < chain.size; s++) present[chain.outcome[s]!] = 1;
  const outcomes = chain.outcomes.map((outcome, o): OutcomeOdds => {
    const inDay = column(base.occupancy, o);
    if (!targets.has(o)) return { outcome, resolved: resolvedOutcome[o] === 1, byDay: null, inDay, meanDays: null };
    if (resolvedOutcome[o] || !present[o]) return { outcome, resolved: resolvedOutcome[o] === 1, byDay: inDay, inDay, meanDays: mean(inDay, base.integral[o]!) };
    const first = reachedByDay(chain, rates, days, o, epsilon);
    error = Math.max(error, first.error);
    return { outcome, resolved: false, byDay: first.byDay, inDay, meanDays: mean(first.byDay, first.integral) };
  });
  const open = Float64Array.from({ length: days }, (_, d) => {
    let sum = 0;
    for (let o = 0; o < count; o++) if (!resolvedOutcome[o]) sum += base.occupancy[d * count + o]!;
    return sum;
  });
  return { days, outcomes, open, error };
}
