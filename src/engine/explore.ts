import { matchesState, type AnyMachineSnapshot, type AnyStateMachine, type EventObject, type StateValue } from 'xstate';
import type { Invariant, StateView } from './model.js';
import { aboveRegionTypes, regionMap, regionTypes } from './_regions.js';
import { createTransitionScope } from './_scope.js';
import { Int32Column, Uint16Column } from './_columns.js';
import { StateTable } from './_state-table.js';
import { ConeMiss, Memo } from './_reads.js';
import { configurations } from './cone.js';
import { ScenarioError } from './errors.js';
import { snapshotMaker } from './_snapshots.js';

export type { StateView } from './model.js';

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
  /** Bytes the graph holds so far. */
  readonly bytes: number;
}

/** Options of {@link explore}. */
export interface ExploreOptions {
  /** Do not expand states further than this many events from the start. */
  readonly maxDepth?: number;
  readonly invariants?: readonly Invariant[];
  /** A label for every state (an outcome), memoised on the regions it reads. */
  readonly label?: (state: StateView) => string;
  readonly onProgress?: (progress: ExploreProgress) => void;
  /** Stop adding states past this many (the results then cover part of the space). */
  readonly maxStates?: number;
  /** Stop adding states once the graph holds this many bytes. */
  readonly maxBytes?: number;
  /** Reuse an event's effect on the regions it involves across states (default true). */
  readonly reuse?: boolean;
  /**
   * The regions (indexes in the machine's region order) to explore; the others
   * stay as they are at the start. Only sound for a cone of influence (see
   * `exploreQuestion`): a label or invariant that reads a region left out throws.
   */
  readonly keep?: readonly number[];
  /**
   * Midnight: a rewrite of the context alone (dates moving a day), tried in
   * every state as an edge labelled {@link MIDNIGHT}; it changes no region.
   */
  readonly midnight?: (context: unknown) => unknown;
}

/** The event type of the edges the `midnight` option adds. */
export const MIDNIGHT = 'calendar.midnight';

/** Why an exploration stopped before the whole space: a state or memory limit. */
export type StopReason = 'states' | 'memory';

/**
 * Every state reachable from a start snapshot, as a graph: states by index
 * (0 is the start), their outgoing transitions in compressed rows, and the
 * breadth-first tree that gives the shortest road to each. Everything is kept
 * in typed-array columns: no object per state.
 */
export interface ExploredGraph {
  readonly size: number;
  /** The state at an index, as value, context and `matches` (regions left out show their start state). */
  state(index: number): StateView;
  /** A key per state: its value and context as JSON, as `stateKey` gives for a snapshot. */
  keyOf(index: number): string;
  /** Distinct event types labelling the edges. */
  readonly eventTypes: readonly string[];
  /** Edges of state s are `edgeStart(s)..edgeStart(s+1)`; `edgeStart(size)` is the number of transitions. */
  edgeStart(state: number): number;
  edgeTarget(edge: number): number;
  edgeEvent(edge: number): number;
  depth(state: number): number;
  /** The state each state was first reached from (-1 for the start), and by which event (-1 for the start). */
  parent(state: number): number;
  parentEvent(state: number): number;
  /** Label names (from the `label` option) and each state's label index (-1 without the option). */
  readonly labels: readonly string[];
  labelOf(state: number): number;
  readonly transitions: number;
  /** States whose successors were not explored: at the depth limit, or queued when a state or memory limit stopped the exploration. */
  readonly frontier: number;
  /** States `expanded..size-1` were still queued when a limit stopped the exploration; their rows are empty. */
  readonly expanded: number;
  /** False when a limit stopped the exploration early. */
  readonly complete: boolean;
  readonly stopped: StopReason | null;
  readonly violations: readonly Violation[];
  /** How many transitions XState computed; the rest were reused. */
  readonly xstateCalls: number;
  /** Bytes of the graph's columns and tables. */
  readonly bytes: number;
  /** The distinct contexts met, and the index of each state's among them. */
  readonly contexts: readonly unknown[];
  contextIndex(state: number): number;
  /** The regions explored (indexes) and how many the machine has. */
  readonly kept: readonly number[];
  readonly regionCount: number;
}

/** The key that identifies a snapshot: its value and its (bounded) context, as JSON. */
export function stateKey(snapshot: Pick<AnyMachineSnapshot, 'value' | 'context'>): string {
  return JSON.stringify(snapshot.value) + JSON.stringify(snapshot.context);
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

/** The event for a type in a state: model events carry the state's date; delayed ones carry nothing. */
export function eventFor(type: string, context: unknown): EventObject {
  return type.startsWith('xstate.after.') ? { type } : ({ type, date: (context as { date?: string | null }).date ?? null } as EventObject);
}

/** The road from the start to a state, following the breadth-first tree. */
export function traceTo(graph: Pick<ExploredGraph, 'parent' | 'parentEvent' | 'eventTypes' | 'state'>, state: number): TraceStep[] {
  const trace: TraceStep[] = [];
  for (let s = state; graph.parent(s) >= 0; s = graph.parent(s)) {
    trace.push({ type: graph.eventTypes[graph.parentEvent(s)]!, date: (graph.state(s).context as { date?: string | null }).date ?? null });
  }
  return trace.reverse();
}

const bitsFor = (n: number) => Math.max(1, Math.ceil(Math.log2(Math.max(n, 2))));
const CONTEXT_BITS = 24;

/**
 * Explore every state reachable from `start` breadth first, with XState as the
 * only judge of each transition, and check every invariant on every state and
 * transition. A state is a tuple of region parts and a context, packed into a
 * few words in an open-addressing table; an event's effect on the regions it
 * involves is asked of XState once per distinct situation and reused; labels
 * and invariants are memoised on the regions they read.
 */
export function explore(machine: AnyStateMachine, start: AnyMachineSnapshot, options: ExploreOptions = {}): ExploredGraph {
  const scope = createTransitionScope();
  const map = regionMap(machine);
  const regionCount = map.regions.length;
  const reuse = options.reuse ?? true;
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const kept = options.keep ? [...new Set(options.keep)].sort((a, b) => a - b) : map.regions.map((_, r) => r);
  const keptMask = new Uint8Array(regionCount);
  for (const r of kept) keptMask[r] = 1;
  const reduced = kept.length < regionCount;
  const keptRegions = Int32Array.from(kept);
  const regionNode = (path: readonly string[]) => (path.length === 0 ? machine.root : machine.getStateNodeById(`${machine.id}.${path.join('.')}`));
  const partBits = map.regions.map((path) => bitsFor(configurations(regionNode(path)) + 1));
  const table = new StateTable([...kept.map((r) => partBits[r]!), CONTEXT_BITS]);

  // Region parts and contexts are interned: a state is a short tuple of numbers.
  const partIds = map.regions.map(() => new Map<string, number>());
  const partValues: StateValue[][] = map.regions.map(() => []);
  const partTypes: Array<Array<number[] | undefined>> = map.regions.map(() => []);
  const contextIds = new Map<string, number>();
  const contextObjects: unknown[] = [];
  const contextJsons: string[] = [];
  const intern = (r: number, part: string): number => {
    let id = partIds[r]!.get(part);
    if (id === undefined) {
      id = partValues[r]!.length;
      partValues[r]!.push(JSON.parse(part) as StateValue);
      partIds[r]!.set(part, id);
    }
    return id;
  };
  const internContext = (context: unknown): number => {
    const json = JSON.stringify(context);
    let id = contextIds.get(json);
    if (id === undefined) {
      id = contextObjects.length;
      if (id >= 2 ** CONTEXT_BITS) throw new ScenarioError(`explore: more than ${(2 ** CONTEXT_BITS).toLocaleString('en-US')} distinct contexts: the model's context grows without bound; explore with --max-depth <n>`);
      contextObjects.push(context);
      contextJsons.push(json);
      contextIds.set(json, id);
    }
    return id;
  };
  const startTuple = new Int32Array(regionCount + 1);
  map.split(start.value).forEach((part, r) => (startTuple[r] = intern(r, part)));
  startTuple[regionCount] = internContext(start.context);

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
  const above = aboveRegionTypes(machine, map.regions).map(typeId);
  const midnightType = options.midnight ? typeId(MIDNIGHT) : -1;
  const midnightOf: number[] = [];

  // The graph's columns.
  const parent = new Int32Column();
  const parentEvent = new Uint16Column();
  const depth = new Int32Column();
  const labelColumn = new Uint16Column();
  const edgeStart = new Int32Column();
  const edgeTarget = new Int32Column();
  const edgeEvent = new Uint16Column();
  const columns = [parent, parentEvent, depth, labelColumn, edgeStart, edgeTarget, edgeEvent];
  const bytes = () => table.bytes + columns.reduce((n, c) => n + c.bytes, 0);

  const eventTypes: string[] = [];
  const labels: string[] = [];
  const labelIds = new Map<string, number>();

  // Tuples of kept regions are read into full tuples; left-out regions keep their start parts.
  const packedOf = (full: Int32Array, into: Int32Array) => {
    for (let k = 0; k < kept.length; k++) into[k] = full[kept[k]!]!;
    into[kept.length] = full[regionCount]!;
    return into;
  };
  const fullOf = (index: number, into: Int32Array): Int32Array => {
    into.set(startTuple);
    for (let k = 0; k < kept.length; k++) into[kept[k]!] = table.field(index, k);
    into[regionCount] = table.field(index, kept.length);
    return into;
  };
  const packScratch = new Int32Array(kept.length + 1);
  const valueOfTuple = (full: Int32Array): StateValue => map.joinParsed(Array.from({ length: regionCount }, (_, r) => partValues[r]![full[r]!]!));
  const plain = (full: Int32Array) => ({ value: valueOfTuple(full), context: contextObjects[full[regionCount]!] });
  const viewOf = (full: Int32Array): StateView => {
    const { value, context } = plain(full);
    return { value, context, matches: (v: StateValue) => matchesState(v, value) };
  };
  const stateOf = (i: number): StateView => viewOf(fullOf(i, new Int32Array(regionCount + 1)));

  const invariants = options.invariants ?? [];
  const memoOf = <R>(fn: (...views: StateView[]) => R, arity: number) => new Memo(fn, map.regions, reduced ? keptMask : null, partBits, arity);
  const stateInvariants = invariants.filter((i) => i.holdsIn).map((i) => ({ invariant: i, memo: memoOf((s) => i.holdsIn!(s), 1) }));
  const stepInvariants = invariants.filter((i) => i.holdsAcross).map((i) => ({ invariant: i, memo: memoOf((a, b) => i.holdsAcross!(a!, b!), 2) }));
  const labelMemo = options.label ? memoOf((s) => options.label!(s!), 1) : null;

  const violations: Violation[] = [];
  const broken = new Set<string>();
  let frontier = 0;
  let xstateCalls = 0;
  let stopped: StopReason | null = null;

  const graphSoFar = {
    parent: (s: number) => parent.get(s),
    parentEvent: (s: number) => parentEvent.get(s) - 1,
    eventTypes,
    state: stateOf,
  };
  const report = (invariant: Invariant, state: number, trace: TraceStep[]) => {
    // One counterexample per invariant: breadth first, the first found is among the shortest.
    if (broken.has(invariant.name)) return;
    broken.add(invariant.name);
    violations.push({ invariant: invariant.name, description: invariant.description, state, trace });
  };

  // Views are built only on a memo miss, by functions made once (no closure per state or edge).
  let addFull: Int32Array = startTuple;
  const lazy = () => [plain(addFull)];
  const lazyStutter = () => [plain(addFull), plain(addFull)];
  /** Record a new state: its tree edge, depth, label and the state invariants. */
  const add = (full: Int32Array, from: number, event: number, packed: Int32Array = table.pack(packedOf(full, packScratch))): number => {
    const i = table.addPacked(packed);
    parent.push(from);
    parentEvent.push(event + 1);
    depth.push(from < 0 ? 0 : depth.get(from) + 1);
    addFull = full;
    // A state that agrees with the one it was reached from on everything a label or rule reads shares its answer.
    const fromHead = from >= 0;
    if (labelMemo) {
      if (fromHead && labelMemo.same(here, full)) labelColumn.push(labelColumn.get(from));
      else {
        const name = labelMemo.get(full, null, lazy);
        let id = labelIds.get(name);
        if (id === undefined) labelIds.set(name, (id = labels.push(name) - 1));
        labelColumn.push(id);
      }
    }
    for (const { invariant, memo } of stateInvariants) {
      // The head holds every rule not yet broken, so a successor the rule cannot tell from it holds it too.
      if (broken.has(invariant.name) || (fromHead && memo.same(here, full))) continue;
      if (!memo.get(full, null, lazy)) report(invariant, i, traceTo(graphSoFar, i));
    }
    // A left-out region may still move here; a step rule broken by a step that changes nothing kept is not seen in the cone.
    if (reduced) for (const { memo } of stepInvariants) if (!memo.get(full, full, lazyStutter)) throw new ConeMiss(map.regions.map((_, r) => r).filter((r) => !keptMask[r]));
    return i;
  };

  const here = new Int32Array(regionCount + 1);
  const next = new Int32Array(regionCount + 1);
  let seenStamp = new Int32Array(64);
  let stamp = 0;
  let headSnapshot: AnyMachineSnapshot | undefined;
  const snapshotOf = snapshotMaker(machine);

  let typeList = new Int32Array(64);
  let typeCount = 0;
  const take = (t: number) => {
    if (t >= seenStamp.length) {
      const grown = new Int32Array(seenStamp.length * 2 + t);
      grown.set(seenStamp);
      seenStamp = grown;
    }
    if (seenStamp[t] !== stamp) {
      seenStamp[t] = stamp;
      if (typeCount === typeList.length) {
        const grown = new Int32Array(typeList.length * 2);
        grown.set(typeList);
        typeList = grown;
      }
      typeList[typeCount++] = t;
    }
  };
  /** The event types (by index) the active nodes of the kept regions handle, in a fixed order, into `typeList`. */
  const typesOf = (full: Int32Array): void => {
    stamp += 1;
    typeCount = 0;
    for (let k = 0; k < above.length; k++) take(above[k]!);
    for (let k = 0; k < kept.length; k++) {
      const r = kept[k]!;
      const id = full[r]!;
      let types = partTypes[r]![id];
      if (!types) partTypes[r]![id] = types = regionTypes(machine, map.regions[r]!, partValues[r]![id]!).map(typeId);
      for (let j = 0; j < types.length; j++) take(types[j]!);
    }
  };

  /** XState's verdict on `type` in the head state, into `next`. */
  const ask = (type: string): void => {
    xstateCalls += 1;
    headSnapshot ??= snapshotOf(here.subarray(0, regionCount).join(), valueOfTuple(here), contextObjects[here[regionCount]!]);
    const after = machine.transition(headSnapshot, eventFor(type, contextObjects[here[regionCount]!]), scope) as AnyMachineSnapshot;
    map.split(after.value).forEach((part, r) => (next[r] = intern(r, part)));
    next[regionCount] = internContext(after.context);
  };

  add(startTuple, -1, -1);
  // An event's effect is found by its type, the context and the involved regions' parts: a dense
  // table per (type, context) while the parts' combinations are few, a Map past that.
  // Codes: 0 not known yet, 1 changes nothing, 2 reaches outside its regions (always asked), 3+k effect k.
  const caps = map.regions.map((path) => configurations(regionNode(path)));
  const DENSE = 4096;
  const effectList: Int32Array[] = [];
  const typeCache: Array<{ mult: Int32Array; span: number; dense: Array<Int32Array | undefined>; sparse: Map<number, number> } | undefined> = [];
  const cacheOf = (t: number, involved: readonly number[]) => {
    let cache = typeCache[t];
    if (!cache) {
      const mult = new Int32Array(involved.length);
      let span = 1;
      for (let k = involved.length - 1; k >= 0; k--) (mult[k] = span), (span *= caps[involved[k]!]!);
      typeCache[t] = cache = { mult, span, dense: [], sparse: new Map() };
    }
    return cache;
  };

  // Packed words of the head and of each successor: a successor differs in the fields of the regions an event changed.
  const headWords = new Int32Array(table.words);
  const nextWords = new Int32Array(table.words);
  const fieldOf = new Int32Array(regionCount).fill(-1);
  kept.forEach((r, k) => (fieldOf[r] = k));
  let headPlain: { value: StateValue; context: unknown } | undefined;
  const stepViews = () => [(headPlain ??= plain(here)), plain(next)];
  const stutterViews = () => [(headPlain ??= plain(here)), headPlain];
  // Per step invariant, its verdict on the head's stutter step: 0 not known, 1 holds, 2 broken.
  const stutter = new Uint8Array(stepInvariants.length);
  // Edge labels by event type index (-1: not seen yet).
  let eventOfType = new Int32Array(64).fill(-1);
  let head = 0;
  for (; head < table.size; head++) {
    edgeStart.push(edgeTarget.length);
    if (depth.get(head) >= maxDepth) {
      frontier += 1;
      continue;
    }
    fullOf(head, here);
    table.readPacked(head, headWords);
    headSnapshot = undefined;
    headPlain = undefined;
    stutter.fill(0);
    typesOf(here);
    if (midnightType >= 0) take(midnightType);
    for (let ti = 0; ti < typeCount; ti++) {
      const t = typeList[ti]!;
      const type = typeNames[t]!;
      let involved = typeInvolved[t];
      if (involved === undefined && t !== midnightType) typeInvolved[t] = involved = reuse ? map.involved(type) : null;
      let asked = true;
      if (t === midnightType) {
        // Midnight rewrites the context only, once per distinct context.
        const ctx = here[regionCount]!;
        let to = midnightOf[ctx];
        if (to === undefined) midnightOf[ctx] = to = internContext(options.midnight!(contextObjects[ctx]));
        if (to === ctx) continue;
        next.set(here);
        next[regionCount] = to;
      } else if (!involved) {
        ask(type);
      } else {
        const cache = cacheOf(t, involved);
        const ctx = here[regionCount]!;
        let at = 0;
        for (let k = 0; k < involved.length; k++) at += here[involved[k]!]! * cache.mult[k]!;
        let dense: Int32Array | undefined;
        let code: number;
        if (cache.span <= DENSE) {
          dense = cache.dense[ctx] ??= new Int32Array(cache.span);
          code = dense[at]!;
        } else {
          at += ctx * cache.span;
          code = cache.sparse.get(at) ?? 0;
        }
        if (code === 0 || code === 2) {
          ask(type);
          if (code === 0) {
            let changed = next[regionCount] !== here[regionCount];
            let outside = false;
            for (let r = 0; r < regionCount; r++) {
              if (next[r] !== here[r]) {
                changed = true;
                if (!involved.includes(r)) outside = true;
              }
            }
            // Sanity: an effect that reaches outside its regions is never reused.
            if (outside) code = 2;
            else if (!changed) code = 1;
            else code = 3 + effectList.push(Int32Array.from([...involved.map((r) => next[r]!), next[regionCount]!])) - 1;
            if (dense) dense[at] = code;
            else cache.sparse.set(at, code);
          }
        } else if (code === 1) {
          continue;
        } else {
          asked = false;
          const effect = effectList[code - 3]!;
          for (let r = 0; r <= regionCount; r++) next[r] = here[r]!;
          for (let k = 0; k < involved.length; k++) next[involved[k]!] = effect[k]!;
          next[regionCount] = effect[involved.length]!;
        }
      }
      // The successor's packed words: the head's with the changed fields replaced (all of them after asking XState).
      const words = nextWords.length;
      if (asked) table.pack(packedOf(next, packScratch), nextWords);
      else {
        for (let w = 0; w < words; w++) nextWords[w] = headWords[w]!;
        for (let k = 0; k < involved!.length; k++) {
          const f = fieldOf[involved![k]!]!;
          if (f >= 0) table.setField(nextWords, f, next[involved![k]!]!);
        }
        table.setField(nextWords, kept.length, next[regionCount]!);
      }
      // Left-out regions stay as at the start: a move that changes nothing kept is no edge.
      let same = true;
      for (let w = 0; same && w < words; w++) if (nextWords[w] !== headWords[w]) same = false;
      if (same) continue;
      if (reduced) for (let r = 0; r < regionCount; r++) if (!keptMask[r]) next[r] = startTuple[r]!;
      if (t >= eventOfType.length) {
        const grown = new Int32Array(eventOfType.length * 2 + t).fill(-1);
        grown.set(eventOfType);
        eventOfType = grown;
      }
      let e = eventOfType[t]!;
      if (e < 0) {
        e = eventTypes.length;
        if (e >= 0xffff) throw new ScenarioError('explore: the model has more than 65,534 event types');
        eventTypes.push(type);
        eventOfType[t] = e;
      }
      let target = table.findPacked(nextWords);
      if (target < 0) {
        if (table.size >= maxStates) {
          stopped = 'states';
          continue;
        }
        if ((table.size & 4095) === 0 && bytes() > maxBytes) {
          stopped = 'memory';
          break;
        }
        target = add(next, head, e, nextWords);
      }
      for (let k = 0; k < stepInvariants.length; k++) {
        const { invariant, memo } = stepInvariants[k]!;
        if (broken.has(invariant.name)) continue;
        // A step that changes nothing the rule reads is judged as the head's stutter step, once per head.
        let holds: boolean;
        if (memo.same(here, next)) {
          if (stutter[k] === 0) stutter[k] = memo.get(here, here, stutterViews) ? 1 : 2;
          holds = stutter[k] === 1;
        } else holds = memo.get(here, next, stepViews);
        if (!holds) {
          report(invariant, target, [...traceTo(graphSoFar, head), { type, date: (contextObjects[next[regionCount]!] as { date?: string | null }).date ?? null }]);
        }
      }
      edgeTarget.push(target);
      edgeEvent.push(e);
    }
    // At a limit the states still queued stay unexpanded: their rows are empty and they count as frontier.
    if (stopped !== null) {
      head += 1;
      break;
    }
    if (options.onProgress && head % 5000 === 0) options.onProgress({ states: table.size, queue: table.size - head - 1, transitions: edgeTarget.length, bytes: bytes() });
  }
  // States never expanded (a limit stopped the exploration) get empty rows.
  const expanded = head;
  frontier += table.size - expanded;
  for (; edgeStart.length <= table.size; ) edgeStart.push(edgeTarget.length);
  options.onProgress?.({ states: table.size, queue: 0, transitions: edgeTarget.length, bytes: bytes() });
  const scratch = new Int32Array(regionCount + 1);
  return {
    size: table.size,
    state: stateOf,
    keyOf: (i: number) => JSON.stringify(valueOfTuple(fullOf(i, scratch))) + contextJsons[table.field(i, kept.length)]!,
    eventTypes,
    edgeStart: (s) => edgeStart.get(s),
    edgeTarget: (e) => edgeTarget.get(e),
    edgeEvent: (e) => edgeEvent.get(e),
    depth: (s) => depth.get(s),
    parent: (s) => parent.get(s),
    parentEvent: (s) => parentEvent.get(s) - 1,
    labels,
    labelOf: labelMemo ? (s) => labelColumn.get(s) : () => -1,
    transitions: edgeTarget.length,
    frontier,
    expanded,
    complete: stopped === null,
    stopped,
    violations,
    xstateCalls,
    bytes: bytes(),
    contexts: contextObjects,
    contextIndex: (s) => table.field(s, kept.length),
    kept,
    regionCount,
  };
}

