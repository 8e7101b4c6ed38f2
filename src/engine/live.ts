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
 * Replay a scenario on a live XState actor whose clock is the scenario's
 * calendar (a `SimulatedClock` set to each step's date, so delayed
 * transitions fire on it), for inspectors that watch a running actor.
 * Steps the model refuses are skipped, as `--lenient` would.
 */
export function replayOnActor(scenario: Scenario, options: ActorReplayOptions = {}): RunSnapshot {
  const plan = planSteps(scenario, options.branch);
  const clock = new SimulatedClock();
  const first = plan.steps[0]?.step.date;
  if (first) clock.set(toEpochMs(first));
  const actor = createActor(scenario.model.machine, { clock, ...(options.inspect ? { inspect: options.inspect } : {}) });
  actor.start();
  for (const { step } of plan.steps) {
    clock.set(toEpochMs(step.date));
    const event = { type: step.event, date: step.date };
    if (actor.getSnapshot().can(event)) actor.send(event);
  }
  const until = options.until ?? plan.until;
  if (until) clock.set(toEpochMs(until));
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
}
