import { initialTransition, transition, type AnyEventObject, type SnapshotFrom, type StateValue } from 'xstate';
import { ACTORS, type ActorId } from '../model/actors.js';
import { ceasefireMachine, type CeasefireMachine } from '../model/ceasefire.machine.js';
import { EVENTS, type CeasefireEvent } from '../model/events.js';
import { outcomeOf, type Outcome } from '../model/outcome.js';
import { ScenarioError } from './errors.js';
import type { Expectation, Scenario, Source, Step, Verification } from './scenario.js';
import { Timers, type PendingTimer } from './timers.js';
import { diffTracks, type TrackChange } from './view.js';
import { statesAccepting } from './accepting.js';

/** A snapshot of the ceasefire machine. */
export type CeasefireSnapshot = SnapshotFrom<CeasefireMachine>;

/** Whether an expectation held, and what was found instead. */
export interface ExpectationResult {
  readonly step: string;
  readonly description: string;
  readonly ok: boolean;
  readonly expected: Expectation;
  readonly actual: { readonly state: StateValue; readonly outcome: Outcome };
}

/** One applied step: the event, who acted, the sources, and the state it left. */
export interface StepResult {
  readonly id: string;
  readonly date: string;
  readonly datePrecision: 'day' | 'month';
  /** `scenario` for a dated step; `timer` for a delayed transition the calendar fired. */
  readonly kind: 'scenario' | 'timer';
  readonly hypothetical: boolean;
  readonly actor: { readonly id: ActorId | 'calendar'; readonly name: string };
  readonly event: { readonly type: string; readonly description: string };
  readonly sources: readonly Source[];
  readonly verification: Verification | null;
  readonly note?: string;
  readonly state: StateValue;
  readonly changes: readonly TrackChange[];
  readonly expectation?: ExpectationResult;
}

/** The full result of replaying a scenario or one of its branches. */
export interface ReplayResult {
  readonly scenario: string;
  readonly title: string;
  readonly branch: string | null;
  readonly steps: readonly StepResult[];
  readonly final: {
    readonly date: string | null;
    readonly state: StateValue;
    readonly outcome: Outcome;
    readonly pendingTimers: readonly PendingTimer[];
  };
  readonly expectations: readonly ExpectationResult[];
  /** True when every expectation held (and a branch reached its declared outcome). */
  readonly ok: boolean;
  readonly snapshot: CeasefireSnapshot;
}

/** Options for {@link replay}. */
export interface ReplayOptions {
  /** Replay this branch instead of the record (null or absent: the record). */
  readonly branch?: string | null;
}

function checkExpectation(step: string, expected: Expectation, snapshot: CeasefireSnapshot): ExpectationResult {
  const outcome = outcomeOf(snapshot);
  const stateOk = expected.state === undefined || snapshot.matches(expected.state as never);
  const outcomeOk = expected.outcome === undefined || expected.outcome === outcome;
  return {
    step,
    description: expected.description ?? (expected.outcome ? `outcome is ${expected.outcome}` : 'state matches'),
    ok: stateOk && outcomeOk,
    expected,
    actual: { state: snapshot.value, outcome },
  };
}

function refuse(step: Step, snapshot: CeasefireSnapshot): never {
  const where = `step '${step.id}' (${step.date})`;
  const current = snapshot.context.date;
  if (current !== null && step.date < current) {
    throw new ScenarioError(`${where}: event '${step.event}' is dated before the model's current date ${current}`);
  }
  const needed = statesAccepting(step.event);
  throw new ScenarioError(
    `${where}: event '${step.event}' is not accepted in the current state; it needs one of: ${needed.join(', ') || '(no state accepts it)'}`,
  );
}

/** Steps to replay for the record or a branch, each marked hypothetical or not. */
function planSteps(scenario: Scenario, branchName: string | null | undefined): { steps: Array<{ step: Step; hypothetical: boolean }>; expectedOutcome?: Outcome } {
  if (branchName === null || branchName === undefined) {
    return { steps: scenario.steps.map((step) => ({ step, hypothetical: false })) };
  }
  const branch = scenario.branches.find((b) => b.name === branchName);
  if (!branch) {
    const known = scenario.branches.map((b) => b.name).join(', ') || 'none';
    throw new ScenarioError(`scenario '${scenario.id}' has no branch '${branchName}' (branches: ${known})`);
  }
  const fork = scenario.steps.findIndex((s) => s.id === branch.from);
  if (fork < 0) throw new ScenarioError(`branch '${branch.name}': field 'from': unknown step '${branch.from}'`);
  return {
    steps: [
      ...scenario.steps.slice(0, fork + 1).map((step) => ({ step, hypothetical: false })),
      ...branch.steps.map((step) => ({ step, hypothetical: true })),
    ],
    expectedOutcome: branch.expectedOutcome,
  };
}

/**
 * Replay a scenario (or one of its branches) on the ceasefire machine with the
 * pure `transition` function: each step's resulting state, the delayed
 * transitions the calendar fires between steps, and every expectation checked.
 * Throws a {@link ScenarioError} when a step is refused by the model.
 */
export function replay(scenario: Scenario, options: ReplayOptions = {}): ReplayResult {
  const plan = planSteps(scenario, options.branch);
  const timers = new Timers();
  let [snapshot, actions] = initialTransition(ceasefireMachine);
  timers.apply(actions, snapshot.context.date);
  const steps: StepResult[] = [];
  const expectations: ExpectationResult[] = [];

  const fireDueTimers = (until: string) => {
    for (let due = timers.nextDue(until); due; due = timers.nextDue(until)) {
      const before = snapshot;
      [snapshot, actions] = transition(ceasefireMachine, snapshot, due.event as AnyEventObject as CeasefireEvent);
      timers.apply(actions, snapshot.context.date);
      steps.push({
        id: `timer-${due.due}`,
        date: due.due,
        datePrecision: 'day',
        kind: 'timer',
        hypothetical: plan.expectedOutcome !== undefined,
        actor: { id: 'calendar', name: 'Calendar' },
        event: { type: due.event.type, description: due.description },
        sources: [],
        verification: null,
        state: snapshot.value,
        changes: diffTracks(before.value, snapshot.value),
      });
    }
  };

  for (const { step, hypothetical } of plan.steps) {
    fireDueTimers(step.date);
    const event: CeasefireEvent = { type: step.event, date: step.date };
    if (!snapshot.can(event)) refuse(step, snapshot);
    const before = snapshot;
    [snapshot, actions] = transition(ceasefireMachine, snapshot, event);
    timers.apply(actions, snapshot.context.date);
    const expectation = step.expect ? checkExpectation(step.id, step.expect, snapshot) : undefined;
    if (expectation) expectations.push(expectation);
    steps.push({
      id: step.id,
      date: step.date,
      datePrecision: step.datePrecision ?? 'day',
      kind: 'scenario',
      hypothetical,
      actor: { id: step.actor, name: ACTORS[step.actor].name },
      event: { type: step.event, description: EVENTS[step.event].description },
      sources: step.sources,
      verification: step.verification,
      ...(step.note ? { note: step.note } : {}),
      state: snapshot.value,
      changes: diffTracks(before.value, snapshot.value),
      ...(expectation ? { expectation } : {}),
    });
  }

  const outcome = outcomeOf(snapshot);
  if (plan.expectedOutcome !== undefined) {
    expectations.push(
      checkExpectation(plan.steps.at(-1)?.step.id ?? '', { description: `branch ends in ${plan.expectedOutcome}`, outcome: plan.expectedOutcome }, snapshot),
    );
  }
  return {
    scenario: scenario.id,
    title: scenario.title,
    branch: options.branch ?? null,
    steps,
    final: { date: snapshot.context.date, state: snapshot.value, outcome, pendingTimers: timers.pending() },
    expectations,
    ok: expectations.every((e) => e.ok),
    snapshot,
  };
}
