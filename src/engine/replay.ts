import { initialTransition, transition, type AnyEventObject, type AnyMachineSnapshot, type StateValue } from 'xstate';
import type { IsoDate } from './calendar.js';
import type { Model } from './model.js';
import { statesAccepting } from './accepting.js';
import { ScenarioError } from './errors.js';
import { planSteps, type PlannedStep } from './plan.js';
import { checkSavedAgainstPlan } from './saved-plan-check.js';
import type { DatePrecision, Expectation, Scenario, Source, Verification } from './scenario.js';
import { Timers, type PendingTimer } from './timers.js';
import { diffTracks, leafPaths, type TrackChange } from './view.js';

/** A snapshot of a run's machine; its context holds the model's calendar day as `date`. */
export type RunSnapshot = AnyMachineSnapshot & { readonly context: { readonly date: IsoDate | null } };

/** Whether an expectation held, and what was found instead. */
export interface ExpectationResult {
  readonly step: string;
  readonly description: string;
  readonly ok: boolean;
  readonly expected: Expectation;
  readonly actual: { readonly state: StateValue; readonly outcome: string };
}

/** One applied step: the event, who acted, the sources, and the state it left. */
export interface StepResult {
  readonly id: string;
  readonly date: string;
  readonly datePrecision: DatePrecision;
  /** `scenario` for a dated step; `timer` for a delayed transition the calendar fired. */
  readonly kind: 'scenario' | 'timer';
  readonly hypothetical: boolean;
  readonly actor: { readonly id: string; readonly name: string };
  readonly event: { readonly type: string; readonly description: string };
  readonly sources: readonly Source[];
  readonly verification: Verification | null;
  /** Who the article credits (`The New York Times reported`, `reports`); null when it credits no outlet. */
  readonly attribution: string | null;
  readonly note?: string;
  readonly state: StateValue;
  readonly changes: readonly TrackChange[];
}

/** Everything a run has reached: enough to print it, save it and continue it. */
export interface RunState {
  readonly value: StateValue;
  readonly context: RunSnapshot['context'];
  /** The scenario's calendar: the last step's date, or later when time was run forward. */
  readonly calendar: IsoDate | null;
  readonly pendingTimers: readonly PendingTimer[];
  readonly steps: readonly StepResult[];
  readonly expectations: readonly ExpectationResult[];
  readonly warnings: readonly string[];
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
    readonly outcome: string;
    readonly pendingTimers: readonly PendingTimer[];
  };
  readonly expectations: readonly ExpectationResult[];
  /** Steps skipped by a lenient run, one line each. */
  readonly warnings: readonly string[];
  /** True when every expectation held (and a branch reached its declared outcome). */
  readonly ok: boolean;
  /**
   * How many planned steps were applied (or skipped) of how many, the last one,
   * and whether the run was paused by `stopAfter` before its end checks.
   */
  readonly position: { readonly applied: number; readonly of: number; readonly lastStep: string | null; readonly paused: boolean };
  readonly snapshot: RunSnapshot;
  /** The run's state, as {@link resumeRun} takes it back. */
  readonly state: RunState;
}

/** Options for {@link replay}. */
export interface ReplayOptions {
  /** Replay this branch instead of the record (null or absent: the record). */
  readonly branch?: string | null;
  /** After the last step, run the calendar forward to this day, firing delayed transitions. */
  readonly until?: IsoDate;
  /** Skip a step the model refuses, with a warning, instead of stopping with an error. */
  readonly lenient?: boolean;
  /** Stop after this step (to save the run and resume it later). */
  readonly stopAfter?: string;
}

function checkExpectation(model: Model, step: string, expected: Expectation, snapshot: RunSnapshot): ExpectationResult {
  const outcome = model.outcomeOf(snapshot);
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

/** Applies planned steps and calendar time to one snapshot, recording each change. */
class Runner {
  snapshot: RunSnapshot;
  readonly timers: Timers;
  calendar: IsoDate | null;
  readonly steps: StepResult[];
  readonly expectations: ExpectationResult[];
  readonly warnings: string[];

  constructor(
    readonly model: Model,
    start?: RunState,
  ) {
    if (start) {
      this.snapshot = model.machine.resolveState({ value: start.value, context: start.context });
      this.timers = new Timers(start.pendingTimers);
    } else {
      const [snapshot, actions] = initialTransition(model.machine);
      this.snapshot = snapshot;
      this.timers = new Timers();
      this.timers.apply(actions, snapshot.context.date);
    }
    this.calendar = start?.calendar ?? null;
    this.steps = [...(start?.steps ?? [])];
    this.expectations = [...(start?.expectations ?? [])];
    this.warnings = [...(start?.warnings ?? [])];
  }

  /** Fire every delayed transition due on or before `date`, then move the calendar there. */
  advanceTo(date: IsoDate): void {
    for (let due = this.timers.nextDue(date); due; due = this.timers.nextDue(date)) {
      const before = this.snapshot;
      const [after, actions] = transition(this.model.machine, before, due.event as AnyEventObject);
      this.snapshot = after;
      this.timers.apply(actions, after.context.date);
      this.steps.push({
        id: `timer-${due.due}`,
        date: due.due,
        datePrecision: 'day',
        kind: 'timer',
        hypothetical: this.steps.at(-1)?.hypothetical ?? false,
        actor: { id: 'calendar', name: 'Calendar' },
        event: { type: due.event.type, description: due.description },
        sources: [],
        verification: null,
        attribution: null,
        state: after.value,
        changes: diffTracks(this.model, before.value, after.value),
      });
    }
    if (this.calendar === null || date > this.calendar) this.calendar = date;
  }

  /** Apply one planned step; a refused step throws, or is skipped with a warning when lenient. */
  apply({ step, hypothetical, origin }: PlannedStep, lenient: boolean): void {
    this.advanceTo(step.date);
    const event = { type: step.event, date: step.date };
    if (!this.snapshot.can(event)) {
      const reason = this.refusal(step.id, step.event, step.date, origin);
      if (!lenient) throw new ScenarioError(reason);
      this.warnings.push(`${reason} (skipped)`);
      return;
    }
    const before = this.snapshot;
    const [after, actions] = transition(this.model.machine, before, event);
    this.snapshot = after;
    this.timers.apply(actions, after.context.date);
    if (step.expect) this.expectations.push(checkExpectation(this.model, step.id, step.expect, after));
    this.steps.push({
      id: step.id,
      date: step.date,
      datePrecision: step.datePrecision ?? 'day',
      kind: 'scenario',
      hypothetical,
      actor: { id: step.actor, name: this.model.actors[step.actor]?.name ?? step.actor },
      event: { type: step.event, description: this.model.events[step.event]?.description ?? '' },
      sources: step.sources ?? [],
      verification: step.verification ?? null,
      attribution: step.attribution ?? null,
      ...(step.note ? { note: step.note } : {}),
      state: after.value,
      changes: diffTracks(this.model, before.value, after.value),
    });
  }

  refusal(id: string, type: string, date: string, origin: string | undefined): string {
    const where = `${origin ? `${origin}: ` : ''}step '${id}' (${date})`;
    const current = this.snapshot.context.date;
    if (current !== null && date < current) {
      return `${where}: event '${type}' is dated before the model's current date ${current}`;
    }
    const accepting = statesAccepting(this.model.machine, type);
    const active = leafPaths(this.snapshot.value);
    const here = accepting.filter((a) => active.some((leaf) => leaf === a.path || leaf.startsWith(`${a.path}.`)));
    const rules = [...new Set(here.flatMap((a) => a.guards))].filter((g) => g !== 'isNotBackdated');
    if (here.length && rules.length) {
      return `${where}: event '${type}' is refused by the model's rules in ${here.map((a) => a.path).join(', ')} (guards: ${rules.join(', ')})`;
    }
    const needed = accepting.map((a) => a.path).join(', ') || '(no state accepts it)';
    return `${where}: event '${type}' is not accepted in the current state; it needs one of: ${needed}`;
  }

  /** Check the run's declared outcome (when it ran to its end) and package the result. */
  finish(
    scenario: Scenario,
    branch: string | null,
    position: ReplayResult['position'],
    expectedOutcome: string | undefined,
  ): ReplayResult {
    if (expectedOutcome !== undefined && !position.paused) {
      const what = branch ? `branch ends in ${expectedOutcome}` : `scenario ends in ${expectedOutcome}`;
      this.expectations.push(checkExpectation(this.model, position.lastStep ?? '', { description: what, outcome: expectedOutcome }, this.snapshot));
    }
    const state: RunState = {
      value: this.snapshot.value,
      context: this.snapshot.context,
      calendar: this.calendar,
      pendingTimers: this.timers.pending(),
      steps: this.steps,
      expectations: this.expectations,
      warnings: this.warnings,
    };
    return {
      scenario: scenario.id,
      title: scenario.title,
      branch,
      steps: this.steps,
      final: { date: this.calendar, state: this.snapshot.value, outcome: this.model.outcomeOf(this.snapshot), pendingTimers: state.pendingTimers },
      expectations: this.expectations,
      warnings: this.warnings,
      ok: this.expectations.every((e) => e.ok),
      position,
      snapshot: this.snapshot,
      state,
    };
  }
}

function runPlan(runner: Runner, plan: readonly PlannedStep[], from: number, options: ReplayOptions): number {
  let applied = from;
  for (const planned of plan.slice(from)) {
    runner.apply(planned, options.lenient ?? false);
    applied += 1;
    if (planned.step.id === options.stopAfter) break;
  }
  return applied;
}

function runUntil(runner: Runner, until: IsoDate | undefined): void {
  if (until === undefined) return;
  if (runner.calendar !== null && until < runner.calendar) {
    throw new ScenarioError(`--until ${until} is before the run's current date ${runner.calendar}`);
  }
  runner.advanceTo(until);
}

/**
 * Replay a scenario (or one of its branches) on its model's machine with the
 * pure `transition` function: each step's resulting state, the delayed
 * transitions the calendar fires between steps, and every expectation checked.
 * Throws a {@link ScenarioError} when the model refuses a step (unless lenient).
 */
export function replay(scenario: Scenario, options: ReplayOptions = {}): ReplayResult {
  const plan = planSteps(scenario, options.branch);
  if (options.stopAfter !== undefined && !plan.steps.some((p) => p.step.id === options.stopAfter)) {
    throw new ScenarioError(`--stop-after: no step '${options.stopAfter}' in ${options.branch ? `branch '${options.branch}'` : `scenario '${scenario.id}'`}`);
  }
  const runner = new Runner(scenario.model);
  const applied = runPlan(runner, plan.steps, 0, options);
  // A paused run leaves the calendar and the end checks to `resumeRun`.
  const paused = options.stopAfter !== undefined;
  if (!paused) runUntil(runner, options.until ?? plan.until);
  const position = { applied, of: plan.steps.length, lastStep: plan.steps[applied - 1]?.step.id ?? null, paused };
  return runner.finish(scenario, options.branch ?? null, position, plan.expectedOutcome);
}

/** Where a saved run stopped in its scenario, and what to add on resuming. */
export interface ResumeOptions {
  readonly branch: string | null;
  /** How many planned steps the saved run had applied. */
  readonly applied: number;
  /** The id of the last step applied, to check the scenario has not changed since. */
  readonly lastStep: string | null;
  /** True when the saved run was paused before its end (its calendar and outcome checks are still due). */
  readonly paused: boolean;
  /** Further steps to apply after the scenario's own (hypothetical). */
  readonly extraSteps?: readonly PlannedStep[];
  readonly until?: IsoDate;
  readonly lenient?: boolean;
  /** The saved run's file, named when its record does not say what the scenario says. */
  readonly origin?: string;
}

/**
 * Continue a saved run: its snapshot, calendar and pending delayed transitions
 * are restored, then the rest of its scenario, any extra steps and the
 * calendar up to `until` are applied, exactly as a straight run would.
 */
export function resumeRun(scenario: Scenario, state: RunState, options: ResumeOptions): ReplayResult {
  let plan: ReturnType<typeof planSteps>;
  try {
    plan = planSteps(scenario, options.branch);
  } catch (error) {
    if (error instanceof ScenarioError && options.origin) throw new ScenarioError(`${options.origin}: field 'branch': ${error.message}`);
    throw error;
  }
  const expectedLast = plan.steps[options.applied - 1]?.step.id ?? null;
  if (options.applied > plan.steps.length || expectedLast !== options.lastStep) {
    throw new ScenarioError(`${options.origin ? `${options.origin}: ` : ''}the saved run no longer matches scenario '${scenario.id}' (its step ${options.applied} was '${options.lastStep}')`);
  }
  checkSavedAgainstPlan(plan, options.branch, state, { applied: options.applied, paused: options.paused }, options.origin ?? 'the saved run');
  const runner = new Runner(scenario.model, state);
  const steps = [...plan.steps, ...(options.extraSteps ?? [])];
  const applied = runPlan(runner, steps, options.applied, { lenient: options.lenient ?? false });
  runUntil(runner, options.until ?? (options.paused ? plan.until : undefined));
  const inPlan = Math.min(applied, plan.steps.length);
  const position = { applied: inPlan, of: plan.steps.length, lastStep: plan.steps[inPlan - 1]?.step.id ?? null, paused: false };
  // Extra steps take the run off its declared road, so the declared outcome no longer applies.
  const checkOutcome = options.paused && !options.extraSteps?.length;
  return runner.finish(scenario, options.branch, position, checkOutcome ? plan.expectedOutcome : undefined);
}
