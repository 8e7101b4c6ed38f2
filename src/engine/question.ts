import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { eventFor, explore, type ExploredGraph, type ExploreOptions } from './explore.js';
import { regionMap } from './_regions.js';
import { ConeMiss, regionsRead } from './_reads.js';
import { closeCone, configurations, contextWriters, regionDependencies } from './cone.js';

/** What a reduced exploration left out, and why that cannot change its answers. */
export interface Reduction {
  /** The tracks explored (dotted paths), and those left out. */
  readonly kept: readonly string[];
  readonly leftOut: readonly string[];
  /** The number of combinations of every track's states: the full product, computed, not enumerated. */
  readonly fullProduct: number;
  /** Why nothing could be left out, when nothing was. */
  readonly why: string | null;
}

/** Options of {@link exploreQuestion}: those of `explore` but `keep`, and `full`. */
export interface QuestionOptions extends Omit<ExploreOptions, 'keep'> {
  /** Explore every track, whatever the question reads. */
  readonly full?: boolean;
}

/**
 * Explore what a question needs: the outcomes (`label`) and invariants it asks
 * about are answered on their cone of influence, the tracks they read and
 * every track that can affect those (through guards that read it, or by
 * changing the shared context). Tracks outside the cone only add
 * interleavings of moves the question cannot see, so the answers (labels
 * reachable, shortest roads, invariant verdicts and traces) are the full
 * exploration's. A question found to read a track outside the cone, or a
 * left-out track found to change the context, widens the cone and explores again.
 */
export function exploreQuestion(machine: AnyStateMachine, start: AnyMachineSnapshot, options: QuestionOptions = {}): { graph: ExploredGraph; reduction: Reduction } {
  const map = regionMap(machine);
  const names = map.regions.map((path) => path.join('.') || machine.id);
  const all = map.regions.map((_, r) => r);
  const regionNode = (path: readonly string[]) => (path.length === 0 ? machine.root : machine.getStateNodeById(`${machine.id}.${path.join('.')}`));
  const fullProduct = map.regions.reduce((n, path) => n * configurations(regionNode(path)), 1);
  const deps = regionDependencies(machine, map);
  const { full, ...exploreOptions } = options;
  const everything = (why: string | null) => ({ graph: explore(machine, start, exploreOptions), reduction: { kept: names, leftOut: [], fullProduct, why } });
  if (full) return everything('--full asks for every track');
  if (!deps.reads) return everything(deps.why ?? null);

  // Seeds: what the question reads in the start state; more are found while exploring.
  const seeds = new Set<number>();
  const startState = { value: start.value, context: start.context };
  const note = (regions: readonly number[]) => regions.forEach((r) => seeds.add(r));
  if (options.label) note(regionsRead(map.regions, startState, (v) => options.label!(v)));
  for (const invariant of options.invariants ?? []) {
    if (invariant.holdsIn) note(regionsRead(map.regions, startState, (v) => invariant.holdsIn!(v)));
    if (invariant.holdsAcross) note(regionsRead(map.regions, startState, (v) => invariant.holdsAcross!(v, v)));
  }
  const writers = new Set(contextWriters(machine, map, all, [start.context], eventFor));
  for (;;) {
    const cone = closeCone(deps.reads, [...seeds, ...writers]);
    if (cone.length === all.length) return everything(null);
    let graph: ExploredGraph;
    try {
      graph = explore(machine, start, { ...exploreOptions, keep: cone });
    } catch (error) {
      if (!(error instanceof ConeMiss)) throw error;
      note(error.regions);
      continue;
    }
    const leftOut = all.filter((r) => !cone.includes(r));
    const more = contextWriters(machine, map, leftOut, graph.contexts, eventFor);
    if (more.length) {
      more.forEach((r) => writers.add(r));
      continue;
    }
    return { graph, reduction: { kept: cone.map((r) => names[r]!), leftOut: leftOut.map((r) => names[r]!), fullProduct, why: null } };
  }
}
