import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Model } from './model.js';
import type { ExploredGraph } from './explore.js';

/** Futures per chunk: each chunk has its own random stream, so results do not depend on how chunks are spread over workers. */
export const CHUNK_RUNS = 50_000;
/** A future that has not resolved after this many events is counted as unresolved. */
export const MAX_FUTURE_STEPS = 1_000;

/** The explored graph reduced to what sampling needs: plain typed arrays a worker can receive. */
export interface SimulationGraph {
  readonly size: number;
  readonly edgeStart: Int32Array;
  /** Target of each edge; a negative value -1 - s stops the future in state s (the horizon). */
  readonly edgeTarget: Int32Array;
  /** Cumulative weight of the edges of each state, in edge order. */
  readonly cumulative: Float64Array;
  /** Index into `outcomes` of each state's outcome. */
  readonly outcome: Int32Array;
  /** 1 where a future stops: a resolved outcome, or no event left. */
  readonly absorbing: Uint8Array;
  /** Outcome names by index; the last is `unresolved`. */
  readonly outcomes: readonly string[];
}

/** Options of {@link prepareSimulation}. */
export interface SimulationOptions {
  /** Weight of an event type (default 1); 0 never chooses it. */
  readonly weight?: (eventType: string) => number;
  /**
   * The calendar stops at this day: an event that would move it further (a
   * truce running out) instead ends the future where it stands.
   */
  readonly horizon?: string;
}

/** Turn a graph explored on `model` into a weighted graph to sample futures on, each state labelled with the model's outcome. */
export function prepareSimulation(model: Model, graph: ExploredGraph, options: SimulationOptions = {}): SimulationGraph {
  const weightOf = options.weight ?? (() => 1);
  const eventWeights = graph.eventTypes.map((type) => weightOf(type));
  const outcomes = [...model.outcomeNames, 'unresolved'];
  const outcome = new Int32Array(graph.size);
  const absorbing = new Uint8Array(graph.size);
  const edgeStart = new Int32Array(graph.size + 1);
  const targets: number[] = [];
  const cumulative: number[] = [];
  const contextDates = graph.contexts.map((c) => (c as { date?: string | null }).date ?? null);
  const dateOf = (s: number) => contextDates[graph.contextIndex(s)]!;
  // Outcomes come from the graph's labels when it was explored with the model's outcomes.
  const labelled = graph.labels.length > 0 || graph.size === 0;
  for (let s = 0; s < graph.size; s++) {
    const name = labelled ? graph.labels[graph.labelOf(s)]! : model.outcomeOf(graph.state(s));
    outcome[s] = outcomes.indexOf(name);
    edgeStart[s] = targets.length;
    if (model.resolvedOutcomes.has(name)) {
      absorbing[s] = 1;
      continue;
    }
    // A state a limit left unexpanded ends its futures unresolved: what follows it is unknown.
    if (s >= graph.expanded) {
      outcome[s] = outcomes.length - 1;
      absorbing[s] = 1;
      continue;
    }
    let total = 0;
    for (let e = graph.edgeStart(s), end = graph.edgeStart(s + 1); e < end; e++) {
      const target = graph.edgeTarget(e);
      const weight = eventWeights[graph.edgeEvent(e)]!;
      if (weight <= 0) continue;
      const date = dateOf(target);
      const pastHorizon = options.horizon !== undefined && date !== null && date > options.horizon;
      total += weight;
      // Past the horizon the future ends here: encoded as a negative target, -1 - this state.
      targets.push(pastHorizon ? -1 - s : target);
      cumulative.push(total);
    }
    if (targets.length === edgeStart[s]) absorbing[s] = 1;
  }
  edgeStart[graph.size] = targets.length;
  return {
    size: graph.size,
    edgeStart,
    edgeTarget: Int32Array.from(targets),
    cumulative: Float64Array.from(cumulative),
    outcome,
    absorbing,
    outcomes,
  };
}

/** The random stream of one chunk: the seed's stream, jumped ahead once per chunk index. */
function chunkStream(seed: number, chunk: number) {
  const rng = xoroshiro128plus(seed);
  for (let i = 0; i < chunk; i++) rng.jump();
  return rng;
}

/**
 * Sample the futures of one chunk from state 0: at each state choose an event
 * with probability proportional to its weight until the future is absorbed.
 * Returns how many futures ended in each outcome (indexed as `sim.outcomes`).
 */
export function sampleChunk(sim: SimulationGraph, seed: number, chunk: number, runs: number): Float64Array {
  const counts = new Float64Array(sim.outcomes.length);
  const rng = chunkStream(seed, chunk);
  const unresolved = sim.outcomes.length - 1;
  const { edgeStart, edgeTarget, cumulative, absorbing, outcome } = sim;
  for (let run = 0; run < runs; run++) {
    let s = 0;
    let steps = 0;
    let stopped = false;
    while (!absorbing[s] && steps < MAX_FUTURE_STEPS) {
      const from = edgeStart[s]!;
      const to = edgeStart[s + 1]!;
      const pick = uniformFloat64(rng) * cumulative[to - 1]!;
      let e = from;
      while (e < to - 1 && cumulative[e]! <= pick) e++;
      const next = edgeTarget[e]!;
      steps++;
      if (next < 0) {
        stopped = true;
        break;
      }
      s = next;
    }
    counts[absorbing[s] || stopped ? outcome[s]! : unresolved]! += 1;
  }
  return counts;
}

/** Chunk sizes for `runs` futures: full chunks of {@link CHUNK_RUNS}, then the rest. */
export function chunksFor(runs: number): number[] {
  const chunks: number[] = [];
  for (let left = runs; left > 0; left -= CHUNK_RUNS) chunks.push(Math.min(CHUNK_RUNS, left));
  return chunks;
}

/** A share with its 95% Wilson score interval. */
export interface Share {
  readonly outcome: string;
  readonly count: number;
  readonly share: number;
  readonly low: number;
  readonly high: number;
}

/** Shares of each outcome among `runs` futures, with 95% Wilson intervals, largest first (ties by name). */
export function shares(outcomes: readonly string[], counts: ArrayLike<number>, runs: number): Share[] {
  const z = 1.959963984540054;
  const result: Share[] = [];
  for (let i = 0; i < outcomes.length; i++) {
    const count = counts[i]!;
    if (count === 0) continue;
    const p = count / runs;
    const denominator = 1 + (z * z) / runs;
    const centre = (p + (z * z) / (2 * runs)) / denominator;
    const half = (z * Math.sqrt((p * (1 - p)) / runs + (z * z) / (4 * runs * runs))) / denominator;
    result.push({ outcome: outcomes[i]!, count, share: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) });
  }
  return result.sort((a, b) => b.count - a.count || a.outcome.localeCompare(b.outcome));
}
