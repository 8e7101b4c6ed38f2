import { SimulatedClock, createActor, type InspectionEvent, type Observer } from 'xstate';
import { toEpochMs } from './calendar.js';
import { planSteps } from './plan.js';
import type { Scenario } from './scenario.js';
import type { RunSnapshot } from './replay.js';

/** Options of {@link replayOnActor}. */
export interface ActorReplayOptions {
  readonly branch?: string | null;
  readonly until?: string;
  /** Receives XState's inspection events (e.g. `@statelyai/inspect`'s `inspector.inspect`). */
  readonly inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
}

/**
 * The replay on a live actor, yielding before each step (and before the
 * calendar runs on to `until`), so that a caller may pause there.
 */
function* replaySteps(scenario: Scenario, options: ActorReplayOptions): Generator<void, RunSnapshot> {
  const plan = planSteps(scenario, options.branch);
  const clock = new SimulatedClock();
  const first = plan.steps[0]?.step.date;
  if (first) clock.set(toEpochMs(first));
  const actor = createActor(scenario.model.machine, { clock, ...(options.inspect ? { inspect: options.inspect } : {}) });
  actor.start();
  try {
    for (const { step } of plan.steps) {
      yield;
      clock.set(toEpochMs(step.date));
      const event = { type: step.event, date: step.date };
      if (actor.getSnapshot().can(event)) actor.send(event);
    }
    const until = options.until ?? plan.until;
    if (until) {
      yield;
      clock.set(toEpochMs(until));
    }
    return actor.getSnapshot();
  } finally {
    actor.stop();
  }
}

/**
 * Replay a scenario on a live XState actor whose clock is the scenario's
 * calendar (a `SimulatedClock` set to each step's date, so delayed
 * transitions fire on it), for inspectors that watch a running actor.
 * Steps the model refuses are skipped, as `--lenient` would.
 */
export function replayOnActor(scenario: Scenario, options: ActorReplayOptions = {}): RunSnapshot {
  const steps = replaySteps(scenario, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * {@link replayOnActor}, awaiting `between()` before each step (and before
 * the calendar runs on to `until`): the caller's pause, so that a class
 * watching an inspector sees each transition. The engine sets no timer itself.
 */
export async function replayOnActorPaced(scenario: Scenario, options: ActorReplayOptions, between: () => Promise<void>): Promise<RunSnapshot> {
  const steps = replaySteps(scenario, options);
  try {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      await between();
    }
  } finally {
    // A pause that failed still stops the actor.
    steps.return(undefined as unknown as RunSnapshot);
  }
}
