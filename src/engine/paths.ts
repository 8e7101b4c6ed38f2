import type { ExploredGraph, TraceStep } from './explore.js';

/** Options of {@link shortestPaths}. */
export interface PathOptions {
  /** How many distinct event sequences to return (default 3). */
  readonly max?: number;
}

/**
 * The K shortest distinct event sequences from the graph's start to any state
 * that satisfies `isTarget`, shortest first. Each sequence stops at the first
 * target it reaches. Breadth first over paths, visiting each state at most K
 * times: with events of equal cost this yields the K shortest walks. Only
 * states from which a target can be reached are entered, so the work stays
 * proportional to the roads that lead somewhere, not to the whole graph times K.
 */
export function shortestPaths(graph: ExploredGraph, isTarget: (state: number) => boolean, options: PathOptions = {}): TraceStep[][] {
  const k = options.max ?? 3;
  if (graph.size === 0 || !(k >= 1)) return [];
  const reaches = canReach(graph, isTarget);
  if (!reaches[0]) return [];
  // Float64: a visit count never wraps, whatever K is.
  const visits = new Float64Array(graph.size);
  // Paths are stored as a tree: each entry is (state, previous entry, event).
  const state: number[] = [0];
  const previous: number[] = [-1];
  const event: number[] = [-1];
  const found: number[] = [];
  for (let head = 0; head < state.length && found.length < k; head++) {
    const s = state[head]!;
    if (++visits[s]! > k) continue;
    if (isTarget(s)) {
      found.push(head);
      continue;
    }
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) {
      const target = graph.edgeTarget[e]!;
      if (!reaches[target] || visits[target]! >= k) continue;
      state.push(target);
      previous.push(head);
      event.push(graph.edgeEvent[e]!);
    }
  }
  return found.map((entry) => {
    const steps: TraceStep[] = [];
    for (let p = entry; previous[p]! >= 0; p = previous[p]!) {
      steps.push({ type: graph.eventTypes[event[p]!]!, date: (graph.state(state[p]!).context as { date?: string | null }).date ?? null });
    }
    return steps.reverse();
  });
}

/** For each state, whether some state satisfying `isTarget` can be reached from it (reverse breadth first). */
export function canReach(graph: ExploredGraph, isTarget: (state: number) => boolean): Uint8Array {
  const incoming: number[][] = Array.from({ length: graph.size }, () => []);
  for (let s = 0; s < graph.size; s++) {
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) incoming[graph.edgeTarget[e]!]!.push(s);
  }
  const reach = new Uint8Array(graph.size);
  const queue: number[] = [];
  for (let s = 0; s < graph.size; s++) if (isTarget(s)) (reach[s] = 1), queue.push(s);
  for (let head = 0; head < queue.length; head++) {
    for (const from of incoming[queue[head]!]!) if (!reach[from]) (reach[from] = 1), queue.push(from);
  }
  return reach;
}
