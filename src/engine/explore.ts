import { matchesState, type AnyMachineSnapshot, type AnyStateMachine, type EventObject, type StateValue } from 'xstate';
import type { Invariant, StateView } from './model.js';

export type { StateView } from './model.js';
import { aboveRegionTypes, regionMap, regionTypes } from './_regions.js';
import { createTransitionScope } from './_scope.js';

/** One event of a trace: what happened, on which day. */
export interface TraceStep {
  readonly type: string;
  readonly date: string | null;
}

/** An invariant broken in a reachable state, with the shortest road there. */
export interface Violation {
  readonly invariant: string;
  readonly description: string;
  /** The state (index in the graph) where the rule breaks. */
  readonly state: number;
  /** Events from the start point that lead there; the last one breaks the rule. */
  readonly trace: readonly TraceStep[];
}

/** Progress of an exploration, for a progress line. */
export interface ExploreProgress {
  readonly states: number;
  readonly queue: number;
  readonly transitions: number;
}

/** Options of {@link explore}. */
export interface ExploreOptions {
  /** Do not expand states further than this many events from the start. */
  readonly maxDepth?: number;
  readonly invariants?: readonly Invariant[];
  readonly onProgress?: (progress: ExploreProgress) => void;
  /** Stop adding states past this many (the results then cover part of the space). */
  readonly maxStates?: number;
  /** Reuse an event's effect on the regions it involves across states (default true). */
  readonly reuse?: boolean;
}

/**
 * Every state reachable from a start snapshot, as a graph: states by index
 * (0 is the start), their outgoing transitions in compressed rows, and the
 * breadth-first tree that gives the shortest road to each.
 */
export interface ExploredGraph {
  readonly size: number;
  /** The state at an index, as value, context and `matches`. */
  state(index: number): StateView;
  /** A key per state: its value and context as JSON, as `stateKey` gives for a snapshot. */
  keyOf(index: number): string;
  /** Distinct event types labelling the edges. */
  readonly eventTypes: readonly string[];
  /** Edges of state i are `edgeTarget[edgeStart[i]..edgeStart[i+1])`, labelled by `edgeEvent`. */
  readonly edgeStart: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeEvent: Int32Array;
  readonly depth: Int32Array;
  /** The state each state was first reached from (-1 for the start), and by which event. */
  readonly parent: Int32Array;
  readonly parentEvent: Int32Array;
  readonly transitions: number;
  /** States at the depth limit whose successors were not explored. */
  readonly frontier: number;
  /** False when the state limit stopped the exploration early. */
  readonly complete: boolean;
  readonly violations: readonly Violation[];
  /** How many transitions XState computed; the rest were reused. */
  readonly xstateCalls: number;
}

/** The key that identifies a snapshot: its value and its (bounded) context, as JSON. */
export function stateKey(snapshot: Pick<AnyMachineSnapshot, 'value' | 'context'>): string {
  return JSON.stringify(snapshot.value) + JSON.stringify(snapshot.context);
}

function view(value: StateValue, context: unknown): StateView {
  return { value, context, matches: (v: StateValue) => matchesState(v, value) };
}

/**
 * The events the explorer tries in a snapshot: every type its active state
 * nodes handle (delayed ones included), dated with the snapshot's day. Hand it
 * to `xstate/graph` (`events`) to explore the same transitions.
 */
export function eventsToTry(machine: AnyStateMachine, snapshot: Pick<AnyMachineSnapshot, 'value' | 'context'>): EventObject[] {
  const types = new Set<string>();
  const visit = (node: AnyStateMachine['root'], value: unknown) => {
    for (const type of node.transitions.keys()) if (type !== '*') types.add(type);
    if (typeof value === 'string') visit(node.states[value]!, undefined);
    else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) visit(node.states[key]!, child);
  };
  visit(machine.root, snapshot.value);
  return [...types].map((type) => eventFor(type, snapshot.context));
}

/** A compact Map key for a tuple of small non-negative integers: two UTF-16 units per number. */
function encode(numbers: ArrayLike<number>, extra = -1): string {
  let key = extra >= 0 ? String.fromCharCode(extra & 0xffff, extra >>> 16) : '';
  for (let i = 0; i < numbers.length; i++) key += String.fromCharCode(numbers[i]! & 0xffff, numbers[i]! >>> 16);
  return key;
}

/** The event for a type in a state: model events carry the state's date; delayed ones carry nothing. */
function eventFor(type: string, context: unknown): EventObject {
  return type.startsWith('xstate.after.') ? { type } : ({ type, date: (context as { date?: string | null }).date ?? null } as EventObject);
}

/** The road from the start to a state, following the breadth-first tree. */
export function traceTo(graph: Pick<ExploredGraph, 'parent' | 'parentEvent' | 'eventTypes' | 'state'>, state: number): TraceStep[] {
  const trace: TraceStep[] = [];
  for (let s = state; graph.parent[s]! >= 0; s = graph.parent[s]!) {
    trace.push({ type: graph.eventTypes[graph.parentEvent[s]!]!, date: (graph.state(s).context as { date?: string | null }).date ?? null });
  }
  return trace.reverse();
}

/**
 * Explore every state reachable from `start` breadth first, with XState as the
 * only judge of each transition, and check every invariant on every state and
 * transition. Fast because it asks XState once per distinct situation: an
 * event's effect on the regions it involves (their states, the context and
 * any state its guards read) is computed once and reused in every other state
 * that shares them; XState runs with one reused actor scope.
 */
export function explore(machine: AnyStateMachine, start: AnyMachineSnapshot, options: ExploreOptions = {}): ExploredGraph {
  const scope = createTransitionScope();
  const regions = regionMap(machine);
  const regionCount = regions.regions.length;
  const reuse = options.reuse ?? true;
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
  let complete = true;
  const invariants = options.invariants ?? [];
  const stateInvariants = invariants.filter((i) => i.holdsIn);
  const stepInvariants = invariants.filter((i) => i.holdsAcross);

  // Region parts and contexts are interned: a state is a short tuple of numbers.
  const partIds = regions.regions.map(() => new Map<string, number>());
  const partStrings: string[][] = regions.regions.map(() => []);
  const partValues: StateValue[][] = regions.regions.map(() => []);
  const partTypes: Array<Array<number[] | undefined>> = regions.regions.map(() => []);
  // Event types by index, with what each involves (undefined: not looked up yet).
  const typeNames: string[] = [];
  const typeIds = new Map<string, number>();
  const typeInvolved: Array<readonly number[] | null | undefined> = [];
  const typeId = (type: string): number => {
    let id = typeIds.get(type);
    if (id === undefined) {
      id = typeNames.length;
      typeNames.push(type);
      typeIds.set(type, id);
    }
    return id;
  };
  let seenStamp = new Int32Array(64);
  let stamp = 0;
  const contextIds = new Map<string, number>();
  const contextObjects: unknown[] = [];
  const contextJsons: string[] = [];
  const intern = (r: number, part: string): number => {
    let id = partIds[r]!.get(part);
    if (id === undefined) {
      id = partStrings[r]!.length;
      partStrings[r]!.push(part);
      partValues[r]!.push(JSON.parse(part) as StateValue);
      partIds[r]!.set(part, id);
    }
    return id;
  };
  const internContext = (context: unknown, json = JSON.stringify(context)): number => {
    let id = contextIds.get(json);
    if (id === undefined) {
      id = contextObjects.length;
      contextObjects.push(context);
      contextJsons.push(json);
      contextIds.set(json, id);
    }
    return id;
  };
  const above = aboveRegionTypes(machine, regions.regions).map(typeId);

  const tuples: number[][] = [];
  const keys: string[] = [];
  const index = new Map<string, number>();
  const snapshots: Array<AnyMachineSnapshot | undefined> = [];
  const values: Array<StateValue | undefined> = [];
  const depth: number[] = [];
  const parent: number[] = [];
  const parentEvent: number[] = [];
  const add = (tuple: number[], key: string, from: number, event: number, snapshot?: AnyMachineSnapshot): number => {
    const i = tuples.length;
    tuples.push(tuple);
    keys.push(key);
    index.set(key, i);
    snapshots.push(snapshot);
    values.push(snapshot?.value);
    depth.push(from < 0 ? 0 : depth[from]! + 1);
    parent.push(from);
    parentEvent.push(event);
    return i;
  };
  const tupleOf = (value: StateValue, context: unknown, contextJson?: string): number[] => [
    ...regions.split(value).map((part, r) => intern(r, part)),
    internContext(context, contextJson),
  ];
  const startTuple = tupleOf(start.value, start.context);
  // Re-resolve the start with this machine: a snapshot evaluates guards with the machine that made it.
  add(startTuple, encode(startTuple), -1, -1, machine.resolveState({ value: start.value, context: start.context }) as AnyMachineSnapshot);

  const eventTypes: string[] = [];
  const eventIndex = new Map<string, number>();
  const edgeStart: number[] = [];
  const edgeTarget: number[] = [];
  const edgeEvent: number[] = [];
  const violations: Violation[] = [];
  const broken = new Set<string>();
  const effects = new Map<string, readonly number[] | null>();
  let frontier = 0;
  let xstateCalls = 0;

  const contextOf = (i: number) => contextObjects[tuples[i]![regionCount]!];
  const valueOf = (i: number): StateValue => (values[i] ??= regions.joinParsed(tuples[i]!.slice(0, regionCount).map((id, r) => partValues[r]![id]!)));
  const stateOf = (i: number): StateView => view(valueOf(i), contextOf(i));
  const snapshotOf = (i: number): AnyMachineSnapshot =>
    (snapshots[i] ??= machine.resolveState({ value: valueOf(i), context: contextOf(i) }) as AnyMachineSnapshot);
  const graphSoFar = () => ({ parent: Int32Array.from(parent), parentEvent: Int32Array.from(parentEvent), eventTypes, state: stateOf });
  const report = (invariant: Invariant, state: number, trace: TraceStep[]) => {
    // One counterexample per invariant: breadth first, the first found is among the shortest.
    if (broken.has(invariant.name)) return;
    broken.add(invariant.name);
    violations.push({ invariant: invariant.name, description: invariant.description, state, trace });
  };
  for (const invariant of stateInvariants) if (!invariant.holdsIn!(stateOf(0))) report(invariant, 0, []);

  /** The event types (by index) the active nodes of state `i` handle, in a fixed order (regions, then each region's list). */
  const typesOf = (i: number): number[] => {
    stamp += 1;
    const list: number[] = [];
    const take = (t: number) => {
      if (t >= seenStamp.length) {
        const grown = new Int32Array(seenStamp.length * 2 + t);
        grown.set(seenStamp);
        seenStamp = grown;
      }
      if (seenStamp[t] !== stamp) {
        seenStamp[t] = stamp;
        list.push(t);
      }
    };
    above.forEach(take);
    const tuple = tuples[i]!;
    for (let r = 0; r < regionCount; r++) {
      const id = tuple[r]!;
      let types = partTypes[r]![id];
      if (!types) partTypes[r]![id] = types = regionTypes(machine, regions.regions[r]!, partValues[r]![id]!).map(typeId);
      for (let k = 0; k < types.length; k++) take(types[k]!);
    }
    return list;
  };

  /** XState's verdict on `type` in state `i`: the whole next tuple (null when nothing changes). */
  const ask = (i: number, type: string): number[] | null => {
    xstateCalls += 1;
    const next = machine.transition(snapshotOf(i), eventFor(type, contextOf(i)), scope) as AnyMachineSnapshot;
    const tuple = tupleOf(next.value, next.context);
    return tuple.every((id, k) => id === tuples[i]![k]) ? null : tuple;
  };

  for (let head = 0; head < tuples.length; head++) {
    edgeStart.push(edgeTarget.length);
    if (depth[head]! >= maxDepth) {
      frontier += 1;
      continue;
    }
    const here = tuples[head]!;
    const contextId = here[regionCount]!;
    for (const t of typesOf(head)) {
      const type = typeNames[t]!;
      let involved = typeInvolved[t];
      if (involved === undefined) typeInvolved[t] = involved = reuse ? regions.involved(type) : null;
      let next: number[] | null;
      if (involved === null) {
        next = ask(head, type);
      } else {
        // The effect is keyed on the event, the involved regions and the context; it holds their new ids.
        let cacheKey = String.fromCharCode(t & 0xffff, t >>> 16, contextId & 0xffff, contextId >>> 16);
        for (let k = 0; k < involved.length; k++) {
          const id = here[involved[k]!]!;
          cacheKey += String.fromCharCode(id & 0xffff, id >>> 16);
        }
        let effect = effects.get(cacheKey);
        if (effect === undefined) {
          const whole = ask(head, type);
          const outside = whole !== null && whole.some((id, r) => r < regionCount && !involved!.includes(r) && id !== here[r]);
          // Sanity: an effect that reaches outside its regions is never reused.
          effect = whole === null ? null : outside ? undefined : [...involved.map((r) => whole[r]!), whole[regionCount]!];
          if (effect !== undefined) effects.set(cacheKey, effect);
          next = whole;
        } else if (effect === null) {
          next = null;
        } else {
          next = here.slice();
          for (let k = 0; k < involved.length; k++) next[involved[k]!] = effect[k]!;
          next[regionCount] = effect[involved.length]!;
        }
      }
      if (next === null) continue;
      const key = encode(next);
      let e = eventIndex.get(type);
      if (e === undefined) {
        e = eventTypes.length;
        eventTypes.push(type);
        eventIndex.set(type, e);
      }
      let target = index.get(key);
      if (target === undefined && tuples.length >= maxStates) {
        complete = false;
        continue;
      }
      if (target === undefined) {
        target = add(next, key, head, e);
        for (const invariant of stateInvariants) {
          if (!broken.has(invariant.name) && !invariant.holdsIn!(stateOf(target))) report(invariant, target, traceTo(graphSoFar(), target));
        }
      }
      for (const invariant of stepInvariants) {
        if (!broken.has(invariant.name) && !invariant.holdsAcross!(stateOf(head), stateOf(target))) {
          report(invariant, target, [...traceTo(graphSoFar(), head), { type, date: (contextOf(target) as { date?: string | null }).date ?? null }]);
        }
      }
      edgeTarget.push(target);
      edgeEvent.push(e);
    }
    if (options.onProgress && head % 5000 === 0) options.onProgress({ states: tuples.length, queue: tuples.length - head - 1, transitions: edgeTarget.length });
  }
  edgeStart.push(edgeTarget.length);
  options.onProgress?.({ states: tuples.length, queue: 0, transitions: edgeTarget.length });
  return {
    size: tuples.length,
    state: stateOf,
    keyOf: (i: number) => JSON.stringify(valueOf(i)) + contextJsons[tuples[i]![regionCount]!],
    eventTypes,
    edgeStart: Int32Array.from(edgeStart),
    edgeTarget: Int32Array.from(edgeTarget),
    edgeEvent: Int32Array.from(edgeEvent),
    depth: Int32Array.from(depth),
    parent: Int32Array.from(parent),
    parentEvent: Int32Array.from(parentEvent),
    transitions: edgeTarget.length,
    frontier,
    complete,
    violations,
    xstateCalls,
  };
}
