import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { TimedChain } from './timed-chain.js';

/** What {@link sampleTimed} counts over its futures. */
export interface TimedSamples {
  readonly runs: number;
  /** Futures in each outcome (by index) at the end of the last day. */
  readonly counts: Float64Array;
  /** Per outcome, the sum of the days at which futures entered it for good (resolved outcomes), for mean times. */
  readonly daysSum: Float64Array;
}

/**
 * Sample `runs` futures of a timed chain from node 0 for `days` days, seeded:
 * between midnights each waits an exponential time at its node's total rate
 * and takes an edge with probability proportional to its rate; at midnight it
 * moves as the calendar and the timers say. The same chain the odds solve,
 * sampled: the shares converge to the exact answer.
 * @example
 * const { counts } = sampleTimed(chain, rates, 365, 10_000, 1);
 */
export function sampleTimed(chain: TimedChain, rates: Float64Array, days: number, runs: number, seed: number): TimedSamples {
  const n = chain.size;
  const rowStart = new Int32Array(n + 1);
  for (const e of chain.edges) rowStart[e.from + 1]! += 1;
  for (let s = 0; s < n; s++) rowStart[s + 1]! += rowStart[s]!;
  const target = new Int32Array(rowStart[n]!);
  const cumulative = new Float64Array(rowStart[n]!);
  const fill = rowStart.slice(0, n);
  chain.edges.forEach((e, i) => {
    const at = fill[e.from]!++;
    target[at] = e.to;
    cumulative[at] = (at > rowStart[e.from]! ? cumulative[at - 1]! : 0) + rates[i]!;
  });
  const exit = Float64Array.from({ length: n }, (_, s) => (rowStart[s + 1]! > rowStart[s]! ? cumulative[rowStart[s + 1]! - 1]! : 0));
  const counts = new Float64Array(chain.outcomes.length);
  const daysSum = new Float64Array(chain.outcomes.length);
  const rng = xoroshiro128plus(seed);
  for (let run = 0; run < runs; run++) {
    let s = 0;
    let day = 0;
    let t = 0;
    while (!chain.resolved[s]) {
      const rate = exit[s]!;
      // Exponential waiting time; memoryless, so a wait cut by midnight starts afresh after it.
      const wait = rate > 0 ? -Math.log(1 - uniformFloat64(rng)) / rate : Infinity;
      if (t + wait >= 1) {
        day += 1;
        if (day === days) break;
        s = chain.midnight[s]!;
        t = 0;
        continue;
      }
      t += wait;
      const pick = uniformFloat64(rng) * rate;
      let e = rowStart[s]!;
      const end = rowStart[s + 1]! - 1;
      while (e < end && cumulative[e]! <= pick) e++;
      s = target[e]!;
    }
    const o = chain.outcome[s]!;
    counts[o]! += 1;
    if (chain.resolved[s]) daysSum[o]! += day + t;
  }
  return { runs, counts, daysSum };
}
