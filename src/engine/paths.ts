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
    for (let e = graph.edgeStart(s), end = graph.edgeStart(s + 1); e < end; e++) {
      const target = graph.edgeTarget(e);
      if (!reaches[target] || visits[target]! >= k) continue;
      state.push(target);
      previous.push(head);
      event.push(graph.edgeEvent(e));
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

/** Incoming edges in compressed rows: the sources of state s are `source[start[s]..start[s+1])`. */
export interface ReverseEdges {
  readonly start: Int32Array;
  readonly source: Int32Array;
}

/** The graph's edges reversed, in typed arrays (built once, shared by every reachability question). */
export function reverseEdges(graph: Pick<ExploredGraph, 'size' | 'edgeStart' | 'edgeTarget'>): ReverseEdges {
  const start = new Int32Array(graph.size + 1);
  const total = graph.edgeStart(graph.size);
  for (let e = 0; e < total; e++) start[graph.edgeTarget(e) + 1]! += 1;
  for (let s = 0; s < graph.size; s++) start[s + 1]! += start[s]!;
  const fill = start.slice(0, graph.size);
  const source = new Int32Array(total);
  for (let s = 0; s < graph.size; s++) {
    for (let e = graph.edgeStart(s), end = graph.edgeStart(s + 1); e < end; e++) source[fill[graph.edgeTarget(e)]!++] = s;
  }
  return { start, source };
}

/** For each state, whether some state satisfying `isTarget` can be reached from it (reverse breadth first). */
export function canReach(graph: ExploredGraph, isTarget: (state: number) => boolean, reverse: ReverseEdges = reverseEdges(graph)): Uint8Array {
  const reach = new Uint8Array(graph.size);
  const queue = new Int32Array(graph.size);
  let tail = 0;
  for (let s = 0; s < graph.size; s++) if (isTarget(s)) (reach[s] = 1), (queue[tail++] = s);
  for (let head = 0; head < tail; head++) {
    const to = queue[head]!;
    for (let k = reverse.start[to]!; k < reverse.start[to + 1]!; k++) {
      const from = reverse.source[k]!;
      if (!reach[from]) (reach[from] = 1), (queue[tail++] = from);
    }
  }
  return reach;
}
