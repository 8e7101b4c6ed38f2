import type { AnyMachineSnapshot } from 'xstate';
import type { Assumptions } from './assumptions.js';
import { daysBetween } from './calendar.js';
import type { ExploredGraph, ExploreProgress } from './explore.js';
import { midnightFor } from './midnight.js';
import type { Model } from './model.js';
import { exploreQuestion, type Reduction } from './question.js';
import { timedChain, type TimedChain } from './timed-chain.js';
import type { PendingTimer } from './timers.js';

/** Where the odds start: a state, its day, and the timers waiting in it. */
export interface OddsStart {
  readonly snapshot: AnyMachineSnapshot;
  readonly date: string;
  readonly pendingTimers: readonly PendingTimer[];
}

/** The chain the odds are solved on, with the graph it was built from. */
export interface PreparedOdds {
  readonly model: Model;
  readonly graph: ExploredGraph;
  readonly reduction: Reduction;
  readonly chain: TimedChain;
}

/** Options of {@link prepareOdds}. */
export interface PrepareOddsOptions {
  readonly maxBytes?: number;
  readonly onProgress?: (progress: ExploreProgress) => void;
  /** Explore every track, even those the odds cannot see. */
  readonly full?: boolean;
}

/**
 * Explore what the odds need from `start` and build the timed chain: the
 * tracks the outcomes and the assumptions' rules read, and every track that
 * can move those; dates kept relative to the start's day, so that midnight
 * brings a truce's end a day closer (see `midnightFor`).
 */
export function prepareOdds(model: Model, start: OddsStart, assumptions: Assumptions, options: PrepareOddsOptions = {}): PreparedOdds {
  const { graph, reduction } = exploreQuestion(model.machine, start.snapshot, {
    // The rules' conditions are part of the label: the cone keeps every track a rate depends on.
    label: (state) => `${model.outcomeOf(state)} ${assumptions.conditionsOf(state)}`,
    midnight: midnightFor(start.date),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.full ? { full: true } : {}),
  });
  const outcomeOfLabel = graph.labels.map((label) => label.slice(0, label.indexOf(' ')));
  const chain = timedChain({
    machine: model.machine,
    graph,
    outcomeOf: (g) => outcomeOfLabel[graph.labelOf(g)]!,
    outcomes: model.outcomeNames,
    isResolved: (outcome) => model.resolvedOutcomes.has(outcome),
    timers: start.pendingTimers.map((t) => ({ id: t.id, type: t.event.type, days: daysBetween(start.date, t.due) })),
  });
  return { model, graph, reduction, chain };
}

/** The rate per day of each edge of the prepared chain under `assumptions` (rules read the edge's state). */
export function edgeRates(prepared: PreparedOdds, assumptions: Assumptions): Float64Array {
  const { graph, chain } = prepared;
  // A rate depends on the event type and on which rules hold: the label says which.
  const memo = new Map<string, number>();
  return Float64Array.from(chain.edges, (edge) => {
    const g = chain.state[edge.from]!;
    const type = chain.eventTypes[edge.event]!;
    const key = `${type} ${graph.labelOf(g)}`;
    let rate = memo.get(key);
    if (rate === undefined) memo.set(key, (rate = assumptions.rateOf(type, graph.state(g))));
    return rate;
  });
}
