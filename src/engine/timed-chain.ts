import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode, StateValue } from 'xstate';
import { createTransitionScope } from './_scope.js';
import { snapshotMaker } from './_snapshots.js';
import { eventFor, MIDNIGHT, type ExploredGraph } from './explore.js';
import { ScenarioError } from './errors.js';
import { delayedChange, type ActionLike } from './timers.js';

const TIMER_PREFIX = 'xstate.after.';
/** A chain of timers firing one another at the same midnight longer than this is a model error. */
const MAX_FIRINGS = 100;

/** A delayed transition waiting (at the start, or in a node of the chain): its send id, event type and whole days left. */
export interface StartTimer {
  readonly id: string;
  readonly type: string;
  readonly days: number;
}

/** An event that can happen in a node of the timed chain, at the rate the analyst gives it. */
export interface TimedEdge {
  readonly from: number;
  readonly to: number;
  /** The event type, as an index into {@link TimedChain.eventTypes}. */
  readonly event: number;
}

/**
 * The explored graph turned into a chain in time: a node is an explored state
 * and the delayed transitions waiting in it, with whole days left. Between
 * midnights the analyst's events happen at their rates (the edges); at each
 * midnight the calendar moves on (`midnight`), every timer comes a day
 * closer, and the timers due fire, in order, as XState says they do.
 */
export interface TimedChain {
  readonly size: number;
  /** The explored state of each node. */
  readonly state: Int32Array;
  /** The node each node is in after the next midnight (its own index when nothing moves). */
  readonly midnight: Int32Array;
  /** 1 where the node's outcome is resolved: nothing moves it any more. */
  readonly resolved: Uint8Array;
  /** Index into `outcomes` of each node's outcome. */
  readonly outcome: Int32Array;
  readonly outcomes: readonly string[];
  /** 1 for each outcome (by index) that is resolved. */
  readonly outcomeResolved: Uint8Array;
  readonly edges: readonly TimedEdge[];
  /** Event types of the edges (never timers, never midnight). */
  readonly eventTypes: readonly string[];
  /** How many timers the nodes hold at most, and the most days any has left. */
  readonly maxTimers: number;
}

/** An action as the machine's config holds it: a built-in's type and delay. */
type ConfigAction = { readonly type?: string; readonly delay?: unknown };

/**
 * The state nodes whose entry or exit starts or cancels a delayed event
 * (`after`, a delayed raise), as values to match; null when a transition's own
 * actions may (or cannot be told not to), so that every edge must be asked.
 */
function timerNodes(machine: AnyStateMachine): StateValue[] | null {
  const named = (machine.implementations.actions ?? {}) as Record<string, unknown>;
  const resolve = (action: unknown): ConfigAction | null => {
    if (typeof action === 'function') return action as ConfigAction;
    const name = typeof action === 'string' ? action : (action as { type?: unknown } | null)?.type;
    const implementation = typeof name === 'string' ? named[name] : undefined;
    return typeof implementation === 'function' ? (implementation as ConfigAction) : null;
  };
  // enqueueActions decides at run time what it does: it may start a timer.
  const mayDelay = (action: unknown) => {
    const a = resolve(action);
    return a !== null && (((a.type === 'xstate.raise' || a.type === 'xstate.sendTo') && a.delay !== undefined) || a.type === 'xstate.enqueueActions');
  };
  const nodes: StateValue[] = [];
  const valueOf = (node: AnyStateNode): StateValue => node.path.slice(0, -1).reduceRight<StateValue>((inner, key) => ({ [key]: inner }), node.path.at(-1)!);
  const visit = (node: AnyStateNode): boolean => {
    for (const list of node.transitions.values()) for (const t of list) if ((t.actions ?? []).some(mayDelay)) return false;
    for (const t of node.always ?? []) if ((t.actions ?? []).some(mayDelay)) return false;
    if (node.path.length > 0 && [...node.entry, ...node.exit].some(mayDelay)) nodes.push(valueOf(node));
    return Object.values(node.states).every(visit);
  };
  return visit(machine.root) ? nodes : null;
}

/** What {@link timedChain} needs besides the graph. */
export interface TimedChainInput {
  readonly machine: AnyStateMachine;
  /** The graph explored with the `midnight` option, from the start, complete. */
  readonly graph: ExploredGraph;
  /** The outcome of an explored state, and whether it is resolved. */
  readonly outcomeOf: (state: number) => string;
  readonly outcomes: readonly string[];
  readonly isResolved: (outcome: string) => boolean;
  /** Timers already waiting at the start. */
  readonly timers?: readonly StartTimer[];
}

/** Build the timed chain of an explored graph: see {@link TimedChain}. */
export function timedChain(input: TimedChainInput): TimedChain {
  const { machine, graph } = input;
  if (graph.expanded < graph.size) throw new ScenarioError('odds: the explored graph is partial (a limit stopped it); odds need every reachable state');
  const midnightEvent = graph.eventTypes.indexOf(MIDNIGHT);
  const edgeOf = (g: number, type: string): number => {
    for (let e = graph.edgeStart(g), end = graph.edgeStart(g + 1); e < end; e++) if (graph.eventTypes[graph.edgeEvent(e)] === type) return graph.edgeTarget(e);
    return -1;
  };
  // Only an edge into or out of a node with a timer can start or cancel one: the others are not asked.
  const timed = timerNodes(machine);
  const holdsTimer = new Int8Array(graph.size).fill(-1);
  const mayTime = (g: number) => {
    if (timed === null) return true;
    if (holdsTimer[g] === -1) {
      const view = graph.state(g);
      holdsTimer[g] = timed.some((value) => view.matches(value)) ? 1 : 0;
    }
    return holdsTimer[g] === 1;
  };
  const snapshotOf = snapshotMaker(machine);
  const snapshots = new Map<number, AnyMachineSnapshot>();
  // The delayed events an edge starts and cancels, as XState's transition hands them to its scope.
  const actionCache = new Map<string, readonly ActionLike[]>();
  let captured: ActionLike[] = [];
  // One scope for every call, as the explorer has: the actions XState would run are kept, not run.
  const scope = createTransitionScope((action) => captured.push(action));
  const actionsOf = (g: number, type: string) => {
    const key = `${g} ${type}`;
    let actions = actionCache.get(key);
    if (!actions) {
      const view = graph.state(g);
      let snapshot = snapshots.get(g);
      if (!snapshot) snapshots.set(g, (snapshot = snapshotOf(JSON.stringify(view.value), view.value, view.context)));
      captured = [];
      machine.transition(snapshot, eventFor(type, view.context), scope);
      actions = captured;
      actionCache.set(key, actions);
    }
    return actions;
  };
  const apply = (waiting: readonly StartTimer[], actions: readonly ActionLike[]): StartTimer[] => {
    let next = [...waiting];
    for (const action of actions) {
      const change = delayedChange(action);
      if (change === null) continue;
      const id = 'cancel' in change ? change.cancel : change.start.id;
      next = next.filter((w) => w.id !== id);
      if ('start' in change) next.push(change.start);
    }
    return next;
  };
  /** Fire every timer due (no days left), earliest armed first, until none is. */
  const settle = (g: number, waiting: StartTimer[]): [number, StartTimer[]] => {
    for (let fired = 0; ; fired++) {
      const due = waiting.findIndex((w) => w.days <= 0);
      if (due < 0) return [g, waiting];
      if (fired === MAX_FIRINGS) throw new ScenarioError(`odds: timers keep firing one another at the same moment (${waiting[due]!.type})`);
      const timer = waiting[due]!;
      const rest = waiting.filter((_, i) => i !== due);
      const target = edgeOf(g, timer.type);
      // A timer whose event changes nothing here is spent.
      if (target < 0) waiting = rest;
      else [g, waiting] = [target, apply(rest, actionsOf(g, timer.type))];
    }
  };

  const keys = new Map<string, number>();
  const stateOf: number[] = [];
  const waitingOf: StartTimer[][] = [];
  const keyOf = (g: number, waiting: readonly StartTimer[]) => `${g}${waiting.map((w) => ` ${w.id}=${w.days}`).join('')}`;
  const node = (g: number, waiting: StartTimer[]): number => {
    const key = keyOf(g, waiting);
    let n = keys.get(key);
    if (n === undefined) {
      n = stateOf.length;
      keys.set(key, n);
      stateOf.push(g);
      waitingOf.push(waiting);
    }
    return n;
  };
  const outcomeIndex = new Map(input.outcomes.map((o, i) => [o, i]));
  const eventTypes: string[] = [];
  const eventIndex = new Map<string, number>();
  const edges: TimedEdge[] = [];
  const midnight: number[] = [];
  const outcome: number[] = [];
  const resolved: number[] = [];
  let maxTimers = 0;
  node(...settle(0, (input.timers ?? []).map((t) => ({ ...t }))));
  for (let n = 0; n < stateOf.length; n++) {
    const g = stateOf[n]!;
    const waiting = waitingOf[n]!;
    maxTimers = Math.max(maxTimers, waiting.length);
    const name = input.outcomeOf(g);
    const index = outcomeIndex.get(name);
    if (index === undefined) throw new Error(`timedChain: outcome '${name}' is not among the outcomes given`);
    outcome.push(index);
    const done = input.isResolved(name);
    resolved.push(done ? 1 : 0);
    if (done) {
      midnight.push(n);
      continue;
    }
    for (let e = graph.edgeStart(g), end = graph.edgeStart(g + 1); e < end; e++) {
      const event = graph.edgeEvent(e);
      if (event === midnightEvent) continue;
      const type = graph.eventTypes[event]!;
      if (type.startsWith(TIMER_PREFIX)) continue;
      const g2 = graph.edgeTarget(e);
      const to = node(...settle(g2, mayTime(g) || mayTime(g2) ? apply(waiting, actionsOf(g, type)) : [...waiting]));
      let k = eventIndex.get(type);
      if (k === undefined) eventIndex.set(type, (k = eventTypes.push(type) - 1));
      edges.push({ from: n, to, event: k });
    }
    const after = midnightEvent >= 0 ? edgeOf(g, MIDNIGHT) : -1;
    midnight.push(node(...settle(after < 0 ? g : after, waiting.map((w) => ({ ...w, days: w.days - 1 })))));
  }
  return {
    size: stateOf.length,
    state: Int32Array.from(stateOf),
    midnight: Int32Array.from(midnight),
    resolved: Uint8Array.from(resolved),
    outcome: Int32Array.from(outcome),
    outcomes: input.outcomes,
    outcomeResolved: Uint8Array.from(input.outcomes, (o) => (input.isResolved(o) ? 1 : 0)),
    edges,
    eventTypes,
    maxTimers,
  };
}
