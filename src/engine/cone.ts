import type { AnyStateMachine, AnyStateNode, EventObject } from 'xstate';
import { aboveRegionTypes, guardStateRefs, type RegionMap } from './_regions.js';

/*
 * The cone of influence of a question: the regions it reads, and every region
 * whose state decides how those regions move (guards that read it) or that
 * can change the shared context. Regions outside the cone move on events of
 * their own and cannot change any answer the question gives, so exploring the
 * cone alone gives the same answers exactly.
 */

/** What each region's transitions read of the other regions, or why that cannot be known. */
export interface RegionDependencies {
  /** For each region, the regions its transitions' guards read (null: no reduction is sound for this machine). */
  readonly reads: ReadonlyArray<readonly number[]> | null;
  /** Why no reduction is sound, when `reads` is null. */
  readonly why?: string;
}

/** Every state node in a region (its root included). */
function nodesIn(machine: AnyStateMachine, path: readonly string[]): AnyStateNode[] {
  const root = path.length === 0 ? machine.root : machine.getStateNodeById(`${machine.id}.${path.join('.')}`);
  const all: AnyStateNode[] = [];
  const walk = (n: AnyStateNode) => {
    all.push(n);
    Object.values(n.states).forEach(walk);
  };
  walk(root);
  return all;
}

/** How many configurations a state node can be in (a parallel node multiplies, a compound one adds). */
export function configurations(node: AnyStateNode): number {
  const children = Object.values(node.states).filter((c) => c.type !== 'history');
  if (children.length === 0) return 1;
  return node.type === 'parallel' ? children.reduce((n, c) => n * configurations(c), 1) : children.reduce((n, c) => n + configurations(c), 0);
}

/** Per region, the regions its transitions' guards read; null with a reason when the machine defeats the analysis. */
export function regionDependencies(machine: AnyStateMachine, map: RegionMap): RegionDependencies {
  if (!map.cacheable || map.regions.length < 2) return { reads: null, why: 'the machine has eventless transitions, invocations or a single region' };
  if (aboveRegionTypes(machine, map.regions).length) return { reads: null, why: 'a parallel state above the tracks handles events' };
  const regionOfId = (id: string): number => {
    try {
      return map.regionOf(machine.getStateNodeById(id).path);
    } catch {
      return -1;
    }
  };
  const reads: number[][] = [];
  for (let r = 0; r < map.regions.length; r++) {
    const set = new Set<number>();
    for (const node of nodesIn(machine, map.regions[r]!)) {
      for (const list of node.transitions.values()) {
        for (const transition of list) {
          if ((transition.target ?? []).some((t: AnyStateNode) => map.regionOf(t.path) !== r)) return { reads: null, why: `a transition of ${node.id} leaves its track` };
          const refs = guardStateRefs(machine, transition.guard);
          if (refs === null) return { reads: null, why: `a guard of ${node.id} reads the state in a way the analysis cannot follow` };
          for (const id of refs) {
            const at = regionOfId(id);
            if (at < 0) return { reads: null, why: `a guard of ${node.id} reads #${id} above the tracks` };
            if (at !== r) set.add(at);
          }
        }
      }
    }
    reads.push([...set].sort((a, b) => a - b));
  }
  return { reads };
}

/** The seeds and every region their guards read, transitively. */
export function closeCone(reads: ReadonlyArray<readonly number[]>, seeds: Iterable<number>): number[] {
  const inCone = new Set<number>();
  const queue = [...seeds];
  while (queue.length) {
    const r = queue.pop()!;
    if (inCone.has(r)) continue;
    inCone.add(r);
    queue.push(...reads[r]!);
  }
  return [...inCone].sort((a, b) => a - b);
}

type ActionLike = unknown;

const HARMLESS = new Set(['xstate.log', 'xstate.cancel', 'xstate.stopChild', 'xstate.emit']);

/**
 * Whether an action may change one of `contexts`: an `assign` is run on each
 * (with the event the explorer would send there); a plain function cannot
 * change the context; anything that raises, sends or spawns may, so it counts.
 */
function mayChangeContext(machine: AnyStateMachine, action: ActionLike, contexts: readonly unknown[], events: (context: unknown) => EventObject[]): boolean {
  let impl: unknown = action;
  let params: unknown;
  if (typeof action === 'string' || (action && typeof action === 'object' && 'type' in action)) {
    const type = typeof action === 'string' ? action : (action as { type: string }).type;
    params = typeof action === 'object' ? (action as { params?: unknown }).params : undefined;
    impl = (machine.implementations.actions as Record<string, unknown>)[type];
    if (impl === undefined) return !HARMLESS.has(type);
  }
  if (typeof impl !== 'function') return true;
  const fn = impl as { type?: string; assignment?: unknown };
  if (fn.type === undefined) return false;
  if (fn.type !== 'xstate.assign') return !HARMLESS.has(fn.type);
  for (const context of contexts) {
    for (const event of events(context)) {
      try {
        const args = { context, event, spawn: () => { throw new Error('spawn'); }, self: undefined, system: undefined };
        const p = typeof params === 'function' ? (params as (a: unknown) => unknown)({ context, event }) : params;
        let update: Record<string, unknown>;
        if (typeof fn.assignment === 'function') update = (fn.assignment as (a: unknown, p: unknown) => Record<string, unknown>)(args, p) ?? {};
        else {
          update = {};
          for (const [key, value] of Object.entries(fn.assignment as Record<string, unknown>)) update[key] = typeof value === 'function' ? value(args, p) : value;
        }
        for (const [key, value] of Object.entries(update)) if (!Object.is((context as Record<string, unknown>)[key], value)) return true;
      } catch {
        return true;
      }
    }
  }
  return false;
}

/**
 * The regions among `candidates` that have an action (on a transition, or on
 * entry or exit of one of their states) which may change one of `contexts`.
 * `eventFor` gives the event the explorer sends for a type in a context.
 */
export function contextWriters(
  machine: AnyStateMachine,
  map: RegionMap,
  candidates: readonly number[],
  contexts: readonly unknown[],
  eventFor: (type: string, context: unknown) => EventObject,
): number[] {
  return candidates.filter((r) => {
    const nodes = nodesIn(machine, map.regions[r]!);
    const allTypes = nodes.flatMap((n) => [...n.transitions.keys()]);
    for (const node of nodes) {
      for (const [type, list] of node.transitions) {
        for (const transition of list) {
          for (const action of transition.actions) if (mayChangeContext(machine, action, contexts, (c) => [eventFor(type, c)])) return true;
        }
      }
      for (const action of [...node.entry, ...node.exit]) {
        if (mayChangeContext(machine, action, contexts, (c) => allTypes.map((t) => eventFor(t, c)))) return true;
      }
    }
    return false;
  });
}
