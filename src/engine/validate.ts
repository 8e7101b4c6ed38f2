import { isActorId } from '../model/actors.js';
import { isIsoDate } from '../model/calendar.js';
import { isEventType } from '../model/events.js';
import { isOutcome } from '../model/outcome.js';
import { ScenarioError } from './errors.js';
import { VERIFICATIONS, type Scenario, type Step } from './scenario.js';

function fail(origin: string, where: string, message: string): never {
  throw new ScenarioError(`${origin}: ${where}: ${message}`);
}

function checkSteps(scenario: Scenario, origin: string, steps: readonly Step[], label: string, seen: Set<string>, startDate: string | null): void {
  const articles = new Set(scenario.articles.map((a) => a.id));
  let previous = startDate;
  steps.forEach((step, i) => {
    const where = `${label} step ${i + 1}${typeof step.id === 'string' ? ` '${step.id}'` : ''}`;
    if (typeof step.id !== 'string' || step.id === '') fail(origin, where, "field 'id' is missing");
    if (seen.has(step.id)) fail(origin, where, `field 'id': duplicate step id '${step.id}'`);
    seen.add(step.id);
    if (!isIsoDate(step.date)) fail(origin, where, `field 'date': '${String(step.date)}' is not a YYYY-MM-DD date`);
    if (previous !== null && step.date < previous) fail(origin, where, `field 'date': ${step.date} is before the previous step's ${previous}`);
    previous = step.date;
    if (!isEventType(step.event)) fail(origin, where, `field 'event': unknown event type '${String(step.event)}'`);
    if (!isActorId(step.actor)) fail(origin, where, `field 'actor': unknown actor '${String(step.actor)}'`);
    if (!VERIFICATIONS.includes(step.verification)) {
      fail(origin, where, `field 'verification': '${String(step.verification)}' is not one of ${VERIFICATIONS.join(', ')}`);
    }
    step.sources.forEach((source, j) => {
      if (!articles.has(source.article)) fail(origin, where, `field 'sources[${j}].article': unknown article '${source.article}'`);
      if (typeof source.quote !== 'string' || source.quote.trim() === '') fail(origin, where, `field 'sources[${j}].quote' is empty`);
    });
    if (step.expect?.outcome !== undefined && !isOutcome(step.expect.outcome)) {
      fail(origin, where, `field 'expect.outcome': unknown outcome '${String(step.expect.outcome)}'`);
    }
  });
}

/**
 * Check a scenario's structure before anything runs: unique step ids, real dates
 * that never go back, known events, actors, articles, outcomes and fork points.
 * Throws a {@link ScenarioError} naming `origin`, the step and the field.
 */
export function validateScenario(scenario: Scenario, origin: string): Scenario {
  const seen = new Set<string>();
  checkSteps(scenario, origin, scenario.steps, 'the record', seen, null);
  const branchNames = new Set<string>();
  for (const branch of scenario.branches) {
    const where = `branch '${branch.name}'`;
    if (branchNames.has(branch.name)) fail(origin, where, `field 'name': duplicate branch name`);
    branchNames.add(branch.name);
    const forkIndex = scenario.steps.findIndex((s) => s.id === branch.from);
    if (forkIndex < 0) fail(origin, where, `field 'from': unknown step '${branch.from}'`);
    if (!isOutcome(branch.expectedOutcome)) fail(origin, where, `field 'expectedOutcome': unknown outcome '${String(branch.expectedOutcome)}'`);
    const fork = scenario.steps[forkIndex]!;
    const branchSeen = new Set(scenario.steps.slice(0, forkIndex + 1).map((s) => s.id));
    checkSteps(scenario, origin, branch.steps, `${where}`, branchSeen, fork.date);
  }
  return scenario;
}
