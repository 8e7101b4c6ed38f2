import { isDeepStrictEqual } from 'node:util';
import { ScenarioError } from './errors.js';
import type { Plan, PlannedStep } from './plan.js';
import type { Expectation } from './scenario.js';

/** What of a saved run can be checked against its scenario: the recorded steps, expectations and warnings. */
interface SavedRecord {
  readonly steps: ReadonlyArray<{
    readonly id: string;
    readonly kind: 'scenario' | 'timer';
    readonly date: string;
    readonly datePrecision: string;
    readonly hypothetical: boolean;
    readonly actor: { readonly id: string };
    readonly event: { readonly type: string };
    readonly sources: unknown;
    readonly verification: unknown;
    readonly attribution: unknown;
    readonly note?: string;
  }>;
  readonly expectations: ReadonlyArray<{ readonly step: string; readonly description: string; readonly expected: unknown }>;
  readonly warnings: readonly string[];
}

/** Where the saved run says it stands in its plan. */
interface SavedPosition {
  readonly applied: number;
  readonly paused: boolean;
}

/** An expectation as the engine records it for a step (see replay's `checkExpectation`). */
function expectationFor(step: string, expected: Expectation): { step: string; description: string; expected: Expectation } {
  return { step, description: expected.description ?? (expected.outcome ? `outcome is ${expected.outcome}` : 'state matches'), expected };
}

/** The fields of a recorded step that come from its scenario, as the engine writes them. */
function fromScenario(planned: PlannedStep): Record<string, unknown> {
  const { step } = planned;
  return {
    id: step.id,
    date: step.date,
    datePrecision: step.datePrecision ?? 'day',
    hypothetical: planned.hypothetical,
    actor: step.actor,
    event: step.event,
    sources: step.sources ?? [],
    verification: step.verification ?? null,
    attribution: step.attribution ?? null,
    note: step.note,
  };
}

function recorded(step: SavedRecord['steps'][number]): Record<string, unknown> {
  return {
    id: step.id,
    date: step.date,
    datePrecision: step.datePrecision,
    hypothetical: step.hypothetical,
    actor: step.actor.id,
    event: step.event.type,
    sources: step.sources,
    verification: step.verification,
    attribution: step.attribution,
    note: step.note,
  };
}

/**
 * Check that a saved run's record says what its scenario says: each recorded
 * step of the plan (up to where the run stopped) has the scenario's id, date,
 * actor, event, sources, verification, attribution and note, in order; a step the run
 * skipped has its warning; each expectation is the scenario's own; steps added
 * on resuming come after the whole plan. Throws a one-line
 * {@link ScenarioError} naming `origin` and the field.
 */
export function checkSavedAgainstPlan(plan: Plan, branch: string | null, saved: SavedRecord, position: SavedPosition, origin: string): void {
  const { expectedOutcome } = plan;
  const fail = (field: string, message: string): never => {
    throw new ScenarioError(`${origin}: field 'state.${field}': ${message}`);
  };
  const applied = plan.steps.slice(0, position.applied);
  const indexOf = new Map(applied.map((p, i) => [p.step.id, i]));
  const skipped: PlannedStep[] = [];
  const done: PlannedStep[] = [];
  const extras = new Set<string>();
  let next = 0;
  saved.steps.forEach((step, i) => {
    if (step.kind !== 'scenario') return;
    const at = indexOf.get(step.id);
    if (at === undefined || at < next) {
      // A step added on resuming (`--steps`): only after the whole plan, and always hypothetical.
      if (position.applied < plan.steps.length) fail(`steps[${i}].id`, `'${step.id}' is not a step of the scenario up to where the run stopped`);
      if (!step.hypothetical) fail(`steps[${i}].hypothetical`, `step '${step.id}' is not in the scenario, so it is hypothetical`);
      extras.add(step.id);
      return;
    }
    if (extras.size) fail(`steps[${i}].id`, `step '${step.id}' of the scenario comes after a step added on resuming`);
    skipped.push(...applied.slice(next, at));
    const want = fromScenario(applied[at]!);
    const have = recorded(step);
    for (const key of Object.keys(want)) {
      if (!isDeepStrictEqual(have[key], want[key])) {
        const field = key === 'actor' ? 'actor.id' : key === 'event' ? 'event.type' : key;
        fail(`steps[${i}].${field}`, `does not say what step '${step.id}' of the scenario says`);
      }
    }
    done.push(applied[at]!);
    next = at + 1;
  });
  skipped.push(...applied.slice(next));

  // Each skipped step left its warning, in order.
  let w = 0;
  for (const step of skipped) {
    const mark = `step '${step.step.id}' (${step.step.date}): `;
    while (w < saved.warnings.length && !saved.warnings[w]!.includes(mark)) w += 1;
    if (w === saved.warnings.length) fail('warnings', `step '${step.step.id}' was skipped, but no warning says so`);
    w += 1;
  }
  for (const [i, warning] of saved.warnings.entries()) {
    if (!warning.endsWith(' (skipped)')) fail(`warnings[${i}]`, 'is not a warning of a skipped step');
  }
  if (saved.warnings.length > skipped.length && extras.size === 0) fail('warnings', `${saved.warnings.length} warnings for ${skipped.length} skipped step(s)`);

  // The scenario's expectations, then its declared outcome when the run went to its end, then those of added steps.
  const own = done.filter((p) => p.step.expect).map((p) => expectationFor(p.step.id, p.step.expect!));
  own.forEach((want, i) => {
    const have = saved.expectations[i];
    if (!have) return fail('expectations', `the expectation of step '${want.step}' is missing`);
    if (have.step !== want.step || have.description !== want.description || !isDeepStrictEqual(have.expected, want.expected)) {
      fail(`expectations[${i}]`, `is not the expectation step '${want.step}' of the scenario declares`);
    }
  });
  let rest = saved.expectations.slice(own.length);
  const what = `${branch ? 'branch' : 'scenario'} ends in ${expectedOutcome}`;
  const declared = { step: applied.at(-1)?.step.id ?? '', description: what, expected: { description: what, outcome: expectedOutcome } };
  const hasDeclared = expectedOutcome !== undefined && rest.length > 0 && isDeepStrictEqual({ step: rest[0]!.step, description: rest[0]!.description, expected: rest[0]!.expected }, declared);
  if (hasDeclared) rest = rest.slice(1);
  if (extras.size === 0 && expectedOutcome !== undefined && hasDeclared === position.paused) {
    fail('expectations', position.paused ? 'a paused run has not checked its declared outcome yet' : `the check of the declared outcome ${expectedOutcome} is missing`);
  }
  rest.forEach((e, i) => {
    if (!extras.has(e.step)) fail(`expectations[${saved.expectations.length - rest.length + i}].step`, `'${e.step}' is not a step added on resuming`);
  });
}
