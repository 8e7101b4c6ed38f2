import { isDeepStrictEqual } from 'node:util';
import { initialTransition, transition, type AnyEventObject, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, type StateValue } from 'xstate';
import { ScenarioError } from './errors.js';
import { Timers, type PendingTimer } from './timers.js';

// A saved run is untrusted input: this checks it against the machine it claims to come from,
// for any machine, so that resuming it can neither crash nor print a state the model never reached.

/** A path to a field of a saved run, e.g. `['state', 'steps', 3, 'date']`. */
export type SavedPath = ReadonlyArray<string | number>;

/** `state.steps[3].date` for `['state', 'steps', 3, 'date']`. */
export function fieldName(path: SavedPath): string {
  // A key from the file is echoed, so a long one is cut to keep the message a line.
  const cut = (key: string) => (key.length > 40 ? `${key.slice(0, 37)}...` : key);
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${cut(key)}`)).join('');
}

/** A value echoed in a message: short and on one line, whatever the input. */
export function shown(value: unknown): string {
  const cut = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
  if (typeof value === 'string') return `'${cut(value)}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  try {
    return cut(JSON.stringify(value) ?? typeof value);
  } catch {
    return Array.isArray(value) ? 'a list' : 'an object';
  }
}

/** How the model's run output labels what its states mean; a saved run repeats these labels and must agree. */
export interface SavedRunLabels {
  /** The name run output gives an actor, or undefined for an unknown actor. */
  actorName(id: string): string | undefined;
  /** The description run output gives an event type, or undefined for an event the model does not know. */
  eventDescription(type: string): string | undefined;
  /** The changes run output lists for a step between two state values. */
  changes(before: StateValue, after: StateValue): unknown;
  /** The outcome a state value stands at. */
  outcome(value: StateValue): string;
}

/** A recorded step of a saved run, its shape already checked. */
export interface UncheckedStep {
  readonly id: string;
  readonly date: string;
  readonly datePrecision: 'day' | 'month' | 'undated';
  readonly kind: 'scenario' | 'timer';
  readonly hypothetical: boolean;
  readonly actor: { readonly id: string; readonly name: string };
  readonly event: { readonly type: string; readonly description: string };
  readonly sources: ReadonlyArray<{ readonly article: string; readonly quote: string }>;
  readonly verification: string | null;
  readonly attribution: string | null;
  readonly note?: string;
  readonly state: unknown;
  readonly changes: readonly unknown[];
}

/** A checked expectation of a saved run, its shape already checked. */
export interface UncheckedExpectation {
  readonly step: string;
  readonly description: string;
  readonly ok: boolean;
  readonly expected: { readonly description?: string; readonly state?: unknown; readonly outcome?: string };
  readonly actual: { readonly state: unknown; readonly outcome: string };
}

/** A saved run whose JSON shape is checked but not yet its meaning. */
export interface UncheckedRun {
  readonly position: { readonly applied: number; readonly of: number; readonly lastStep: string | null; readonly paused: boolean };
  readonly state: {
    readonly value: unknown;
    readonly context: { readonly date: string | null; readonly [field: string]: unknown };
    readonly calendar: string | null;
    readonly pendingTimers: readonly PendingTimer[];
    readonly steps: readonly UncheckedStep[];
    readonly expectations: readonly UncheckedExpectation[];
    readonly warnings: readonly string[];
  };
}

/** The run state of a saved run once checked, in the form a straight run produces it. */
export interface CheckedState {
  readonly value: StateValue;
  readonly context: Record<string, unknown>;
  readonly calendar: string | null;
  readonly pendingTimers: readonly PendingTimer[];
  readonly steps: readonly UncheckedStep[];
  readonly expectations: readonly UncheckedExpectation[];
  readonly warnings: readonly string[];
}

type Fail = (path: SavedPath, message: string) => never;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The child states of a node that a state value can name (history pseudo-states are not states). */
function childStates(node: AnyStateNode): Map<string, AnyStateNode> {
  return new Map(Object.entries(node.states as Record<string, AnyStateNode>).filter(([, child]) => child.type !== 'history'));
}

function nodeName(node: AnyStateNode): string {
  if (node.path.length === 0) return 'the model';
  return node.path.length === 1 && node.parent?.type === 'parallel' ? `track ${node.key}` : `state ${node.path.join('.')}`;
}

function needs(node: AnyStateNode): string {
  const names = [...childStates(node).keys()].join(', ');
  if (node.type === 'parallel') return `a state in each of ${names}`;
  if (node.type === 'compound') return `one of ${names}`;
  return 'no substate ({})';
}

/** Check that `value` is a complete configuration inside `node`, collecting the active nodes. */
function checkValueIn(node: AnyStateNode, value: unknown, path: SavedPath, active: AnyStateNode[], fail: Fail): void {
  active.push(node);
  const children = childStates(node);
  const known = [...children.keys()].join(', ');
  if (node.type === 'parallel') {
    if (!isRecord(value)) fail(path, `expected ${nodeName(node)} to have ${needs(node)}, got ${shown(value)}`);
    for (const key of Object.keys(value)) {
      if (!children.has(key)) fail([...path, key], `${shown(key)} is not a ${node.path.length ? 'region' : 'track'} of ${nodeName(node)} (known: ${known})`);
    }
    for (const [key, child] of children) {
      if (!Object.hasOwn(value, key)) fail([...path, key], `is missing: ${nodeName(child)} needs ${needs(child)}`);
      checkValueIn(child, value[key], [...path, key], active, fail);
    }
    return;
  }
  if (node.type === 'compound') {
    let key: string;
    let inner: unknown;
    if (typeof value === 'string') {
      key = value;
    } else if (isRecord(value) && Object.keys(value).length === 1) {
      key = Object.keys(value)[0]!;
      inner = value[key];
    } else {
      return fail(path, `expected one state of ${nodeName(node)} (${known}), got ${shown(value)}`);
    }
    const child = children.get(key);
    if (!child) fail(path, `${shown(key)} is not a state of ${nodeName(node)} (known: ${known})`);
    const nested = child.type === 'compound' || child.type === 'parallel';
    if (nested && typeof value === 'string') fail(path, `'${key}' is incomplete: ${nodeName(child)} needs ${needs(child)}`);
    if (!nested && typeof value !== 'string') fail(path, `expected '${key}' (${nodeName(child)} has no substates), got ${shown(value)}`);
    if (nested) checkValueIn(child, inner, [...path, key], active, fail);
    else active.push(child);
    return;
  }
  // An atomic region of a parallel state has the empty value.
  if (!isRecord(value) || Object.keys(value).length > 0) fail(path, `expected {} (${nodeName(node)} has no substates), got ${shown(value)}`);
}

/**
 * Check that `value` is a complete state value of `machine`: every region of
 * every parallel state present, no unknown key, every name a real state and
 * nesting that matches the chart. Returns the active state nodes; throws
 * through `fail` otherwise, so `machine.resolveState` is safe on the value.
 */
export function checkStateValue(machine: AnyStateMachine, value: unknown, path: SavedPath, fail: Fail): AnyStateNode[] {
  const active: AnyStateNode[] = [];
  checkValueIn(machine.root, value, path, active, fail);
  return active;
}

/** The delayed transitions the active state nodes arm, by the timer id XState gives them (its event type). */
function armedTimers(active: readonly AnyStateNode[]): Map<string, AnyStateNode> {
  const armed = new Map<string, AnyStateNode>();
  for (const node of active) for (const delayed of node.after) armed.set(delayed.eventType, node);
  return armed;
}

/** The first place where two JSON values differ, as a path and the two values found there. */
function firstDifference(saved: unknown, expected: unknown, path: SavedPath): { path: SavedPath; saved: unknown; expected: unknown } | null {
  if (isDeepStrictEqual(saved, expected)) return null;
  if (isRecord(saved) && isRecord(expected)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(saved)])) {
      const inner = firstDifference(saved[key], expected[key], [...path, key]);
      if (inner) return inner;
    }
  }
  return { path, saved, expected };
}

/** XState's `matchesState` on own keys only, so an untrusted expectation cannot reach an object's prototype. */
function matchesValue(expected: unknown, actual: StateValue): boolean {
  const toValue = (v: unknown): unknown => (typeof v === 'string' ? v.split('.').reduceRight<unknown>((inner, key) => (inner === undefined ? key : { [key]: inner }), undefined) : v);
  const parent = toValue(expected);
  if (typeof actual === 'string') return parent === actual;
  if (typeof parent === 'string') return Object.hasOwn(actual, parent);
  if (!isRecord(parent)) return false;
  return Object.entries(parent).every(([key, inner]) => Object.hasOwn(actual, key) && actual[key] !== undefined && matchesValue(inner, actual[key]!));
}

function isStateValueShape(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return true;
  return depth < 32 && isRecord(value) && Object.values(value).every((inner) => isStateValueShape(inner, depth + 1));
}

function dateOf(context: unknown): string | null {
  const date = isRecord(context) ? context['date'] : undefined;
  return typeof date === 'string' ? date : null;
}

class SavedRunChecker {
  constructor(
    readonly run: UncheckedRun,
    readonly machine: AnyStateMachine,
    readonly labels: SavedRunLabels,
    readonly fail: Fail,
  ) {}

  position(): void {
    const { position, state } = this.run;
    const at = (field: string) => ['position', field];
    if (position.applied > position.of) this.fail(at('applied'), `${position.applied} is more than the ${position.of} steps of the run ('position.of')`);
    if ((position.lastStep === null) !== (position.applied === 0)) {
      this.fail(at('lastStep'), position.lastStep === null ? `is null after ${position.applied} steps` : `${shown(position.lastStep)} but no step was applied`);
    }
    if (!position.paused && position.applied !== position.of) this.fail(at('paused'), `false, but the run stopped at step ${position.applied} of ${position.of}`);
    const recorded = state.steps.filter((s) => s.kind === 'scenario').length;
    // Each planned step is either recorded or skipped with one warning; a paused run has no further steps.
    const counted = recorded + state.warnings.length;
    if (position.paused ? counted !== position.applied : counted < position.applied) {
      this.fail(at('applied'), `${position.applied} does not match the ${recorded} steps recorded and ${state.warnings.length} skipped`);
    }
    // Without skipped steps, a paused run stopped after the last step it recorded.
    const last = state.steps.filter((s) => s.kind === 'scenario').at(-1);
    if (position.paused && state.warnings.length === 0 && last && position.lastStep !== last.id) {
      this.fail(at('lastStep'), `${shown(position.lastStep)} is not the last step recorded ('${last.id}')`);
    }
  }

  dates(): void {
    const { state, position } = this.run;
    let previous: string | null = null;
    state.steps.forEach((step, i) => {
      if (previous !== null && step.date < previous) this.fail(['state', 'steps', i, 'date'], `${step.date} is before the previous step's ${previous}`);
      previous = step.date;
    });
    const last = state.steps.at(-1);
    const date = state.context.date;
    if (state.calendar === null) {
      if (last) this.fail(['state', 'calendar'], `is null, but the run has steps up to ${last.date}`);
      if (date !== null) this.fail(['state', 'calendar'], `is null, but the model's date is ${date}`);
      if (state.pendingTimers.length) this.fail(['state', 'pendingTimers', 0], 'no timer can be pending before the calendar starts');
      return;
    }
    if (last && state.calendar < last.date) this.fail(['state', 'calendar'], `${state.calendar} is before the last step's date ${last.date}`);
    if (date !== null && date > state.calendar) this.fail(['state', 'context', 'date'], `${date} is after the calendar ${state.calendar}`);
    // A paused run has not run its calendar forward: it stands on its last step unless a step was skipped later.
    if (position.paused && state.warnings.length === 0 && last && state.calendar !== last.date) {
      this.fail(['state', 'calendar'], `${state.calendar} is not the date of the step the run paused after (${last.date})`);
    }
    const calendar = state.calendar;
    state.pendingTimers.forEach((timer, i) => {
      if (timer.due <= calendar) this.fail(['state', 'pendingTimers', i, 'due'], `${timer.due} is not after the calendar ${calendar}: a timer due by then has fired`);
    });
  }

  timersArmed(active: readonly AnyStateNode[]): void {
    const armed = armedTimers(active);
    const seen = new Set<string>();
    this.run.state.pendingTimers.forEach((timer, i) => {
      const at = ['state', 'pendingTimers', i];
      if (seen.has(timer.id)) this.fail([...at, 'id'], `timer ${shown(timer.id)} is pending twice`);
      seen.add(timer.id);
      if (!armed.has(timer.id)) {
        this.fail([...at, 'id'], `timer ${shown(timer.id)} is not armed by any active state (armed: ${[...armed.keys()].join(', ') || 'none'})`);
      }
      // XState raises a delayed transition under its own event type as the timer id.
      if (timer.event.type !== timer.id) this.fail([...at, 'event', 'type'], `${shown(timer.event.type)} is not the event of timer ${shown(timer.id)}`);
    });
  }

  /** Replay the recorded steps on the machine, as the runner applied them; returns the snapshot and timers reached. */
  history(): { snapshot: AnyMachineSnapshot; timers: Timers; steps: UncheckedStep[]; reached: StateValue[] } {
    const [initial, actions] = initialTransition(this.machine);
    let snapshot: AnyMachineSnapshot = initial;
    const timers = new Timers();
    timers.apply(actions, dateOf(snapshot.context));
    const reached: StateValue[] = [snapshot.value];
    const steps: UncheckedStep[] = [];
    let hypothetical = false;
    this.run.state.steps.forEach((step, i) => {
      const at = (...field: Array<string | number>) => ['state', 'steps', i, ...field];
      const next = timers.pending()[0];
      let event: AnyEventObject;
      if (step.kind === 'timer') {
        if (!next) this.fail(at('kind'), 'a timer fires here, but no delayed transition is pending');
        if (step.event.type !== next.event.type) this.fail(at('event', 'type'), `${shown(step.event.type)} is not the delayed transition due next ('${next.event.type}')`);
        if (step.date !== next.due) this.fail(at('date'), `${step.date} is not when '${next.event.type}' falls due (${next.due})`);
        // The runner's own record of a fired timer: its id, the calendar as actor, the step before's hypothetical flag.
        const id = `timer-${next.due}`;
        const calendar = { id: 'calendar', name: 'Calendar' };
        if (step.id !== id) this.fail(at('id'), `${shown(step.id)} is not the id of a timer falling due on ${next.due} ('${id}')`);
        if (step.datePrecision !== 'day') this.fail(at('datePrecision'), `a timer falls due on a day, not a '${step.datePrecision}'`);
        if (step.hypothetical !== hypothetical) this.fail(at('hypothetical'), `${step.hypothetical}, but a timer is as hypothetical as the step before it (${hypothetical})`);
        if (!isDeepStrictEqual(step.actor, calendar)) this.fail(at('actor'), `${shown(step.actor)} is not the calendar (${shown(calendar)})`);
        if (step.event.description !== next.description) this.fail(at('event', 'description'), `${shown(step.event.description)} does not describe the timer ('${next.description}')`);
        if (step.sources.length) this.fail(at('sources'), 'a timer has no sources');
        if (step.verification !== null) this.fail(at('verification'), 'a timer has no verification');
        if (step.attribution !== null) this.fail(at('attribution'), 'a timer has no attribution');
        if (step.note !== undefined) this.fail(at('note'), 'a timer has no note');
        timers.nextDue(next.due);
        event = next.event;
      } else {
        if (next && next.due <= step.date) {
          this.fail(at('date'), `${step.date} is on or after ${next.due}, when '${next.event.type}' falls due, yet no timer step fired it before`);
        }
        // Delayed events are the calendar's to fire, never a step's.
        const description = step.event.type.startsWith('xstate.') ? undefined : this.labels.eventDescription(step.event.type);
        if (description === undefined) this.fail(at('event', 'type'), `${shown(step.event.type)} is not an event of the model`);
        event = { type: step.event.type, date: step.date };
        if (!this.accepts(snapshot, event)) {
          this.fail(at('event', 'type'), `the model refuses '${step.event.type}' on ${step.date} in the state the steps before it reach`);
        }
        if (step.event.description !== description) this.fail(at('event', 'description'), `${shown(step.event.description)} does not describe event '${step.event.type}' ('${description}')`);
        const name = this.labels.actorName(step.actor.id);
        if (name === undefined) this.fail(at('actor', 'id'), `${shown(step.actor.id)} is not an actor of the model`);
        if (step.actor.name !== name) this.fail(at('actor', 'name'), `${shown(step.actor.name)} is not the name of actor '${step.actor.id}' ('${name}')`);
        if (hypothetical && !step.hypothetical) this.fail(at('hypothetical'), 'false after a hypothetical step: a run never returns to the record');
      }
      const before = snapshot;
      const [after, effects] = this.step(before, event, at());
      snapshot = after;
      timers.apply(effects, dateOf(after.context));
      const difference = firstDifference(step.state, after.value, at('state'));
      if (difference) {
        this.fail(difference.path, `${shown(difference.saved)} is not the state this step reaches (${shown(difference.expected)})`);
      }
      const changes = this.labels.changes(before.value, after.value);
      if (!isDeepStrictEqual(step.changes, changes)) this.fail(at('changes'), `${shown(step.changes)} is not what changes in this step (${shown(changes)})`);
      hypothetical = step.hypothetical;
      reached.push(after.value);
      // The run's own form of the step: the checked values with the model's states in the model's key order.
      steps.push({ ...step, state: after.value, changes: changes as unknown[] });
    });
    return { snapshot, timers, steps, reached };
  }

  accepts(snapshot: AnyMachineSnapshot, event: AnyEventObject): boolean {
    try {
      return snapshot.can(event);
    } catch {
      return false;
    }
  }

  step(snapshot: AnyMachineSnapshot, event: AnyEventObject, at: SavedPath): [AnyMachineSnapshot, ReadonlyArray<{ readonly type: string; readonly params?: unknown }>] {
    try {
      return transition(this.machine, snapshot, event) as [AnyMachineSnapshot, ReadonlyArray<{ readonly type: string; readonly params?: unknown }>];
    } catch (error) {
      return this.fail(at, `the model cannot take this step (${shown(error instanceof Error ? error.message : String(error))})`);
    }
  }

  finalState(snapshot: AnyMachineSnapshot): void {
    const { state } = this.run;
    const value = firstDifference(state.value, snapshot.value, ['state', 'value']);
    if (value) this.fail(value.path, `${shown(value.saved)} is not the state the recorded steps reach (${shown(value.expected)})`);
    const context = firstDifference(state.context, snapshot.context, ['state', 'context']);
    if (context) this.fail(context.path, `${shown(context.saved)} is not what the recorded steps leave (${shown(context.expected)})`);
  }

  timersPending(timers: Timers, active: readonly AnyStateNode[]): PendingTimer[] {
    const expected = timers.pending();
    const saved = this.run.state.pendingTimers;
    const armed = armedTimers(active);
    for (const timer of expected) {
      if (!saved.some((t) => t.id === timer.id)) {
        const node = armed.get(timer.id);
        this.fail(['state', 'pendingTimers'], `the timer '${timer.id}'${node ? ` of ${nodeName(node)}` : ''}, due ${timer.due}, is missing`);
      }
    }
    saved.forEach((timer, i) => {
      const at = ['state', 'pendingTimers', i];
      const twin = expected.find((t) => t.id === timer.id);
      if (!twin) this.fail([...at, 'id'], `timer ${shown(timer.id)} was never set by the recorded steps`);
      if (timer.due !== twin.due) this.fail([...at, 'due'], `${timer.due} is not when the timer falls due (${twin.due}, set when its state was entered)`);
      if (timer.description !== twin.description) this.fail([...at, 'description'], `${shown(timer.description)} does not describe the timer ('${twin.description}')`);
    });
    if (!isDeepStrictEqual(saved.map((t) => t.id), expected.map((t) => t.id))) this.fail(['state', 'pendingTimers'], 'the timers are not in the order they fall due');
    return expected;
  }

  /** `reached[0]` is the initial state, `reached[i + 1]` the state after step i. */
  expectations(reached: readonly StateValue[]): UncheckedExpectation[] {
    const steps = this.run.state.steps;
    return this.run.state.expectations.map((expectation, i) => {
      const at = (...field: string[]) => ['state', 'expectations', i, ...field];
      const { expected, actual } = expectation;
      // An expectation is checked right after its step, or at the end of the run (after timers the calendar fired).
      const from = steps.findIndex((s) => s.kind === 'scenario' && s.id === expectation.step) + 1;
      const state = reached.slice(from).find((value) => isDeepStrictEqual(value, actual.state));
      if (state === undefined) {
        this.fail(at('actual', 'state'), `${shown(actual.state)} is not a state the run reaches ${from ? `from step '${expectation.step}' on` : 'in its steps'}`);
      }
      const outcome = this.labels.outcome(state);
      if (actual.outcome !== outcome) this.fail(at('actual', 'outcome'), `'${actual.outcome}' is not the outcome of its state ('${outcome}')`);
      if (expected.state !== undefined && !isStateValueShape(expected.state)) this.fail(at('expected', 'state'), `${shown(expected.state)} is not a state value`);
      const ok = (expected.state === undefined || matchesValue(expected.state, state)) && (expected.outcome === undefined || expected.outcome === outcome);
      if (expectation.ok !== ok) this.fail(at('ok'), `${expectation.ok}, but what was expected and what was found say ${ok}`);
      return { ...expectation, actual: { state, outcome } };
    });
  }
}

/**
 * Check a saved run (its JSON shape already checked) against `machine`: a
 * complete, real state value; real dates in calendar order; the recorded
 * steps replayed on the machine reaching each recorded state, the saved state
 * and context; exactly the pending timers the active states armed, due when
 * they were armed for; expectations that follow from their states. Throws a
 * one-line {@link ScenarioError} naming `origin` and the field; returns the
 * run state in the form a straight run produces it.
 */
export function checkSavedRun(run: UncheckedRun, machine: AnyStateMachine, labels: SavedRunLabels, origin: string): CheckedState {
  const fail: Fail = (path, message) => {
    throw new ScenarioError(`${origin}: field '${fieldName(path)}': ${message}`);
  };
  const check = new SavedRunChecker(run, machine, labels, fail);
  check.position();
  const active = checkStateValue(machine, run.state.value, ['state', 'value'], fail);
  check.dates();
  check.timersArmed(active);
  const { snapshot, timers, steps, reached } = check.history();
  check.finalState(snapshot);
  const pendingTimers = check.timersPending(timers, active);
  const expectations = check.expectations(reached);
  return {
    value: snapshot.value,
    context: snapshot.context as Record<string, unknown>,
    calendar: run.state.calendar,
    pendingTimers,
    steps,
    expectations,
    warnings: run.state.warnings,
  };
}
