import { ScenarioError } from './errors.js';
import type { Model } from './model.js';
import { replay, type RunSnapshot } from './replay.js';
import type { Scenario } from './scenario.js';
import type { PendingTimer } from './timers.js';

/** Where an exploration starts: a scenario's state after one of its steps. */
export interface StartPoint {
  /** The model the scenario runs on. */
  readonly model: Model;
  readonly snapshot: RunSnapshot;
  readonly scenario: string;
  readonly branch: string | null;
  readonly step: string | null;
  readonly date: string | null;
  /** Delayed transitions waiting at that point (a truce's expiry), earliest first. */
  readonly pendingTimers: readonly PendingTimer[];
}

/** The state of `scenario` (or one of its branches) after `step`, or at its end. */
export function startPoint(scenario: Scenario, options: { branch?: string | null; step?: string | null } = {}): StartPoint {
  const branch = options.branch ?? null;
  const step = options.step ?? null;
  const result = replay(scenario, { branch, ...(step !== null ? { stopAfter: step } : {}) });
  if (step === null && result.steps.length === 0) throw new ScenarioError(`scenario '${scenario.id}' has no steps to start from`);
  return {
    model: scenario.model,
    snapshot: result.snapshot,
    scenario: scenario.id,
    branch,
    step: step ?? result.position.lastStep,
    date: result.snapshot.context.date,
    pendingTimers: result.final.pendingTimers,
  };
}
