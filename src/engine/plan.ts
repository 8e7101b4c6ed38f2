import type { IsoDate } from './calendar.js';
import { ScenarioError } from './errors.js';
import type { Scenario, Step } from './scenario.js';

/** A step as the engine will apply it: hypothetical or not, and where it was written. */
export interface PlannedStep {
  readonly step: Step;
  readonly hypothetical: boolean;
  readonly origin?: string;
}

/** The steps of a run, in order, with the outcome and calendar end it declares. */
export interface Plan {
  readonly steps: readonly PlannedStep[];
  readonly expectedOutcome?: string;
  readonly until?: IsoDate;
}

function recordOf(scenario: Scenario): PlannedStep[] {
  const own = scenario.steps.map((step) => ({ step, hypothetical: scenario.extends !== undefined, origin: scenario.origin }));
  if (!scenario.extends) return own;
  const parent = recordOf(scenario.extends.scenario);
  const fork = parent.findIndex((p) => p.step.id === scenario.extends!.from);
  if (fork < 0) {
    throw new ScenarioError(`${scenario.origin ?? scenario.id}: field 'from': unknown step '${scenario.extends.from}' in '${scenario.extends.scenario.id}'`);
  }
  return [...parent.slice(0, fork + 1), ...own];
}

/**
 * The steps to replay for a scenario's record (its parent's steps up to the
 * fork, then its own) or for one of its branches (the record up to the
 * branch's fork, then the branch's hypothetical steps).
 */
export function planSteps(scenario: Scenario, branchName: string | null | undefined): Plan {
  const record = recordOf(scenario);
  if (branchName === null || branchName === undefined) {
    return { steps: record, expectedOutcome: scenario.expectedOutcome, until: scenario.until };
  }
  const branch = scenario.branches.find((b) => b.name === branchName);
  if (!branch) {
    const known = scenario.branches.map((b) => b.name).join(', ') || 'none';
    throw new ScenarioError(`scenario '${scenario.id}' has no branch '${branchName}' (branches: ${known})`);
  }
  const fork = record.findIndex((p) => p.step.id === branch.from);
  if (fork < 0) throw new ScenarioError(`branch '${branch.name}': field 'from': unknown step '${branch.from}'`);
  return {
    steps: [...record.slice(0, fork + 1), ...branch.steps.map((step) => ({ step, hypothetical: true, origin: scenario.origin }))],
    expectedOutcome: branch.expectedOutcome,
    until: branch.until,
  };
}
