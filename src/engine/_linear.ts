import type { Chain } from './ctmc.js';

/**
 * The linear systems of a CTMC's reachability and mean times, solved one
 * strongly connected component at a time, sinks first: exactly (dense
 * elimination) for small components, by Gauss–Seidel for large ones.
 */

/** How components are solved: the largest solved densely, and Gauss–Seidel's limits. */
export interface SolveLimits {
  readonly denseLimit: number;
  readonly maxSweeps: number;
  readonly tolerance: number;
}

/** The states whose value is unknown, grouped into strongly connected components, sinks first: component c is order[start[c]..start[c+1]-1]. */
export interface Components {
  readonly order: Int32Array;
  readonly start: Int32Array;
}

/** Tarjan's algorithm on the states with inside[s] = 1, with an explicit stack: chains may be far deeper than the call stack. */
export function components(chain: Chain, inside: Uint8Array): Components {
  const n = chain.size;
  const { rowStart, target } = chain;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callState = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const order = new Int32Array(n);
  const start = new Int32Array(n + 1);
  // Tarjan's stack, the explicit call stack, the visit counter, states placed in `order`, components found.
  let [sp, cp, counter, placed, count] = [0, 0, 0, 0, 0];
  const visit = (s: number) => {
    index[s] = low[s] = counter++;
    stack[sp++] = s;
    onStack[s] = 1;
    callState[cp] = s;
    callEdge[cp++] = rowStart[s]!;
  };
  for (let root = 0; root < n; root++) {
    if (!inside[root] || index[root] !== -1) continue;
    visit(root);
    while (cp > 0) {
      const v = callState[cp - 1]!;
      const e = callEdge[cp - 1]!;
      if (e < rowStart[v + 1]!) {
        callEdge[cp - 1] = e + 1;
        const w = target[e]!;
        if (!inside[w]) continue;
        if (index[w] === -1) visit(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      cp--;
      if (cp > 0) low[callState[cp - 1]!] = Math.min(low[callState[cp - 1]!]!, low[v]!);
      if (low[v] !== index[v]) continue;
      // v roots a component: its states, popped last-visited first, are a good Gauss–Seidel order (successors before predecessors).
      start[count++] = placed;
      let w: number;
      do {
        w = stack[--sp]!;
        onStack[w] = 0;
        order[placed++] = w;
      } while (w !== v);
    }
  }
  start[count] = placed;
  return { order: order.subarray(0, placed), start: start.subarray(0, count + 1) };
}

/** Solve q_s x_s = extra_s + Σ_j q_sj x_j on every component, sinks first; x holds every other state's value already. */
export function solveComponents(chain: Chain, exit: Float64Array, parts: Components, x: Float64Array, extra: Float64Array | null, limits: SolveLimits): void {
  const { rowStart, target, rate } = chain;
  const { denseLimit, maxSweeps, tolerance } = limits;
  const componentOf = new Int32Array(chain.size).fill(-1);
  const local = new Int32Array(chain.size);
  const count = parts.start.length - 1;
  for (let c = 0; c < count; c++) {
    for (let i = parts.start[c]!; i < parts.start[c + 1]!; i++) componentOf[parts.order[i]!] = c;
  }
  for (let c = 0; c < count; c++) {
    const states = parts.order.subarray(parts.start[c]!, parts.start[c + 1]!);
    const m = states.length;
    // Everything outside the component is known: components it can reach were solved before it.
    const b = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const s = states[i]!;
      local[s] = i;
      let sum = extra ? extra[s]! : 0;
      for (let e = rowStart[s]!; e < rowStart[s + 1]!; e++) if (componentOf[target[e]!] !== c) sum += rate[e]! * x[target[e]!]!;
      b[i] = sum;
    }
    if (m === 1) x[states[0]!] = b[0]! / exit[states[0]!]!;
    else if (m <= denseLimit) solveDense(chain, exit, states, b, (s) => (componentOf[s] === c ? local[s]! : -1), x);
    else {
      let converged = false;
      for (let sweep = 0; sweep < maxSweeps && !converged; sweep++) {
        let change = 0;
        let largest = 0;
        for (let i = 0; i < m; i++) {
          const s = states[i]!;
          let sum = b[i]!;
          for (let e = rowStart[s]!; e < rowStart[s + 1]!; e++) if (componentOf[target[e]!] === c) sum += rate[e]! * x[target[e]!]!;
          const value = sum / exit[s]!;
          change = Math.max(change, Math.abs(value - x[s]!));
          largest = Math.max(largest, Math.abs(value));
          x[s] = value;
        }
        converged = change <= tolerance * largest;
      }
      if (!converged) throw new Error(`Gauss–Seidel did not converge within ${maxSweeps} sweeps on a strongly connected component of ${m} states`);
    }
  }
}

/** Gaussian elimination with partial pivoting on (diag(q) − Q | b) restricted to one component; `localOf` is a state's row, or -1 outside it. */
function solveDense(chain: Chain, exit: Float64Array, states: Int32Array, b: Float64Array, localOf: (s: number) => number, x: Float64Array): void {
  const m = states.length;
  const rows = Array.from(states, (s, i) => {
    const row = new Float64Array(m + 1);
    row[i] = exit[s]!;
    row[m] = b[i]!;
    for (let e = chain.rowStart[s]!; e < chain.rowStart[s + 1]!; e++) if (localOf(chain.target[e]!) >= 0) row[localOf(chain.target[e]!)]! -= chain.rate[e]!;
    return row;
  });
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!)) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    const top = rows[col]!;
    for (let r = col + 1; r < m; r++) {
      const row = rows[r]!;
      const f = row[col]! / top[col]!;
      if (f !== 0) for (let k = col + 1; k <= m; k++) row[k]! -= f * top[k]!;
    }
  }
  for (let i = m - 1; i >= 0; i--) {
    const row = rows[i]!;
    let sum = row[m]!;
    for (let k = i + 1; k < m; k++) sum -= row[k]! * x[states[k]!]!;
    x[states[i]!] = sum / row[i]!;
  }
}

/** Counting sort: the indices of `keys` grouped by key, in their order within a group, and where each key's group starts. */
export function groupBy(keys: ArrayLike<number>, size: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(size + 1);
  for (let i = 0; i < keys.length; i++) start[keys[i]! + 1]!++;
  for (let k = 0; k < size; k++) start[k + 1]! += start[k]!;
  const next = start.slice(0, size);
  const order = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) order[next[keys[i]!]!++] = i;
  return { start, order };
}
